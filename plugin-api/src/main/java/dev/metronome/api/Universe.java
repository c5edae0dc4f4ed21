package dev.metronome.api;

/**
 * A universe the story takes place in (MetronInfo only).
 *
 * @param name        the universe's name ({@code "Earth 616"})
 * @param designation its designation ({@code "Earth-616"}), or {@code ""}
 * @param id          its id in the primary source, or {@code ""}
 */
public record Universe(String name, String designation, String id) {

    /** Normalises {@code null} to {@code ""}. */
    public Universe {
        name = Values.text(name);
        designation = Values.text(designation);
        id = Values.text(id);
    }
}
