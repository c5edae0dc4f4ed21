package dev.metronome.api;

/**
 * An issue's or a series' id in one database.
 *
 * @param source  the database
 * @param kind    whether the id is an issue's or a series'
 * @param value   the id as text (Kitsu and MangaDex ids are not numbers)
 * @param primary whether this is the primary source of the metadata (at most one per kind)
 */
public record ExternalId(IdSource source, Kind kind, String value, boolean primary) {

    /** What an id identifies. */
    public enum Kind { ISSUE, SERIES }

    /** Requires a source and kind; trims the value. */
    public ExternalId {
        if (source == null || kind == null) {
            throw new IllegalArgumentException("an external id needs a source and a kind");
        }
        value = Values.text(value);
    }

    /** A non-primary issue id. */
    public static ExternalId issue(IdSource source, String value) {
        return new ExternalId(source, Kind.ISSUE, value, false);
    }

    /** A non-primary series id. */
    public static ExternalId series(IdSource source, String value) {
        return new ExternalId(source, Kind.SERIES, value, false);
    }

    /** This id with the primary flag set as given. */
    public ExternalId withPrimary(boolean newPrimary) {
        return new ExternalId(source, kind, value, newPrimary);
    }

    /** Whether this id is for the same source and kind as the other. */
    public boolean sameSlot(ExternalId other) {
        return source == other.source && kind == other.kind;
    }
}
