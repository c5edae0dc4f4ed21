package dev.metronome.spi;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.Tagger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-neutral loop a host runs over any {@link LibraryServer}: a catch-up over books without a Metron id, live
 * events, identification through a {@link Tagger}, applying the metadata, and a {@link SyncState} so a restart tags
 * nothing twice. After each reconnect of the event stream it catches up again, so a disconnect loses no book.
 *
 * <p>Books are processed one at a time on one worker thread; a book queued twice is processed once.
 */
public final class LibraryServerSync implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LibraryServerSync.class.getName());
    private static final String CATCH_UP = "\u0000catch-up";
    private static final String READ = "\u0000read:";

    private final LibraryServer server;
    private final Tagger tagger;
    private final SyncState state;
    private final SyncOptions options;
    private final Clock clock;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong tagged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** The local files of the books left undecided (or never tagged), to their book ids: for a person's choice. */
    private final java.util.Map<Path, String> openBooks = new ConcurrentHashMap<>();
    private volatile boolean walkedForOpenBooks;
    /** One apply at a time: the worker's and a person's choice never write one book at once. */
    private final Object applying = new Object();
    private volatile boolean running;
    private Thread worker;
    private Subscription subscription;

    /**
     * A sync, not yet started.
     *
     * @param server  the connected server
     * @param tagger  the host's tagging engine
     * @param state   the persistent per-book state
     * @param options the options
     * @param clock   the clock for state timestamps
     */
    public LibraryServerSync(LibraryServer server, Tagger tagger, SyncState state, SyncOptions options, Clock clock) {
        this.server = server;
        this.tagger = tagger;
        this.state = state;
        this.options = options;
        this.clock = clock;
    }

    /** Starts the worker, subscribes to events and queues a catch-up. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "metronome-sync-" + options.serverKey());
        worker.setDaemon(true);
        worker.start();
        subscription = server.events(new Listener());
        requestCatchUp();
    }

    /** Queues a catch-up: every book without a Metron id in the served libraries. */
    public void requestCatchUp() {
        enqueue(CATCH_UP);
    }

    /**
     * Queues one book.
     *
     * @param bookId the server's book id
     */
    public void enqueue(String bookId) {
        if (queued.add(bookId)) {
            queue.add(bookId);
        }
    }

    /**
     * Books tagged since start.
     *
     * @return the count
     */
    public long taggedCount() {
        return tagged.get();
    }

    /**
     * Books that failed since start.
     *
     * @return the count
     */
    public long failedCount() {
        return failed.get();
    }

    /**
     * Whether nothing is queued or being processed.
     *
     * @return true when idle
     */
    public boolean isIdle() {
        return queued.isEmpty();
    }

    private void work() {
        while (running) {
            String item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == null) {
                continue;
            }
            try {
                if (CATCH_UP.equals(item)) {
                    catchUp();
                } else if (item.startsWith(READ)) {
                    String rest = item.substring(READ.length());
                    int cut = rest.indexOf('\u0000');
                    readCompleted(rest.substring(cut + 1), cut <= 0 ? null : rest.substring(0, cut));
                } else {
                    process(item);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Unexpected failure on " + item + ": " + e);
            } finally {
                queued.remove(item);
            }
        }
    }

    private void catchUp() {
        BookQuery query = BookQuery.untagged(options.libraryIds());
        try {
            while (running) {
                Page<Book> page = server.books(query);
                for (Book book : page.content()) {
                    if (!book.deleted() && !isFinal(book.id())) {
                        enqueue(book.id());
                    }
                }
                if (page.last()) {
                    return;
                }
                query = query.next();
            }
        } catch (ServerException e) {
            LOG.log(System.Logger.Level.WARNING, "Catch-up stopped: " + e.getMessage());
        }
    }

    private boolean isFinal(String bookId) {
        return state.get(options.serverKey(), bookId).map(SyncState.Entry::isFinal).orElse(false);
    }

    private void process(String bookId) {
        if (isFinal(bookId)) {
            return;
        }
        Optional<Book> found;
        try {
            found = server.book(bookId);
        } catch (ServerException e) {
            fail(bookId, e.getMessage());
            return;
        }
        if (found.isEmpty() || found.get().deleted()) {
            return; // gone, or soft-deleted (moved, renamed, converted): its new book comes as a book of its own
        }
        Book book = found.get();
        if (!options.libraryIds().isEmpty() && !options.libraryIds().contains(book.libraryId())) {
            return;
        }
        if (book.metadata().metronId() != null) {
            record(bookId, SyncState.Outcome.ALREADY_TAGGED, null);
            return;
        }
        try {
            tag(book);
        } catch (ServerException | IOException | RuntimeException e) {
            fail(bookId, book.serverPath() + ": " + e.getMessage());
        }
    }

    private void tag(Book book) throws ServerException, IOException {
        Optional<Path> local = server.localFile(book);
        Path file = local.isPresent() ? local.get() : download(book);
        try {
            Decision decision = tagger.identify(file);
            switch (decision.status()) {
                case MATCHED -> {
                    long issueId = decision.issueId();
                    applyIssue(book, issueId);
                }
                case AMBIGUOUS -> undecided(book, local, SyncState.Outcome.AMBIGUOUS);
                case NO_MATCH -> undecided(book, local, SyncState.Outcome.NO_MATCH);
                case ERROR -> fail(book.id(), book.serverPath() + ": " + String.join("; ", decision.reasons()));
            }
        } finally {
            if (local.isEmpty()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Applies an issue's metadata to a book in its library's mode, and records it: the one apply path. */
    private ApplyResult applyIssue(Book book, long issueId) throws ServerException {
        ComicMetadata metadata = tagger.metadata(issueId);
        ApplyResult result;
        synchronized (applying) {
            result = server.apply(book, metadata, options.modeFor(book.libraryId()));
        }
        record(book.id(), SyncState.Outcome.TAGGED, issueId);
        if (result.newBookId() != null) {
            record(result.newBookId(), SyncState.Outcome.TAGGED, issueId);
        }
        tagged.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, book.serverPath() + ": Metron issue " + issueId + ", " + result.message());
        return result;
    }

    private void undecided(Book book, Optional<Path> local, SyncState.Outcome outcome) {
        record(book.id(), outcome, null);
        local.ifPresent(file -> openBooks.put(file.toAbsolutePath().normalize(), book.id()));
    }

    /**
     * The book of a local file that is not tagged yet (one this sync left undecided, or, after a restart, one of the
     * server's books without a Metron id: those are looked for once, in one walk over the untagged books).
     *
     * @param file the local file
     * @return the server's book id, if the file is such a book's
     */
    public Optional<String> openBook(Path file) {
        Path key = file.toAbsolutePath().normalize();
        String id = openBooks.get(key);
        if (id == null && !walkedForOpenBooks) {
            walkForOpenBooks();
            id = openBooks.get(key);
        }
        return Optional.ofNullable(id);
    }

    private synchronized void walkForOpenBooks() {
        if (walkedForOpenBooks) {
            return;
        }
        BookQuery query = BookQuery.untagged(options.libraryIds());
        try {
            while (true) {
                Page<Book> page = server.books(query);
                for (Book book : page.content()) {
                    if (!book.deleted()) {
                        server.localFile(book).ifPresent(f -> openBooks.putIfAbsent(f.toAbsolutePath().normalize(),
                                book.id()));
                    }
                }
                if (page.last()) {
                    break;
                }
                query = query.next();
            }
            walkedForOpenBooks = true;
        } catch (ServerException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list the untagged books: " + e.getMessage());
        }
    }

    /**
     * Applies the issue a person chose (on the review page) to the book of a local file, through the same path as a
     * confident match: {@link LibraryServer#apply} in the book's library mode (a metadata patch with locks, or a file
     * write and a rescan), then recorded as tagged.
     *
     * @param file    the book's local file
     * @param issueId the Metron issue chosen
     * @return what the server did
     * @throws ServerException when the file is no open book of this server, or the server refuses or fails
     */
    public ApplyResult applyChoice(Path file, long issueId) throws ServerException {
        String bookId = openBook(file).orElseThrow(() -> new ServerException(file.getFileName() + " is not a book of "
                + server.info().name() + " waiting to be tagged"));
        Book book = server.book(bookId).filter(b -> !b.deleted()).orElseThrow(() -> new ServerException(
                file.getFileName() + " is no longer a book of " + server.info().name()));
        ApplyResult result = applyIssue(book, issueId);
        openBooks.remove(file.toAbsolutePath().normalize());
        return result;
    }

    private Path download(Book book) throws IOException {
        String ext = book.extension().isEmpty() ? "bin" : book.extension();
        Path temp = Files.createTempFile("metronome-book-", "." + ext);
        try (InputStream in = server.openBook(book)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private void record(String bookId, SyncState.Outcome outcome, Long issueId) {
        state.put(options.serverKey(), bookId, new SyncState.Entry(outcome, issueId, clock.instant()));
    }

    private void fail(String bookId, String message) {
        failed.incrementAndGet();
        record(bookId, SyncState.Outcome.FAILED, null);
        LOG.log(System.Logger.Level.WARNING, "Book " + bookId + " failed: " + message);
    }

    /**
     * A book the server's user finished: tagged first if it needs it, then scrobbled once, whether or not this sync
     * tagged it (a book that already carried a Metron reference is identified from its file for its issue id). A read
     * by a named user goes to the scrobbler with the name, once per book and user (several users may read one book;
     * the state keeps one mark per user, beside the book's own entry).
     */
    private void readCompleted(String bookId, String user) {
        if (options.scrobbler() == Scrobbler.none()) {
            return;
        }
        process(bookId);
        Optional<SyncState.Entry> entry = state.get(options.serverKey(), bookId);
        if (entry.isPresent() && entry.get().issueId() == null
                && entry.get().outcome() == SyncState.Outcome.ALREADY_TAGGED) {
            entry = identifyForScrobble(bookId, entry.get());
        }
        if (user != null) {
            String mark = bookId + READ + user;
            if (state.get(options.serverKey(), mark).filter(SyncState.Entry::scrobbled).isPresent()) {
                return;
            }
            entry.filter(e -> e.issueId() != null).ifPresent(e -> {
                options.scrobbler().readCompleted(e.issueId(), user);
                state.put(options.serverKey(), mark, e.asScrobbled());
            });
            return;
        }
        entry.filter(e -> e.issueId() != null && !e.scrobbled()).ifPresent(e -> {
            options.scrobbler().readCompleted(e.issueId(), null);
            state.put(options.serverKey(), bookId, e.asScrobbled());
        });
    }

    private Optional<SyncState.Entry> identifyForScrobble(String bookId, SyncState.Entry entry) {
        try {
            Optional<Book> book = server.book(bookId);
            if (book.isEmpty() || book.get().deleted()) {
                return Optional.empty();
            }
            Optional<Path> local = server.localFile(book.get());
            Path file = local.isPresent() ? local.get() : download(book.get());
            try {
                Decision d = tagger.identify(file);
                if (d.status() != Decision.Status.MATCHED) {
                    return Optional.empty();
                }
                SyncState.Entry known = new SyncState.Entry(entry.outcome(), d.issueId(), entry.at());
                state.put(options.serverKey(), bookId, known);
                return Optional.of(known);
            } finally {
                if (local.isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (ServerException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Book " + bookId + " read, but not identified for scrobbling: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Stops the event stream and the worker. */
    @Override
    public synchronized void close() {
        running = false;
        if (subscription != null) {
            subscription.close();
        }
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Listener implements BookEventListener {
        @Override
        public void onEvent(BookEvent event) {
            switch (event.type()) {
                case ADDED, CHANGED -> enqueue(event.bookId());
                case READ_COMPLETED -> enqueue(READ + (event.userId() == null ? "" : event.userId()) + "\u0000"
                        + event.bookId());
                case DELETED -> { }
            }
        }

        @Override
        public void onConnected(boolean reconnect) {
            if (reconnect) {
                requestCatchUp();
            }
        }
    }
}
