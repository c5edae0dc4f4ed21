package dev.metronome.spi;

import java.util.Objects;

/**
 * Something that happened to a book on the server.
 *
 * @param type      what happened
 * @param bookId    the book's id
 * @param libraryId the library's id, or null if unknown
 * @param userId    the server user the event concerns (e.g. whose read progress changed), or null when the event
 *                  concerns no particular user or the server does not say
 */
public record BookEvent(Type type, String bookId, String libraryId, String userId) {

    /** Rejects nulls in the type and the book id. */
    public BookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bookId, "bookId");
    }

    /**
     * An event that concerns no particular user.
     *
     * @param type      what happened
     * @param bookId    the book's id
     * @param libraryId the library's id, or null if unknown
     */
    public BookEvent(Type type, String bookId, String libraryId) {
        this(type, bookId, libraryId, null);
    }

    /** The kinds of book events. */
    public enum Type {
        /** A new book, ready to be read (the server has finished analysing it). */
        ADDED,
        /** A book's file or metadata changed. */
        CHANGED,
        /** A book was removed. */
        DELETED,
        /** A server user finished reading the book ({@link BookEvent#userId()} says who, when known). */
        READ_COMPLETED
    }
}
