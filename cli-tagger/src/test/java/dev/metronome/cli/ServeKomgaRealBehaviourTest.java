package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.Await;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.Rar4Writer;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.core.Metronome;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProviders;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve komga --mode file} (the real engine, the Komga adapter and the sync, put together as the command does) against the fake Komga at its strictest, as issue 14's "Done when" asks:
 * served under {@code /komga}, a non-admin API key with {@code FILE_DOWNLOAD} (so file mode, with Komga re-reading
 * the files at its scans), 50 books added while running, three forced stream closes, a CBR Komga converts itself
 * (keeping the reader's progress), and a title the user locked. Prints the requests per book to Komga and Metron, by
 * kind, to the test's output.
 *
 * <p>Each file is named as collectors name them, {@code Saga 025 (2014).cbz}: the number and the issue's cover year,
 * read from the catalogue the fake Metron serves (the engine rightly finds a file whose year no Saga issue of that
 * number has ambiguous).
 */
class ServeKomgaRealBehaviourTest {

    private static final int ADDED = 50;
    private static final String SERIES = "Saga";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern METRON_ROUTE = Pattern.compile("^/api/(\\w+)/(?:(\\d+)/)?(?:(\\w+)/?)?.*");
    private static final Pattern KOMGA_ID = Pattern.compile("/0[A-Z]\\d{5}(?=/|$)");

    @TempDir
    Path home;

    /** Cover year of each Saga issue, by number, as the fake Metron serves it. */
    private Map<Integer, Integer> coverYears;

    private String name(int n, String extension) {
        Integer year = coverYears.get(n);
        assertThat(year).as("the catalogue has Saga #" + n).isNotNull();
        return String.format("%s %03d (%d).%s", SERIES, n, year, extension);
    }

    private String name(int n) {
        return name(n, "cbz");
    }

    private static Map<Integer, Integer> coverYears(Catalogue catalogue) {
        int seriesId = catalogue.series().stream().filter(s -> s.path("name").asText().equals(SERIES)
                && s.path("volume").asInt() == 1).findFirst().orElseThrow().path("id").asInt();
        return catalogue.issuesOf(seriesId).stream().collect(Collectors.toMap(i -> Integer.valueOf(i.path("number")
                .asText()), i -> LocalDate.parse(i.path("cover_date").asText()).getYear()));
    }

    private void drop(Path folder, int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            ArchiveBuilder.cbz().page("001.jpg", name(n).getBytes(StandardCharsets.UTF_8)).writeTo(folder.resolve(name(n)));
        }
    }

    private static boolean tagged(FakeKomgaServer komga, String fileName) {
        return komga.bookIdByFileName(fileName).flatMap(komga::book)
                .map(b -> b.at("/metadata/links").toString().contains("metron.cloud/issue/")).orElse(false);
    }

    private static void await(String why, BooleanSupplier condition, Object state) throws InterruptedException {
        Await.until(PATIENCE, condition, () -> why + "; " + state);
    }

    /** A Metron request's kind: {@code issue details}, {@code series search}, {@code series issue list}, … */
    static String metronKind(RequestLogEntry request) {
        Matcher m = METRON_ROUTE.matcher(request.pathAndQuery());
        if (!m.matches()) {
            return "other " + request.pathAndQuery();
        }
        String kind = m.group(2) != null && m.group(3) != null ? m.group(1) + " " + m.group(3).replace('_', ' ')
                : m.group(2) != null ? m.group(1) + " details" : m.group(1) + " search";
        return request.status() == 200 || request.status() == 304 ? kind : kind + " (" + request.status() + ")";
    }

    /** A Komga request's kind: its method and path with the ids taken out, e.g. {@code PATCH /api/v1/books/{id}/metadata}. */
    static String komgaKind(String request) {
        String methodAndPath = request.substring(0, request.indexOf(" -> "));
        int query = methodAndPath.indexOf('?');
        return KOMGA_ID.matcher(query < 0 ? methodAndPath : methodAndPath.substring(0, query)).replaceAll("/{id}");
    }

    private static <T> String perBook(String server, List<T> requests, Function<T, String> kind, int books) {
        Map<String, Long> byKind = requests.stream().collect(Collectors.groupingBy(kind, TreeMap::new,
                Collectors.counting()));
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%s: %d requests for %d books = %.2f"
                + " per book%n", server, requests.size(), books, requests.size() / (double) books));
        byKind.forEach((k, count) -> s.append(String.format(java.util.Locale.ROOT, "  %-45s %4d  %.2f per book%n", k,
                count, count / (double) books)));
        return s.toString();
    }

    @Test
    void aNonAdminKeyUnderAContextPathTagsBooksAddedWhileRunningAndKeepsTheUsersStateAndLocks() throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        Path saga = Files.createDirectories(library.resolve(SERIES));
        MutableClock komgaClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("k", "k-pass").burst(1000, Duration.ofSeconds(10)).start()) {
            coverYears = coverYears(metron.catalogue());
            String cbr = name(51, "cbr");
            Rar4Writer.write(saga.resolve(cbr), Map.of("001.jpg", cbr.getBytes(StandardCharsets.UTF_8)));
            drop(saga, 52, 52);
            try (FakeKomgaServer komga = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(100))
                     .taskStatusInterval(Duration.ofMillis(100)).scanInterval(Duration.ofMillis(300))
                     .analysisDelay(Duration.ofMillis(20)).convertToCbz(true).clock(komgaClock)
                     .account("reader@example.org", "pw", "reader-key", "FILE_DOWNLOAD", "PAGE_STREAMING").start()) {
                run(metron, komga, komgaClock, saga, cbr);
            }
        }
    }

    private void run(FakeMetronServer metron, FakeKomgaServer komga, MutableClock komgaClock, Path saga, String cbr)
            throws Exception {
        assertThat(komga.url().getPath()).isEqualTo("/komga");
        String reader = komga.accountId("reader@example.org");
        String cbrId = komga.bookIdByFileName(cbr).orElseThrow();
        komga.markRead(cbrId, reader); // before Komga converts it
        String lockedId = komga.bookIdByFileName(name(52)).orElseThrow();
        komga.lockTitle(lockedId, "My favourite Saga");

        // the real engine and the sync, assembled as 'serve komga --mode file' does; only the client's rate budget
        // is widened to the fake Metron's, so the run takes seconds instead of a minute per 20 requests
        Metronome metronome = Metronome.builder().settings(MetronSettings.fromEnvironment(Map.of("METRON_URL",
                metron.baseUrl())).withBudgets(1000, Duration.ofSeconds(10), 5000, Duration.ofDays(1)))
                .credentials(MetronCredentials.basic("k", "k-pass")).cacheDir(home.resolve("cache")).jobs(1).build();
        HostServices host = (archive, metadata, convert) -> ServeCommand.Server.write(metronome, archive, metadata, convert);
        LibraryServer server = LibraryServerProviders.find("komga").orElseThrow().connect(ServerSettings.of(Map.of(
                "url", komga.url().toString(), "api-key", "reader-key")), host);
        SyncState state = metronome.cache().<SyncState>map(CacheSyncState::new).orElseGet(SyncState::inMemory);
        LibraryServerSync sync = new LibraryServerSync(server, metronome, state,
                SyncOptions.of("komga:" + komga.url(), ApplyMode.FILE), Clock.systemUTC());
        sync.start();
        await("the service started", () -> komga.sseConnectedNow() == 1, komga.requests());

        for (int[] batch : new int[][] {{1, 17}, {18, 34}, {35, ADDED}}) {
            komgaClock.advance(Duration.ofMinutes(10));
            drop(saga, batch[0], batch[1]);
            await("batch " + batch[0] + "-" + batch[1] + " tagged", () -> IntStream.rangeClosed(batch[0], batch[1])
                    .allMatch(n -> tagged(komga, name(n))), new Object() {
                        @Override
                        public String toString() {
                            return "untagged " + IntStream.rangeClosed(batch[0], batch[1])
                                    .filter(n -> !tagged(komga, name(n))).mapToObj(n -> name(n) + "="
                                            + komga.bookIdByFileName(name(n)).map(id -> komga.book(id).map(b ->
                                                    b.at("/media/status").asText()).orElse("?") + "/" + state.get(
                                                    "komga:" + komga.url(), id).map(e -> e.outcome().toString())
                                                    .orElse("-")).orElse("not a book")).toList()
                                    + "; violations " + komga.violations() + "; scan problem " + komga.lastScanProblem()
                                    + "; idle " + sync.isIdle();
                        }
                    });
            int connections = komga.sseConnections();
            komga.forceDisconnect();
            await("reconnected", () -> komga.sseConnections() > connections && komga.sseConnectedNow() == 1,
                    komga.sseConnections());
        }
        String converted = name(51, "cbz");
        await("the converted CBR and the locked book tagged", () -> tagged(komga, converted)
                && tagged(komga, name(52)), komga.requests());

        assertThat(komga.bookIdByFileName(converted)).as("Komga converted the CBR in place").contains(cbrId);
        assertThat(komga.book(cbrId, reader).orElseThrow().at("/readProgress/completed").asBoolean())
                .as("read progress kept").isTrue();
        assertThat(komga.book(lockedId).orElseThrow().at("/metadata/title").asText()).isEqualTo("My favourite Saga");
        assertThat(komga.book(komga.bookIdByFileName(name(7)).orElseThrow()).orElseThrow().at("/metadata/number")
                .asText()).isEqualTo("7");
        long fullWalks = komga.bookListSorts().stream().filter(s -> s.startsWith("0:createdDate")).count();
        assertThat(fullWalks).as("one full walk (at start), none after the three forced closes").isEqualTo(1);
        assertThat(komga.unsortedBookLists()).isZero();
        assertThat(komga.requests()).noneMatch(r -> r.endsWith("-> 403") || r.endsWith("-> 401"));

        sync.close();
        server.close();
        metronome.close();
        assertThat(sync.failedCount()).isZero();
        int books = ADDED + 2;
        System.out.print("ServeKomgaRealBehaviourTest (" + books + " books, " + komga.booksListed() + " listed in "
                + komga.bookListSorts().size() + " list requests)\n"
                + perBook("Metron", metron.requestLog(), ServeKomgaRealBehaviourTest::metronKind, books)
                + perBook("Komga", komga.requests(), ServeKomgaRealBehaviourTest::komgaKind, books));
        assertThat(komga.violations()).isEmpty();
    }
}
