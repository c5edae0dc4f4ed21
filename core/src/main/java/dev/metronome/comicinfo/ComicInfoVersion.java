package dev.metronome.comicinfo;

/** The ComicInfo.xml schema versions (anansi-project/comicinfo). */
public enum ComicInfoVersion {
    /** ComicRack's original schema. */
    V1_0("v1.0"),
    /** The current stable schema: what strict mode writes. */
    V2_0("v2.0"),
    /** The draft that adds Translator, Tags, StoryArcNumber and GTIN (read by Komga and Kavita): the default. */
    V2_1("v2.1");

    private final String folder;

    ComicInfoVersion(String folder) {
        this.folder = folder;
    }

    /** The class-path resource of this version's XSD. */
    public String schemaResource() {
        return "/dev/metronome/comicinfo/schema/" + folder + "/ComicInfo.xsd";
    }

    /** Whether this version includes everything of the other. */
    public boolean includes(ComicInfoVersion other) {
        return compareTo(other) >= 0;
    }
}
