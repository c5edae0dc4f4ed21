package dev.metronome.comicinfo;

/**
 * Character data inside an element.
 *
 * @param text the text, unescaped
 */
public record XmlText(String text) implements XmlNode {

    @Override
    public void appendXml(StringBuilder out) {
        out.append(XmlOut.escape(text, false));
    }
}
