package dev.metronome.kavita;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.PathMapping;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connected Kavita: the {@link LibraryServer} over {@link KavitaClient}. A book is a Kavita chapter (one or several
 * files); events come from {@link KavitaPoller}.
 */
final class KavitaServer implements LibraryServer {

    /** Series per page of the catch-up; each costs one {@code series/volumes} call. */
    static final int SERIES_PER_PAGE = 20;

    /** Where a series lives. */
    record SeriesPlace(String libraryId, String name) {
    }

    private final KavitaClient client;
    private final HostServices host;
    private final PathMapping paths;
    private final Duration pollInterval;
    private final boolean pollReads;
    /** Other Kavita users whose finished reads are reported (read with the admin key). */
    private final Set<String> readUsers;
    private final Map<Integer, SeriesPlace> seriesPlaces = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> seriesOfVolume = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The chapter just read by {@link #book}, reused once by the write that follows (saves a request per chapter). */
    private final Map<String, Stamped> justRead = new ConcurrentHashMap<>();

    private record Stamped(JsonNode value, long atNanos) {
    }

    /** Series whose metadata already holds what Metron gives, by series id: the inputs and when they were checked. */
    private final Map<String, Stamped> seriesDone = new ConcurrentHashMap<>();
    /** How long a series checked stays checked for the same Metron data (one series read per series, not per chapter). */
    static final Duration SERIES_CHECKED = Duration.ofMinutes(10);

    /** How long a chapter read by {@link #book} may stand in for a fresh read before a whole-object write. */
    static final Duration REUSE = Duration.ofSeconds(2);

    KavitaServer(KavitaClient client, HostServices host, PathMapping paths, Duration pollInterval, boolean pollReads) {
        this(client, host, paths, pollInterval, pollReads, Set.of());
    }

    KavitaServer(KavitaClient client, HostServices host, PathMapping paths, Duration pollInterval, boolean pollReads,
                 Set<String> readUsers) {
        this.client = client;
        this.host = host;
        this.paths = paths;
        this.pollInterval = pollInterval;
        this.pollReads = pollReads;
        this.readUsers = Set.copyOf(readUsers);
    }

    @Override
    public ServerInfo info() {
        return new ServerInfo("Kavita", client.version().toString());
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PATCH, Capability.FILE, Capability.EVENTS, Capability.READ_PROGRESS);
    }

    @Override
    public List<Library> libraries() throws ServerException {
        List<Library> out = new ArrayList<>();
        for (JsonNode l : client.get("/api/Library/libraries")) {
            List<String> roots = new ArrayList<>();
            l.path("folders").forEach(f -> roots.add(f.asText()));
            out.add(new Library(l.path("id").asText(), l.path("name").asText(""), roots));
        }
        return out;
    }

    @Override
    public Page<Book> books(BookQuery query) throws ServerException {
        ObjectNode filter = filter(query.libraryIds(), 2, true); // by creation: new series land on the last page
        KavitaClient.Response r = client.post("/api/Series/v2?PageNumber=" + (query.page() + 1) + "&PageSize="
                + SERIES_PER_PAGE, filter);
        JsonNode page = parse(r.body());
        List<Book> books = new ArrayList<>();
        for (JsonNode s : page) {
            for (Book b : chapters(s)) {
                if (!query.withoutMetronIdOnly() || b.metadata().metronId() == null) {
                    books.add(b);
                }
            }
        }
        int totalPages = r.headers().firstValue("Pagination").map(h -> parse(h.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .path("totalPages").asInt(0)).orElse(0);
        boolean last = page.size() < SERIES_PER_PAGE || totalPages <= query.page() + 1;
        return new Page<>(books, query.page(), last);
    }

    /** The chapters of a series as books (one {@code series/volumes} call); remembers where the series lives. */
    List<Book> chapters(JsonNode series) throws ServerException {
        int seriesId = series.path("id").asInt();
        SeriesPlace place = new SeriesPlace(series.path("libraryId").asText(), series.path("name").asText(""));
        seriesPlaces.put(seriesId, place);
        List<Book> out = new ArrayList<>();
        for (JsonNode v : client.get("/api/Series/volumes?seriesId=" + seriesId)) {
            seriesOfVolume.put(v.path("id").asInt(), seriesId);
            for (JsonNode ch : v.path("chapters")) {
                out.add(toBook(ch, String.valueOf(seriesId), place.libraryId()));
            }
        }
        return out;
    }

    /** The volumes of a series, as Kavita answers them (with chapters and the caller's progress). */
    JsonNode volumes(int seriesId) throws ServerException {
        JsonNode vs = client.get("/api/Series/volumes?seriesId=" + seriesId);
        vs.forEach(v -> seriesOfVolume.put(v.path("id").asInt(), seriesId));
        return vs;
    }

    @Override
    public Optional<Book> book(String bookId) throws ServerException {
        Optional<JsonNode> ch = client.getIfFound("/api/Series/chapter?chapterId=" + bookId);
        if (ch.isEmpty()) {
            return Optional.empty();
        }
        int volumeId = ch.get().path("volumeId").asInt();
        Integer seriesId = seriesOfVolume.get(volumeId);
        if (seriesId == null) {
            Optional<JsonNode> v = client.getIfFound("/api/Series/volume?volumeId=" + volumeId);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            seriesId = v.get().path("seriesId").asInt();
            seriesOfVolume.put(volumeId, seriesId);
        }
        SeriesPlace place = seriesPlaces.get(seriesId);
        if (place == null) {
            Optional<JsonNode> s = client.getIfFound("/api/Series/" + seriesId);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            place = new SeriesPlace(s.get().path("libraryId").asText(), s.get().path("name").asText(""));
            seriesPlaces.put(seriesId, place);
        }
        long now = System.nanoTime();
        justRead.values().removeIf(r -> now - r.atNanos() > REUSE.toNanos());
        justRead.put(bookId, new Stamped(ch.get(), now));
        return Optional.of(toBook(ch.get(), String.valueOf(seriesId), place.libraryId()));
    }

    /**
     * A {@code FilterV2Dto} over libraries, sorted.
     *
     * @param libraryIds the libraries (empty: all)
     * @param sortField  Kavita's {@code SortField}
     * @param ascending  the direction
     * @return the body
     */
    static ObjectNode filter(List<String> libraryIds, int sortField, boolean ascending) {
        ObjectNode f = KavitaClient.JSON.createObjectNode();
        var statements = f.putArray("statements");
        if (!libraryIds.isEmpty()) {
            statements.addObject().put("comparison", 0).put("field", 19).put("value", String.join(",", libraryIds));
        }
        f.put("combination", 1).put("limitTo", 0);
        f.putObject("sortOptions").put("sortField", sortField).put("isAscending", ascending);
        return f;
    }

    KavitaClient.Response listSeries(List<String> libraryIds, int sortField, int page, int size) throws ServerException {
        return client.post("/api/Series/v2?PageNumber=" + page + "&PageSize=" + size, filter(libraryIds, sortField, false));
    }

    /** Every user's progress rows of a chapter (an admin sees them all), empty when the chapter is gone. */
    JsonNode chapterProgress(int chapterId) throws ServerException {
        return client.getIfFound("/api/Reader/all-chapter-progress?chapterId=" + chapterId)
                .orElse(KavitaClient.JSON.createArrayNode());
    }

    @Override
    public Subscription events(BookEventListener listener) {
        KavitaPoller p = new KavitaPoller(this, listener, pollInterval, pollReads, client.userName(),
                new KavitaUserReads(this, readUsers));
        subscriptions.add(p);
        return p.start();
    }

    @Override
    public Optional<Path> localFile(Book book) {
        Path p = paths.toLocal(book.serverPath());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public InputStream openBook(Book book) throws IOException {
        return client.download("/api/Download/chapter?chapterId=" + book.id());
    }

    @Override
    public ApplyResult apply(Book book, ComicMetadata metadata, ApplyMode mode) throws ServerException {
        if (mode == ApplyMode.FILE) {
            List<String> unwritable = book.files().stream().filter(f -> !f.toLowerCase(Locale.ROOT).endsWith(".cbz")).toList();
            if (unwritable.isEmpty()) {
                return writeFiles(book, metadata);
            }
            patch(book, metadata);
            return new ApplyResult(ApplyMode.PATCH, "Kavita reads ComicInfo.xml only from CBZ/CBR/CB7/CBT and Metronome"
                    + " writes CBZ, so " + unwritable.get(0) + " was patched through the API");
        }
        patch(book, metadata);
        return new ApplyResult(ApplyMode.PATCH, "chapter and series metadata updated with locks");
    }

    private JsonNode freshChapter(Book book) throws ServerException {
        Stamped read = justRead.remove(book.id());
        if (read != null && System.nanoTime() - read.atNanos() < REUSE.toNanos()) {
            return read.value();
        }
        return client.getIfFound("/api/Series/chapter?chapterId=" + book.id()).orElseThrow(() ->
                new ServerException("Kavita chapter " + book.id() + " (" + book.serverPath() + ") no longer exists."));
    }

    private void patch(Book book, ComicMetadata m) throws ServerException {
        JsonNode ch = freshChapter(book);
        ObjectNode update = KavitaMerge.chapterUpdate(ch, m);
        if (!update.equals(KavitaMerge.chapterUpdate(ch, ComicMetadata.EMPTY))) {
            client.post("/api/Chapter/update", update);
        }
        if (book.seriesId() == null) {
            return;
        }
        JsonNode inputs = KavitaMerge.seriesUpdate(KavitaClient.JSON.createObjectNode(), m);
        Stamped done = seriesDone.get(book.seriesId());
        if (done != null && done.value().equals(inputs) && System.nanoTime() - done.atNanos() < SERIES_CHECKED.toNanos()) {
            return;
        }
        Optional<JsonNode> sm = client.getIfFound("/api/Series/metadata?seriesId=" + book.seriesId());
        if (sm.isPresent()) {
            ObjectNode next = KavitaMerge.seriesUpdate(sm.get(), m);
            if (!next.equals(KavitaMerge.seriesUpdate(sm.get(), ComicMetadata.EMPTY))) {
                ObjectNode body = KavitaClient.JSON.createObjectNode();
                body.set("seriesMetadata", next);
                client.post("/api/Series/metadata", body);
            }
            seriesDone.put(book.seriesId(), new Stamped(inputs, System.nanoTime()));
        }
    }

    private ApplyResult writeFiles(Book book, ComicMetadata m) throws ServerException {
        List<Path> locals = new ArrayList<>();
        for (String f : book.files()) {
            Path local = paths.toLocal(f);
            if (!Files.isRegularFile(local)) {
                throw new ServerException(f + " is not visible on this machine; configure a path mapping"
                        + " (Kavita path=local path) for file mode.");
            }
            locals.add(local);
        }
        JsonNode ch = freshChapter(book);
        Optional<ObjectNode> protect = KavitaMerge.protectBeforeRescan(ch, m);
        if (protect.isPresent()) {
            client.post("/api/Chapter/update", protect.get());
        }
        SeriesPlace place = book.seriesId() == null ? null : seriesPlaces.get(Integer.parseInt(book.seriesId()));
        ComicMetadata toWrite = KavitaMerge.forFile(ch, m, place == null ? null : place.name());
        for (Path local : locals) {
            try {
                Path written = host.writeMetadata(local, toWrite, false);
                if (!written.equals(local)) {
                    throw new ServerException("The host replaced " + local + " by " + written + "; Kavita would see a new"
                            + " chapter.");
                }
            } catch (IOException e) {
                throw new ServerException("Could not write ComicInfo.xml into " + local + ": " + e.getMessage(), e);
            }
        }
        analyze(book);
        return new ApplyResult(ApplyMode.FILE, "ComicInfo.xml written into " + locals.size() + " file"
                + (locals.size() == 1 ? "" : "s") + "; series scan queued" + (protect.isPresent()
                ? " (lists Metron lacks were locked first, so the scan keeps them)" : ""));
    }

    /** Queues a forced scan of the book's series, always naming the library (required from 0.9). */
    @Override
    public void analyze(Book book) throws ServerException {
        ObjectNode body = KavitaClient.JSON.createObjectNode().put("libraryId", Integer.parseInt(book.libraryId()))
                .put("seriesId", Integer.parseInt(book.seriesId())).put("forceUpdate", true).put("forceColorscape", false);
        client.post("/api/Series/scan", body);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    /**
     * A book from a {@code ChapterDto}.
     *
     * @param ch        the DTO
     * @param seriesId  its series
     * @param libraryId its library
     * @return the book
     */
    static Book toBook(JsonNode ch, String seriesId, String libraryId) {
        List<String> files = new ArrayList<>();
        long size = 0;
        for (JsonNode f : ch.path("files")) {
            files.add(f.path("filePath").asText());
            size += f.path("bytes").asLong();
        }
        if (files.isEmpty()) {
            files.add("");
        }
        List<String> links = new ArrayList<>();
        String metron = null;
        for (String l : ch.path("webLinks").asText("").split(",")) {
            if (!l.isBlank()) {
                links.add(l.strip());
                if (metron == null && (l.contains("://metron.cloud/") || l.contains(".metron.cloud/"))) {
                    metron = l.strip();
                }
            }
        }
        Set<String> locks = new HashSet<>();
        ch.properties().forEach(e -> {
            if (e.getKey().endsWith("Locked") && e.getValue().asBoolean(false)) {
                locks.add(e.getKey().substring(0, e.getKey().length() - 6));
            }
        });
        String release = ch.path("releaseDate").asText("0001");
        LocalDate date = release.startsWith("0001") ? null : LocalDateTime.parse(release).toLocalDate();
        String title = ch.path("titleName").asText("");
        BookSummary summary = new BookSummary(title.isBlank() ? null : title, ch.path("range").asText(null), date, links,
                metron, locks);
        String first = files.get(0);
        String name = first.substring(first.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
        String modified = ch.path("lastModifiedUtc").asText("");
        return new Book(ch.path("id").asText(), libraryId, seriesId, name, first, size,
                modified.isEmpty() ? null : LocalDateTime.parse(modified).toInstant(ZoneOffset.UTC), summary, false, files);
    }

    static JsonNode parse(byte[] body) {
        try {
            return KavitaClient.JSON.readTree(body);
        } catch (IOException e) {
            return KavitaClient.JSON.createArrayNode();
        }
    }
}
