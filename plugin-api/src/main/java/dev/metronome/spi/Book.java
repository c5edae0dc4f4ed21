package dev.metronome.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A book as the server sees it.
 *
 * @param id         the server's id
 * @param libraryId  the library's id
 * @param seriesId   the series' id, or null if the server has no series
 * @param name       the display name (usually the file name without extension)
 * @param serverPath the main file's path as the server sees it (often a path inside a container); the first of
 *                   {@code files}
 * @param sizeBytes  the file size
 * @param modified   the file's last modification
 * @param metadata   the server's current metadata for the book
 * @param deleted    true when the server has soft-deleted the book (its file vanished, was moved, renamed or
 *                   converted; Komga keeps such a book until the trash is emptied). A host skips it quietly.
 * @param files      the server paths of all the book's files, the main one first (servers such as Kavita may keep
 *                   one book in several files); never empty
 */
public record Book(String id, String libraryId, String seriesId, String name, String serverPath, long sizeBytes,
                   Instant modified, BookSummary metadata, boolean deleted, List<String> files) {

    /** Rejects nulls in required fields; an empty or null {@code files} becomes {@code [serverPath]}. */
    public Book {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(libraryId, "libraryId");
        Objects.requireNonNull(serverPath, "serverPath");
        Objects.requireNonNull(metadata, "metadata");
        files = files == null || files.isEmpty() ? List.of(serverPath) : List.copyOf(files);
    }

    /**
     * A live (not deleted) book with one file, as before the SPI knew soft deletes and several files.
     *
     * @param id         the server's id
     * @param libraryId  the library's id
     * @param seriesId   the series' id, or null
     * @param name       the display name
     * @param serverPath the file's path as the server sees it
     * @param sizeBytes  the file size
     * @param modified   the file's last modification
     * @param metadata   the server's current metadata
     */
    public Book(String id, String libraryId, String seriesId, String name, String serverPath, long sizeBytes,
                Instant modified, BookSummary metadata) {
        this(id, libraryId, seriesId, name, serverPath, sizeBytes, modified, metadata, false, List.of(serverPath));
    }

    /**
     * The file extension of the main file, lower-case, without the dot.
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
