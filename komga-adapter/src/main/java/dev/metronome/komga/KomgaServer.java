package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connected Komga: the {@link LibraryServer} over {@link KomgaClient} and {@link KomgaEventStream}. */
final class KomgaServer implements LibraryServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITABLE = Set.of("cbz", "zip");

    private final KomgaClient client;
    private final HostServices host;
    private final PathMapping paths;
    private final boolean convertToCbz;
    private final KomgaEventStream.Timing timing;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    KomgaServer(KomgaClient client, HostServices host, PathMapping paths, boolean convertToCbz,
                KomgaEventStream.Timing timing) {
        this.client = client;
        this.host = host;
        this.paths = paths;
        this.convertToCbz = convertToCbz;
        this.timing = timing;
    }

    @Override
    public ServerInfo info() {
        return new ServerInfo("Komga", client.version().toString());
    }

    @Override
    public List<Library> libraries() throws ServerException {
        List<Library> out = new ArrayList<>();
        for (JsonNode l : client.getJson("/api/v1/libraries")) {
            out.add(new Library(l.path("id").asText(), l.path("name").asText(), l.path("root").asText("")));
        }
        return out;
    }

    @Override
    public Page<Book> books(BookQuery query) throws ServerException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode all = body.putObject("condition").putArray("allOf");
        all.addObject().putObject("deleted").put("operator", "isFalse");
        if (!query.libraryIds().isEmpty()) {
            ArrayNode any = all.addObject().putArray("anyOf");
            query.libraryIds().forEach(id -> any.addObject().putObject("libraryId").put("operator", "is").put("value", id));
        }
        JsonNode page = client.postJson("/api/v1/books/list?page=" + query.page() + "&size=" + query.size(), body);
        List<Book> books = new ArrayList<>();
        for (JsonNode dto : page.path("content")) {
            Book b = toBook(dto);
            if (!query.withoutMetronIdOnly() || b.metadata().metronId() == null) {
                books.add(b);
            }
        }
        return new Page<>(books, page.path("number").asInt(query.page()), page.path("last").asBoolean(true));
    }

    @Override
    public Optional<Book> book(String bookId) throws ServerException {
        return client.getJsonIfFound("/api/v1/books/" + bookId).map(KomgaServer::toBook);
    }

    @Override
    public Subscription events(BookEventListener listener) {
        Subscription s = new KomgaEventStream(client, listener, timing, KomgaEventStream.lookupVia(client)).start();
        subscriptions.add(s);
        return s;
    }

    @Override
    public Optional<Path> localFile(Book book) {
        Path p = paths.toLocal(book.serverPath());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public InputStream openBook(Book book) throws IOException {
        return client.download("/api/v1/books/" + book.id() + "/file");
    }

    @Override
    public ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException {
        String note = "";
        if (mode == ApplyMode.FILE) {
            Optional<Path> local = localFile(book);
            if (!WRITABLE.contains(book.extension()) && !convertToCbz) {
                note = "a " + book.extension().toUpperCase(java.util.Locale.ROOT)
                        + " cannot be rewritten without conversion, so it was patched through the API";
            } else if (local.isEmpty()) {
                throw new ServerException(book.serverPath() + " is not visible on this machine; configure a path"
                        + " mapping (Komga path=local path) for file mode.");
            } else {
                Path written;
                try {
                    written = host.writeMetadata(local.get(), metadata, convertToCbz);
                } catch (IOException e) {
                    throw new ServerException("Could not write ComicInfo.xml into " + local.get() + ": "
                            + e.getMessage(), e);
                }
                if (!written.equals(local.get())) {
                    // converted: Komga will see a new file, and give it a new book id, at its next scan
                    client.post("/api/v1/libraries/" + book.libraryId() + "/scan");
                    return new ApplyResult(ApplyMode.FILE, "converted to " + written.getFileName()
                            + " and tagged; a library scan was requested (the book gets a new id in Komga)");
                }
                patch(book, metadata);
                analyze(book);
                return new ApplyResult(ApplyMode.FILE, "ComicInfo.xml written, fields locked, analysis queued");
            }
        }
        patch(book, metadata);
        return new ApplyResult(ApplyMode.PATCH, note.isEmpty() ? "book and series metadata patched with locks" : note);
    }

    private void patch(Book book, ComicMetadata metadata) throws ServerException {
        ObjectNode bookPatch = KomgaMetadataMapper.bookPatch(metadata);
        if (!bookPatch.isEmpty()) {
            client.patchJson("/api/v1/books/" + book.id() + "/metadata", bookPatch);
        }
        ObjectNode seriesPatch = KomgaMetadataMapper.seriesPatch(metadata);
        if (book.seriesId() != null && !seriesPatch.isEmpty()) {
            client.patchJson("/api/v1/series/" + book.seriesId() + "/metadata", seriesPatch);
        }
    }

    @Override
    public void analyze(Book book) throws ServerException {
        client.post("/api/v1/books/" + book.id() + "/analyze");
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    /**
     * A book from Komga's {@code BookDto}.
     *
     * @param dto the DTO
     * @return the book
     */
    static Book toBook(JsonNode dto) {
        JsonNode m = dto.path("metadata");
        List<String> links = new ArrayList<>();
        String metron = null;
        for (JsonNode l : m.path("links")) {
            String url = l.path("url").asText("");
            links.add(url);
            if (metron == null && (url.contains("://metron.cloud/") || url.contains(".metron.cloud/"))) {
                metron = url;
            }
        }
        Set<String> locks = new HashSet<>();
        for (Map.Entry<String, JsonNode> f : m.properties()) {
            if (f.getKey().endsWith("Lock") && f.getValue().asBoolean(false)) {
                locks.add(f.getKey().substring(0, f.getKey().length() - 4));
            }
        }
        LocalDate release = m.hasNonNull("releaseDate") ? LocalDate.parse(m.path("releaseDate").asText()) : null;
        BookSummary summary = new BookSummary(m.path("title").asText(null), m.path("number").asText(null), release,
                links, metron, locks);
        Instant modified = dto.hasNonNull("fileLastModified") ? Instant.parse(dto.path("fileLastModified").asText()) : null;
        return new Book(dto.path("id").asText(), dto.path("libraryId").asText(), dto.path("seriesId").asText(null),
                dto.path("name").asText(""), dto.path("url").asText(""), dto.path("sizeBytes").asLong(), modified,
                summary);
    }
}
