package dev.metronome.api;

/**
 * Another name of a series (a translation, an earlier title).
 *
 * @param name     the name
 * @param language its ISO 639-1 code ({@code "en"}), or {@code ""} if unknown
 * @param id       its id in the primary source, or {@code ""}
 */
public record AlternativeName(String name, String language, String id) {

    /** Normalises {@code null} to {@code ""}. */
    public AlternativeName {
        name = Values.text(name);
        language = Values.text(language);
        id = Values.text(id);
    }

    /** A name without language or id. */
    public static AlternativeName of(String name) {
        return new AlternativeName(name, "", "");
    }
}
