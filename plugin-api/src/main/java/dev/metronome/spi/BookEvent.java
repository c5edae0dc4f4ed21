package dev.metronome.spi;

import java.util.Objects;

/**
 * Something that happened to a book on the server.
 *
 * @param type      what happened
 * @param bookId    the book's id
 * @param libraryId the library's id, or null if unknown
 */
public record BookEvent(Type type, String bookId, String libraryId) {

    /** Rejects nulls. */
    public BookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bookId, "bookId");
    }

    /** The kinds of book events. */
    public enum Type {
        /** A new book, ready to be read (the server has finished analysing it). */
        ADDED,
        /** A book's file or metadata changed. */
        CHANGED,
        /** A book was removed. */
        DELETED,
        /** The server's user finished reading the book. */
        READ_COMPLETED
    }
}
