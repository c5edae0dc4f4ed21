package dev.metronome.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A book as the server sees it.
 *
 * @param id         the server's id
 * @param libraryId  the library's id
 * @param seriesId   the series' id, or null if the server has no series
 * @param name       the display name (usually the file name without extension)
 * @param serverPath the file's path as the server sees it (often a path inside a container)
 * @param sizeBytes  the file size
 * @param modified   the file's last modification
 * @param metadata   the server's current metadata for the book
 */
public record Book(String id, String libraryId, String seriesId, String name, String serverPath, long sizeBytes,
                   Instant modified, BookSummary metadata) {

    /** Rejects nulls in required fields. */
    public Book {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(serverPath, "serverPath");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The file extension, lower-case, without the dot.
     *
     * @return e.g. {@code cbz}, or an empty string
     */
    public String extension() {
        String p = serverPath.replace('\\', '/');
        String file = p.substring(p.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
