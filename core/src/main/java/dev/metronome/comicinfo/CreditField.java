package dev.metronome.comicinfo;

/** The ComicInfo.xml elements that hold creator names, in schema order. */
public enum CreditField {
    WRITER("Writer", "Writer", ComicInfoVersion.V1_0),
    PENCILLER("Penciller", "Penciller", ComicInfoVersion.V1_0),
    INKER("Inker", "Inker", ComicInfoVersion.V1_0),
    COLORIST("Colorist", "Colorist", ComicInfoVersion.V1_0),
    LETTERER("Letterer", "Letterer", ComicInfoVersion.V1_0),
    COVER_ARTIST("CoverArtist", "Cover", ComicInfoVersion.V1_0),
    EDITOR("Editor", "Editor", ComicInfoVersion.V1_0),
    TRANSLATOR("Translator", "Translator", ComicInfoVersion.V2_1);

    private final String element;
    private final String role;
    private final ComicInfoVersion since;

    CreditField(String element, String role, ComicInfoVersion since) {
        this.element = element;
        this.role = role;
        this.since = since;
    }

    /** The ComicInfo element name ({@code CoverArtist}). */
    public String element() {
        return element;
    }

    /** The Metron role a name read from this element gets ({@code Cover}). */
    public String role() {
        return role;
    }

    /** The first schema version that has this element. */
    public ComicInfoVersion since() {
        return since;
    }
}
