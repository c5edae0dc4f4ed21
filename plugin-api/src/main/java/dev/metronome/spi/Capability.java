package dev.metronome.spi;

/**
 * What a {@link LibraryServer} can do beyond the methods every server has. The host uses these to choose a mode, to
 * warn about options that cannot work (e.g. scrobbling without read events) and to explain itself.
 */
public enum Capability {
    /** {@link LibraryServer#apply} with {@link ApplyMode#PATCH} writes metadata through the server's own API. */
    PATCH,
    /** {@link LibraryServer#apply} with {@link ApplyMode#FILE} writes metadata into the book's file, which the server
     * then re-reads. */
    FILE,
    /** {@link LibraryServer#events} delivers live book events (otherwise the host relies on catch-ups). */
    EVENTS,
    /** Events include {@link BookEvent.Type#READ_COMPLETED}, so books read on the server can be scrobbled. */
    READ_PROGRESS,
    /** A converted file can be imported as an upgrade of the existing book, keeping its reading state (see
     * {@link ApplyResult#newBookId()}). */
    IMPORT
}
