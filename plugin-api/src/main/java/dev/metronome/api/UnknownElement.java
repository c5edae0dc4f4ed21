package dev.metronome.api;

/**
 * An element of a metadata file that Metronome does not understand, kept verbatim so that writing the file
 * back does not lose it.
 *
 * @param format the file it came from ({@link #COMIC_INFO} or {@link #METRON_INFO})
 * @param name   the element's local name
 * @param xml    the element serialised as an XML fragment, including its start and end tags
 */
public record UnknownElement(String format, String name, String xml) {

    /** The format name of ComicInfo.xml. */
    public static final String COMIC_INFO = "ComicInfo";
    /** The format name of MetronInfo.xml. */
    public static final String METRON_INFO = "MetronInfo";

    /** Normalises {@code null} to {@code ""}; the fragment is kept as is. */
    public UnknownElement {
        format = Values.text(format);
        name = Values.text(name);
        xml = xml == null ? "" : xml;
    }
}
