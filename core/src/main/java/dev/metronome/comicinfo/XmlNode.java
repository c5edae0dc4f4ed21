package dev.metronome.comicinfo;

/**
 * A node of the small XML tree the metadata readers build: an {@link XmlElement} or an {@link XmlText}. Shared
 * by the ComicInfo and MetronInfo readers.
 */
public sealed interface XmlNode permits XmlElement, XmlText {

    /** Appends this node as XML to the builder. */
    void appendXml(StringBuilder out);
}
