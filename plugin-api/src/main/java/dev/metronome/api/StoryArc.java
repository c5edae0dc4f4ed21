package dev.metronome.api;

/**
 * A story arc the issue belongs to.
 *
 * @param name   the arc's name
 * @param number the place in the arc as written ({@code "2"}; ComicInfo allows free text), or {@code ""}
 * @param id     the arc's id in the primary source, or {@code ""}
 */
public record StoryArc(String name, String number, String id) {

    /** Normalises {@code null} to {@code ""}. */
    public StoryArc {
        name = Values.text(name);
        number = Values.text(number);
        id = Values.text(id);
    }

    /** An arc with just a name. */
    public static StoryArc of(String name) {
        return new StoryArc(name, "", "");
    }
}
