package dev.metronome.spi.example;

import dev.metronome.api.ComicMetadata;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.BookSummary;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.Library;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.Page;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerInfo;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SettingSpec;
import dev.metronome.spi.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The minimal adapter of docs/plugins.md, compiled and run by {@code FlatFolderProviderTest}: serves the
 * {@code .cbz} files of one folder (no sub-folders) and polls it for new ones.
 */
public final class FlatFolderProvider implements LibraryServerProvider {

    @Override
    public String id() {
        return "flat-folder";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(SettingSpec.required("folder", "The folder to serve"),
                SettingSpec.optional("poll-ms", "How often to look for new files, in milliseconds", "1000"));
    }

    @Override
    public LibraryServer connect(ServerSettings settings, HostServices host) throws ServerException {
        Path dir = Path.of(settings.require("folder"));
        if (!Files.isDirectory(dir)) {
            throw new ServerException("The folder " + dir + " does not exist.");
        }
        long pollMs = Long.parseLong(settings.get(settings().get(1)).orElseThrow());
        return new Server(dir, host, pollMs);
    }

    private record Server(Path dir, HostServices host, long pollMs) implements LibraryServer {

        @Override
        public ServerInfo info() {
            return new ServerInfo("flat folder", "1");
        }

        @Override
        public List<Library> libraries() {
            return List.of(new Library("main", dir.getFileName().toString(), dir.toString()));
        }

        @Override
        public Page<Book> books(BookQuery query) throws ServerException {
            List<Book> all = list();
            int from = Math.min(all.size(), query.page() * query.size());
            int to = Math.min(all.size(), from + query.size());
            return new Page<>(all.subList(from, to), query.page(), to == all.size());
        }

        @Override
        public Optional<Book> book(String bookId) throws ServerException {
            return list().stream().filter(b -> b.id().equals(bookId)).findFirst();
        }

        @Override
        public Subscription events(BookEventListener listener) {
            Set<String> seen = new HashSet<>();
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    for (Book b : list()) {
                        if (seen.add(b.id())) {
                            listener.onEvent(new BookEvent(BookEvent.Type.ADDED, b.id(), "main"));
                        }
                    }
                } catch (ServerException e) {
                    listener.onDisconnected(e.getMessage());
                }
            }, 0, pollMs, TimeUnit.MILLISECONDS);
            listener.onConnected(false);
            return new Subscription() {
                @Override
                public boolean isConnected() {
                    return !poller.isShutdown();
                }

                @Override
                public void close() {
                    poller.shutdownNow();
                }
            };
        }

        @Override
        public Optional<Path> localFile(Book book) {
            return Optional.of(Path.of(book.serverPath()));
        }

        @Override
        public InputStream openBook(Book book) throws IOException {
            return Files.newInputStream(Path.of(book.serverPath()));
        }

        @Override
        public ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException {
            try {
                host.writeMetadata(Path.of(book.serverPath()), metadata, false);
                return new ApplyResult(ApplyMode.FILE, "ComicInfo.xml written");
            } catch (IOException e) {
                throw new ServerException("Could not tag " + book.serverPath() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void analyze(Book book) {
        }

        @Override
        public void close() {
        }

        private List<Book> list() throws ServerException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".cbz")).sorted()
                        .map(p -> new Book(p.getFileName().toString(), "main", null, p.getFileName().toString(),
                                p.toString(), p.toFile().length(), Instant.ofEpochMilli(p.toFile().lastModified()),
                                BookSummary.EMPTY))
                        .toList();
            } catch (IOException e) {
                throw new ServerException("Could not list " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
