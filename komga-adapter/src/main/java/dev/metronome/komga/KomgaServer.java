package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.PathMapping;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.BookSummary;
import dev.metronome.spi.Capability;
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
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected Komga: the {@link LibraryServer} over {@link KomgaClient} and {@link KomgaEventStream}.
 *
 * <ul>
 *   <li>Book lists are always sorted (Komga gives no order otherwise). The first catch-up walks every book by
 *       creation date; a catch-up after a reconnect asks only for books modified since the last one seen
 *       ({@code sort=lastModified,desc}), and a full walk happens at most once per {@code full-catch-up} interval.</li>
 *   <li>A soft-deleted book (its file moved, renamed or converted) is reported with {@code deleted}, so the host skips
 *       it quietly. A book Komga is still analysing, or is about to convert itself ({@code convertToCbz}), is not
 *       offered yet: its {@code BookChanged} brings it back.</li>
 *   <li>Fields the user locked are left alone, unless locks are overridden; every field sent is locked.</li>
 *   <li>Series are patched from the aggregate of their tagged books ({@link SeriesPatcher}); story arcs become read
 *       lists in patch mode ({@link StoryArcLists}).</li>
 *   <li>A CBR/CB7 converted in file mode is imported in place of the old book ({@code upgradeBookId}), which keeps
 *       its read progress and read lists.</li>
 *   <li>After a reconnect, books the account's user finished while the stream was down are reported again.</li>
 * </ul>
 */
final class KomgaServer implements LibraryServer {

    private static final Logger LOG = LoggerFactory.getLogger(KomgaServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITABLE = Set.of("cbz", "zip");
    /** Pages of an incremental catch-up are small: usually only the first one holds books changed since. */
    private static final int INCREMENTAL_PAGE = 10;
    private static final Duration NO_TASK_EVENTS_BUFFER = Duration.ofSeconds(1);

    /**
     * How the server is used.
     *
     * @param convertToCbz      file mode may convert CBR/CB7 to CBZ (imported in place of the old book)
     * @param overrideLocks     send fields the user locked too
     * @param charactersAsTags  send characters and teams as book tags
     * @param fullCatchUpEvery  the least time between two full walks over the library
     * @param importWait        how long to wait for Komga to import a converted book
     * @param seriesQuiet       how long a series waits after its last tagged book before it is patched
     * @param clock             the clock for the full-walk limit
     */
    record Options(boolean convertToCbz, boolean overrideLocks, boolean charactersAsTags, Duration fullCatchUpEvery,
                   Duration importWait, Duration seriesQuiet, Clock clock) {
    }

    private final KomgaClient client;
    private final HostServices host;
    private final PathMapping paths;
    private final Options options;
    private final KomgaEventStream.Timing timing;
    private final SeriesPatcher seriesPatcher;
    private final StoryArcLists arcLists;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> komgaConverts = new ConcurrentHashMap<>();
    /** Books not offered yet (analysis or Komga's own conversion pending), looked at again every second. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService recheck =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "komga-pending-books");
                t.setDaemon(true);
                return t;
            });
    private volatile Instant latestChange;
    private volatile Instant latestRead;
    private volatile Instant lastFullWalk;
    private volatile Instant walkSince;

    KomgaServer(KomgaClient client, HostServices host, PathMapping paths, Options options, KomgaEventStream.Timing timing) {
        this.client = client;
        this.host = host;
        this.paths = paths;
        this.options = options;
        this.timing = timing;
        this.seriesPatcher = new SeriesPatcher(client, options.overrideLocks(), options.seriesQuiet());
        this.arcLists = new StoryArcLists(client);
    }

    @Override
    public ServerInfo info() {
        return new ServerInfo("Komga", client.version() == null ? "unknown (the version is shown to admins only)"
                : client.version().toString());
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> c = EnumSet.of(Capability.FILE, Capability.EVENTS, Capability.READ_PROGRESS);
        if (admin()) {
            c.add(Capability.PATCH);
            c.add(Capability.IMPORT);
        }
        return c;
    }

    private boolean admin() {
        return client.roles().contains("ADMIN");
    }

    @Override
    public List<Library> libraries() throws ServerException {
        List<Library> out = new ArrayList<>();
        for (JsonNode l : client.getJson("/api/v1/libraries")) {
            komgaConverts.put(l.path("id").asText(), l.path("convertToCbz").asBoolean(false));
            out.add(new Library(l.path("id").asText(), l.path("name").asText(), l.path("root").asText("")));
        }
        return out;
    }

    @Override
    public Page<Book> books(BookQuery query) throws ServerException {
        if (query.page() == 0) {
            Instant now = options.clock().instant();
            boolean recentWalk = lastFullWalk != null && now.isBefore(lastFullWalk.plus(options.fullCatchUpEvery()));
            walkSince = recentWalk && latestChange != null ? latestChange.minus(margin()) : null;
        }
        Instant since = walkSince;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode all = body.putObject("condition").putArray("allOf");
        all.addObject().putObject("deleted").put("operator", "isFalse");
        if (!query.libraryIds().isEmpty()) {
            ArrayNode any = all.addObject().putArray("anyOf");
            query.libraryIds().forEach(id -> any.addObject().putObject("libraryId").put("operator", "is").put("value", id));
        }
        String sort = since == null ? "createdDate,asc" : "lastModified,desc";
        int size = since == null ? query.size() : Math.min(query.size(), INCREMENTAL_PAGE);
        JsonNode page = client.postJson("/api/v1/books/list?page=" + query.page() + "&size=" + size
                + "&sort=" + sort, body);
        List<Book> books = new ArrayList<>();
        boolean last = page.path("last").asBoolean(true);
        for (JsonNode dto : page.path("content")) {
            if (since != null && instant(dto, "lastModified").map(t -> t.isBefore(since)).orElse(false)) {
                last = true; // sorted newest first: the rest were seen before
                break;
            }
            Optional<Book> b = offered(dto);
            if (b.isPresent() && (!query.withoutMetronIdOnly() || b.get().metadata().metronId() == null)) {
                books.add(b.get());
            }
        }
        if (last && since == null) {
            lastFullWalk = options.clock().instant();
        }
        return new Page<>(books, page.path("number").asInt(query.page()), last);
    }

    @Override
    public Optional<Book> book(String bookId) throws ServerException {
        Optional<JsonNode> dto = client.getJsonIfFound("/api/v1/books/" + bookId);
        if (dto.isEmpty()) {
            return Optional.empty();
        }
        return dto.get().path("deleted").asBoolean(false) ? Optional.of(toBook(dto.get())) : offered(dto.get());
    }

    /** The book, unless Komga is still analysing it or will convert it itself (its BookChanged brings it back). */
    private Optional<Book> offered(JsonNode dto) throws ServerException {
        Book b = toBook(dto);
        String status = dto.path("media").path("status").asText("READY");
        if (!status.equals("READY")) {
            LOG.debug("Book {} is {} in Komga; waiting for its analysis", b.id(), status);
            if (status.equals("UNKNOWN") || status.equals("OUTDATED")) {
                pending.add(b.id());
            }
            return Optional.empty();
        }
        if (!WRITABLE.contains(b.extension()) && komgaConverts(b.libraryId())) {
            LOG.debug("Book {} is a {}; Komga converts it to CBZ itself (convertToCbz)", b.id(), b.extension());
            pending.add(b.id());
            return Optional.empty();
        }
        return Optional.of(b);
    }

    private boolean komgaConverts(String libraryId) throws ServerException {
        if (!komgaConverts.containsKey(libraryId)) {
            libraries();
        }
        return komgaConverts.getOrDefault(libraryId, false);
    }

    @Override
    public Subscription events(BookEventListener listener) {
        BookEventListener recovering = new BookEventListener() {
            @Override
            public void onEvent(BookEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void onConnected(boolean reconnect) {
                if (reconnect) {
                    recoverReads(listener);
                }
                listener.onConnected(reconnect);
            }

            @Override
            public void onDisconnected(String cause) {
                listener.onDisconnected(cause);
            }
        };
        // Only admins get TaskQueueStatus: without it, buffered events go after a second (a book still being analysed
        // is not offered, and its BookChanged after the analysis brings it back).
        KomgaEventStream.Timing t = admin() || timing.maxBufferAge().compareTo(NO_TASK_EVENTS_BUFFER) <= 0 ? timing
                : new KomgaEventStream.Timing(timing.minBackoff(), timing.maxBackoff(), timing.heartbeatTimeout(),
                NO_TASK_EVENTS_BUFFER);
        Subscription s = new KomgaEventStream(client, recovering, t, KomgaEventStream.lookupVia(client)).start();
        subscriptions.add(s);
        recheck.scheduleWithFixedDelay(() -> recheckPending(listener), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        return s;
    }

    /**
     * Offers the books that were not ready when last looked at and are now (their own event may have come before the
     * stream was connected, or been lost with it).
     */
    private void recheckPending(BookEventListener listener) {
        for (String id : List.copyOf(pending)) {
            pending.remove(id);
            try {
                Optional<Book> b = book(id); // adds it to pending again when still not ready
                if (b.isPresent() && !pending.contains(id)) {
                    listener.onEvent(new BookEvent(BookEvent.Type.CHANGED, id, b.get().libraryId()));
                }
            } catch (ServerException | RuntimeException e) {
                LOG.debug("Book {} not looked at again: {}", id, e.getMessage());
            }
        }
    }

    /**
     * Reports again the books the account's user finished while the stream was down ({@code ReadProgressChanged}
     * is sent only while connected, and only to the reader), found by read date.
     */
    private void recoverReads(BookEventListener listener) {
        Instant reference = latestRead != null ? latestRead : latestChange;
        if (reference == null) {
            return;
        }
        Instant since = reference.minus(margin());
        ObjectNode body = JSON.createObjectNode();
        body.putObject("condition").putObject("readStatus").put("operator", "is").put("value", "READ");
        try {
            for (int page = 0; page < 10; page++) {
                JsonNode answer = client.postJson("/api/v1/books/list?page=" + page
                        + "&size=100&sort=readProgress.readDate,desc", body);
                for (JsonNode dto : answer.path("content")) {
                    Optional<Instant> read = instant(dto.path("readProgress"), "readDate");
                    if (read.isEmpty() || read.get().isBefore(since)) {
                        return;
                    }
                    toBook(dto);
                    listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, dto.path("id").asText(),
                            dto.path("libraryId").asText(null), client.userId()));
                }
                if (answer.path("last").asBoolean(true)) {
                    return;
                }
            }
        } catch (ServerException e) {
            LOG.warn("Could not look for books read while disconnected: {}", e.getMessage());
        }
    }

    /**
     * How far before the last change seen a catch-up looks: events are lost for at most as long as a dead stream
     * goes unnoticed, plus the time they wait in the buffer.
     */
    private Duration margin() {
        return timing.heartbeatTimeout().plus(timing.maxBufferAge()).plusSeconds(1);
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
        Set<String> keep = options.overrideLocks() ? Set.of() : book.metadata().lockedFields();
        if (mode == ApplyMode.FILE) {
            boolean writable = WRITABLE.contains(book.extension());
            if (writable || options.convertToCbz()) {
                Path local = localFile(book).orElseThrow(() -> new ServerException(book.serverPath()
                        + " is not visible on this machine; configure a path mapping (Komga path=local path) for"
                        + " file mode."));
                return writable ? writeInPlace(book, local, metadata, keep) : convertAndImport(book, local, metadata);
            }
            requireAdmin(book, "a " + book.extension().toUpperCase(java.util.Locale.ROOT)
                    + " cannot be rewritten without conversion, and patching it");
            patch(book, metadata, keep);
            return new ApplyResult(ApplyMode.PATCH, "a " + book.extension().toUpperCase(java.util.Locale.ROOT)
                    + " cannot be rewritten without conversion, so it was patched through the API");
        }
        requireAdmin(book, "patch mode");
        patch(book, metadata, keep);
        arcLists.add(book.id(), metadata.storyArcs());
        return new ApplyResult(ApplyMode.PATCH, keep.isEmpty() ? "book and series metadata patched with locks"
                : "book and series metadata patched with locks; the user's locked " + String.join(", ", keep)
                + " left alone");
    }

    private ApplyResult writeInPlace(Book book, Path local, ComicMetadata metadata, Set<String> keep)
            throws ServerException {
        write(local, metadata, false);
        if (!admin()) {
            return new ApplyResult(ApplyMode.FILE, "ComicInfo.xml written; Komga reads it at its next library scan"
                    + " (asking it to analyse the book needs the ADMIN role)");
        }
        patch(book, metadata, keep);
        analyze(book);
        return new ApplyResult(ApplyMode.FILE, "ComicInfo.xml written, fields locked, analysis queued");
    }

    /**
     * Converts a CBR/CB7 to a CBZ and has Komga import it in place of the old book ({@code upgradeBookId},
     * {@code BookImporter.kt}): the new book takes over the read progress and read lists. The CBZ waits under a hidden
     * name (Komga's scan skips those) until the import moves it into place.
     */
    private ApplyResult convertAndImport(Book book, Path local, ComicMetadata metadata) throws ServerException {
        requireAdmin(book, "converting a " + book.extension().toUpperCase(java.util.Locale.ROOT)
                + " while keeping its reading state (Komga's import; or turn on the library's convertToCbz)");
        Path cbz = write(local, metadata, true);
        Path staged = cbz.resolveSibling("." + cbz.getFileName());
        try {
            Files.move(cbz, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ServerException("Could not stage " + cbz + " for Komga's import: " + e.getMessage(), e);
        }
        String source = paths.toServer(staged).orElse(staged.toString());
        String parent = book.serverPath().replace('\\', '/');
        String destination = parent.substring(0, parent.lastIndexOf('/') + 1) + cbz.getFileName();
        ObjectNode body = JSON.createObjectNode().put("copyMode", "MOVE");
        body.putArray("books").addObject().put("seriesId", book.seriesId()).put("sourceFile", source)
                .put("upgradeBookId", book.id()).put("destinationName", cbz.getFileName().toString());
        client.postNoAnswer("/api/v1/books/import", body);
        Optional<String> newId = awaitImport(book, destination);
        return new ApplyResult(ApplyMode.FILE, "converted to " + cbz.getFileName() + " and imported in place of the "
                + book.extension().toUpperCase(java.util.Locale.ROOT) + " (read progress and read lists kept)"
                + (newId.isEmpty() ? "; the import had not finished yet" : ""), newId.orElse(null));
    }

    private Optional<String> awaitImport(Book old, String destination) throws ServerException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("condition").putObject("seriesId").put("operator", "is").put("value", old.seriesId());
        long deadline = System.nanoTime() + options.importWait().toNanos();
        do {
            for (JsonNode dto : client.postJson("/api/v1/books/list?page=0&size=50&sort=createdDate,desc", body)
                    .path("content")) {
                if (dto.path("url").asText().equals(destination) && !dto.path("id").asText().equals(old.id())) {
                    return Optional.of(dto.path("id").asText());
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    private Path write(Path local, ComicMetadata metadata, boolean convert) throws ServerException {
        try {
            return host.writeMetadata(local, metadata, convert);
        } catch (IOException e) {
            throw new ServerException("Could not write ComicInfo.xml into " + local + ": " + e.getMessage(), e);
        }
    }

    private void requireAdmin(Book book, String what) throws ServerException {
        if (!admin()) {
            throw new ServerException(book.serverPath() + ": " + what + " needs the ADMIN role, which the Komga account "
                    + client.email() + " lacks.");
        }
    }

    private void patch(Book book, ComicMetadata metadata, Set<String> keep) throws ServerException {
        ObjectNode bookPatch = KomgaMetadataMapper.bookPatch(metadata, keep, options.charactersAsTags());
        if (!bookPatch.isEmpty()) {
            client.patchJson("/api/v1/books/" + book.id() + "/metadata", bookPatch);
        }
        seriesPatcher.add(book, metadata);
    }

    @Override
    public void analyze(Book book) throws ServerException {
        client.post("/api/v1/books/" + book.id() + "/analyze");
    }

    @Override
    public void close() {
        recheck.shutdownNow();
        subscriptions.forEach(Subscription::close);
        seriesPatcher.close();
    }

    /**
     * A book from Komga's {@code BookDto}, noting the latest change and read date seen (for incremental catch-ups).
     *
     * @param dto the DTO
     * @return the book
     */
    Book toBook(JsonNode dto) {
        instant(dto, "lastModified").ifPresent(t -> {
            if (latestChange == null || t.isAfter(latestChange)) {
                latestChange = t;
            }
        });
        instant(dto.path("readProgress"), "readDate").ifPresent(t -> {
            if (latestRead == null || t.isAfter(latestRead)) {
                latestRead = t;
            }
        });
        return bookOf(dto);
    }

    /**
     * A book from Komga's {@code BookDto}.
     *
     * @param dto the DTO
     * @return the book
     */
    static Book bookOf(JsonNode dto) {
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
        Instant modified = instant(dto, "fileLastModified").orElse(null);
        String url = dto.path("url").asText("");
        return new Book(dto.path("id").asText(), dto.path("libraryId").asText(), dto.path("seriesId").asText(null),
                dto.path("name").asText(""), url, dto.path("sizeBytes").asLong(), modified, summary,
                dto.path("deleted").asBoolean(false), List.of(url));
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(node.path(field).asText()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
