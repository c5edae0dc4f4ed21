package dev.metronome.metroninfo;

/** The MetronInfo.xml schema versions (Metron-Project/metroninfo). Both are XSD 1.1 schemas. */
public enum MetronInfoVersion {
    /** The first released schema. */
    V1_0,
    /** Adds AlternativeNumber and CommunityRating: the default. */
    V1_1;

    /** Whether this version includes everything of the other. */
    public boolean includes(MetronInfoVersion other) {
        return compareTo(other) >= 0;
    }
}
