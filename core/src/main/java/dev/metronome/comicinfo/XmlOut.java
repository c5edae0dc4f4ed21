package dev.metronome.comicinfo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A small writer of indented XML (two spaces, UTF-8, {@code \n} line ends), used by the ComicInfo and
 * MetronInfo writers. Characters XML 1.0 does not allow are left out; everything else is escaped.
 */
public final class XmlOut {

    private final StringBuilder out = new StringBuilder(4096);
    private int depth;

    /** Starts a document with the XML declaration. */
    public XmlOut() {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    }

    /** Opens an element with attributes (given as name, value pairs; pairs with an empty value are left out). */
    public XmlOut open(String name, String... attributes) {
        indent();
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    /** Opens an element with attributes in map order. */
    public XmlOut open(String name, Map<String, String> attributes) {
        return open(name, flatten(attributes));
    }

    /** Closes the innermost open element. */
    public XmlOut close(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** Writes {@code <name attrs>text</name>}. */
    public XmlOut element(String name, String text, String... attributes) {
        indent();
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        return this;
    }

    /** Writes {@code <name attrs>text</name>} unless the text is empty. */
    public XmlOut optional(String name, String text, String... attributes) {
        return text == null || text.isBlank() ? this : element(name, text, attributes);
    }

    /** Writes an empty element {@code <name attrs/>}. */
    public XmlOut empty(String name, String... attributes) {
        indent();
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** Writes an XML fragment as is, on its own line. The caller guarantees it is well-formed. */
    public XmlOut raw(String fragment) {
        indent();
        out.append(fragment.strip()).append('\n');
        return this;
    }

    /** The document, UTF-8 encoded. */
    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Escapes text for element content or (with {@code attribute}) a double-quoted attribute value. */
    public static String escape(String text, boolean attribute) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                case '\r' -> escaped.append("&#13;");
                case '\n' -> escaped.append(attribute ? "&#10;" : "\n");
                case '\t' -> escaped.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isXmlChar(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Whether XML 1.0 allows this character. */
    public static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private void appendAttributes(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null && !attributes[i + 1].isEmpty()) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1], true)).append('"');
            }
        }
    }

    private static String[] flatten(Map<String, String> attributes) {
        String[] pairs = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            pairs[i++] = entry.getKey();
            pairs[i++] = entry.getValue();
        }
        return pairs;
    }

    private void indent() {
        out.append("  ".repeat(Math.max(0, depth)));
    }
}
