package dev.metronome.spi;

import dev.metronome.api.ComicMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LibraryServer} held in memory, for testing {@link LibraryServerSync}. */
class InMemoryLibraryServer implements LibraryServer {

    record Applied(String bookId, ComicMetadata metadata, ApplyMode mode) {
    }

    final Map<String, Book> books = new ConcurrentHashMap<>();
    final Map<String, Path> localFiles = new ConcurrentHashMap<>();
    final List<Applied> applied = new CopyOnWriteArrayList<>();
    final List<String> failNextApply = new CopyOnWriteArrayList<>();
    final List<BookQuery> queries = new CopyOnWriteArrayList<>();
    volatile int pageSize = 2;
    volatile BookEventListener listener;
    volatile int downloads;
    volatile String newIdOnApply;

    Book add(String id, String libraryId, String path) {
        Book b = new Book(id, libraryId, "S1", id, path, 10, Instant.EPOCH, BookSummary.EMPTY);
        books.put(id, b);
        return b;
    }

    @Override
    public ServerInfo info() {
        return new ServerInfo("memory", "1");
    }

    @Override
    public List<Library> libraries() {
        return List.of(new Library("L1", "One", "/"), new Library("L2", "Two", "/"));
    }

    @Override
    public Page<Book> books(BookQuery query) {
        queries.add(query);
        List<Book> all = books.values().stream().sorted((a, b) -> a.id().compareTo(b.id()))
                .filter(b -> query.libraryIds().isEmpty() || query.libraryIds().contains(b.libraryId())).toList();
        int from = query.page() * pageSize;
        int to = Math.min(all.size(), from + pageSize);
        List<Book> page = new ArrayList<>(from >= all.size() ? List.of() : all.subList(from, to));
        if (query.withoutMetronIdOnly()) {
            page.removeIf(b -> b.metadata().metronId() != null); // filtered on our side: pages may shrink
        }
        return new Page<>(page, query.page(), to >= all.size());
    }

    @Override
    public Optional<Book> book(String bookId) {
        return Optional.ofNullable(books.get(bookId));
    }

    @Override
    public Subscription events(BookEventListener l) {
        this.listener = l;
        l.onConnected(false);
        return new Subscription() {
            @Override
            public boolean isConnected() {
                return true;
            }

            @Override
            public void close() {
                listener = null;
            }
        };
    }

    @Override
    public Optional<Path> localFile(Book book) {
        return Optional.ofNullable(localFiles.get(book.id()));
    }

    @Override
    public InputStream openBook(Book book) throws IOException {
        downloads++;
        return new ByteArrayInputStream(("bytes of " + book.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException {
        if (failNextApply.remove(book.id())) {
            throw new ServerException("server refused " + book.id());
        }
        applied.add(new Applied(book.id(), metadata, mode));
        books.put(book.id(), new Book(book.id(), book.libraryId(), book.seriesId(), book.name(), book.serverPath(),
                book.sizeBytes(), book.modified(), new BookSummary(null, null, null, List.of(), "metron:" + book.id(),
                java.util.Set.of())));
        return new ApplyResult(mode, "applied", newIdOnApply);
    }

    @Override
    public void analyze(Book book) {
    }

    @Override
    public void close() {
    }
}
