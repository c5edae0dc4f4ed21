package dev.metronome.folder;

import dev.metronome.api.ComicMetadata;
import dev.metronome.archive.ExtensionFixer;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.BookSummary;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.Library;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.Page;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerInfo;
import dev.metronome.spi.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A directory served as a library: each archive under it is a book whose id is its path relative to the directory.
 * Metadata can only go into the file, so every apply mode writes the file through the host.
 */
final class FolderServer implements LibraryServer {

    /** The archive extensions the folder serves. */
    static final String LIBRARY_ID = "folder";

    private final Path root;
    private final HostServices host;
    private final Duration settle;
    private final boolean convert;
    private final boolean fixExtensions;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    FolderServer(Path root, HostServices host, Duration settle, boolean convert, boolean fixExtensions, Clock clock) {
        this.root = root;
        this.host = host;
        this.settle = settle;
        this.convert = convert;
        this.fixExtensions = fixExtensions;
        this.clock = clock;
    }

    @Override
    public ServerInfo info() {
        return new ServerInfo("Folder", String.valueOf(FolderProvider.SPI_VERSION));
    }

    @Override
    public List<Library> libraries() {
        return List.of(new Library(LIBRARY_ID, String.valueOf(root.getFileName()), root.toString()));
    }

    @Override
    public Page<Book> books(BookQuery query) throws ServerException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(FolderServer::isArchive).filter(p -> !recentlyModified(p, settle, clock)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ServerException("Could not list " + root + ": " + e.getMessage(), e);
        }
        int from = Math.min(all.size(), query.page() * query.size());
        int to = Math.min(all.size(), from + query.size());
        List<Book> books = all.subList(from, to).stream().map(this::toBook).flatMap(Optional::stream).toList();
        return new Page<>(books, query.page(), to >= all.size());
    }

    @Override
    public Optional<Book> book(String bookId) {
        Path p = root.resolve(bookId).normalize();
        return p.startsWith(root) && isArchive(p) ? toBook(p) : Optional.empty();
    }

    @Override
    public Subscription events(BookEventListener listener) {
        FolderWatcher w = new FolderWatcher(root, listener, settle, clock, this::idOf).start();
        subscriptions.add(w);
        return w;
    }

    @Override
    public Optional<Path> localFile(Book book) {
        Path p = Path.of(book.serverPath());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public InputStream openBook(Book book) throws IOException {
        return Files.newInputStream(Path.of(book.serverPath()));
    }

    @Override
    public ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException {
        Path file = localFile(book).orElseThrow(() -> new ServerException(book.serverPath() + " no longer exists."));
        try {
            Path result = host.writeMetadata(file, metadata, convert);
            String done = result.equals(file) ? "ComicInfo.xml written" : "tagged, now " + result.getFileName();
            if (fixExtensions) {
                ExtensionFixer.Outcome renamed = ExtensionFixer.fix(result);
                if (!renamed.message().isEmpty()) {
                    done += "; " + renamed.message();
                }
            }
            return new ApplyResult(ApplyMode.FILE, done);
        } catch (IOException e) {
            throw new ServerException("Could not write metadata into " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void analyze(Book book) {
        // a folder has nothing to re-read
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    String idOf(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private Optional<Book> toBook(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            String name = p.getFileName().toString();
            return Optional.of(new Book(idOf(p), LIBRARY_ID, idOf(p.getParent()), name.replaceFirst("\\.[^.]+$", ""),
                    p.toString(), a.size(), a.lastModifiedTime().toInstant(), BookSummary.EMPTY));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a file changed within the settle time: it may still be growing, so the watcher reports it later. */
    static boolean recentlyModified(Path p, Duration settle, Clock clock) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isAfter(clock.instant().minus(settle));
        } catch (IOException e) {
            return true;
        }
    }

    static boolean isArchive(Path p) {
        return p.getFileName() != null && dev.metronome.archive.Archives.isArchiveName(p.getFileName().toString())
                && Files.isRegularFile(p);
    }
}
