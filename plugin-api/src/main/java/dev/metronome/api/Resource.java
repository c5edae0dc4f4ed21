package dev.metronome.api;

/**
 * A named thing with an optional id in the metadata's primary source: a publisher, imprint, character,
 * team, location, genre, tag, reprint or creator role.
 *
 * @param name the display name; never blank for a meaningful resource
 * @param id   the id in the primary source (usually Metron), or {@code ""} if unknown
 */
public record Resource(String name, String id) {

    /** Normalises {@code null} to {@code ""} and trims both values. */
    public Resource {
        name = Values.text(name);
        id = Values.text(id);
    }

    /** A resource with a name and no id. */
    public static Resource of(String name) {
        return new Resource(name, "");
    }

    /** A resource with a name and an id. */
    public static Resource of(String name, long id) {
        return new Resource(name, Long.toString(id));
    }

    /** Whether the name is empty. */
    public boolean isEmpty() {
        return name.isEmpty();
    }

    /** Whether the id is known. */
    public boolean hasId() {
        return !id.isEmpty();
    }
}
