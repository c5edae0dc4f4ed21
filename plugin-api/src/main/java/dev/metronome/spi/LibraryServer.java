package dev.metronome.spi;

import dev.metronome.api.ComicMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One connected library server. Every method may block on the network; none returns null.
 */
public interface LibraryServer extends AutoCloseable {

    /**
     * The server's name and version, as checked at connect time.
     *
     * @return the info
     */
    ServerInfo info();

    /**
     * What this server can do beyond the methods every server has. The default claims nothing, so an adapter
     * written before capabilities existed is treated as before.
     *
     * @return the capabilities, never null
     */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /**
     * The libraries the configured account can see.
     *
     * @return the libraries
     * @throws ServerException when the server fails
     */
    List<Library> libraries() throws ServerException;

    /**
     * One page of books, for catch-up and reconciliation.
     *
     * @param query which books and which page
     * @return the page
     * @throws ServerException when the server fails
     */
    Page<Book> books(BookQuery query) throws ServerException;

    /**
     * One book, freshly read.
     *
     * @param bookId the server's id
     * @return the book, or empty if it no longer exists
     * @throws ServerException when the server fails
     */
    Optional<Book> book(String bookId) throws ServerException;

    /**
     * Starts streaming events. The stream reconnects by itself until the subscription is closed; after every
     * reconnect the listener's {@link BookEventListener#onConnected(boolean)} is called with {@code true}, so the
     * host can reconcile what it may have missed.
     *
     * @param listener called on the stream's own thread
     * @return the subscription
     */
    Subscription events(BookEventListener listener);

    /**
     * The book's file on this machine, when the server's files are visible here (shared filesystem and path mapping).
     *
     * @param book the book
     * @return the local path, if it exists
     */
    Optional<Path> localFile(Book book);

    /**
     * The book's bytes, downloaded from the server.
     *
     * @param book the book
     * @return a stream the caller closes
     * @throws IOException when the download fails
     */
    InputStream openBook(Book book) throws IOException;

    /**
     * Applies metadata to a book in the server's own way.
     *
     * @param book     the book
     * @param metadata the metadata
     * @param mode     how to apply it; a server may fall back (see {@link ApplyResult#modeUsed()})
     * @return what was done
     * @throws ServerException when the server refuses or fails
     */
    ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException;

    /**
     * Asks the server to re-read the book's file (Komga: analyze).
     *
     * @param book the book
     * @throws ServerException when the server refuses or fails
     */
    void analyze(Book book) throws ServerException;

    /** Stops streams and releases connections. */
    @Override
    void close();
}
