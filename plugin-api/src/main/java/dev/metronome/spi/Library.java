package dev.metronome.spi;

import java.util.Objects;

/**
 * A library on the server.
 *
 * @param id   the server's id
 * @param name the display name
 * @param root the library's root folder as the server sees it
 */
public record Library(String id, String name, String root) {

    /** Rejects a null id or name. */
    public Library {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
