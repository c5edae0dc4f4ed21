package dev.metronome.spi;

import java.util.List;
import java.util.Objects;

/**
 * A library on the server.
 *
 * @param id    the server's id
 * @param name  the display name
 * @param roots the library's root folders as the server sees them (Kavita libraries may have several; Komga one);
 *              possibly empty when the server does not say
 */
public record Library(String id, String name, List<String> roots) {

    /** Rejects a null id or name; a null {@code roots} becomes empty. */
    public Library {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roots = roots == null ? List.of() : List.copyOf(roots);
    }

    /**
     * A library with one root folder.
     *
     * @param id   the server's id
     * @param name the display name
     * @param root the root folder as the server sees it, or null if unknown
     */
    public Library(String id, String name, String root) {
        this(id, name, root == null ? List.of() : List.of(root));
    }

    /**
     * The first root folder.
     *
     * @return the first of {@link #roots()}, or null when there is none
     */
    public String root() {
        return roots.isEmpty() ? null : roots.get(0);
    }
}
