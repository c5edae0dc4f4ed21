package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.Tagger;
import dev.metronome.api.WebLink;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against the fake at its strictest (Komga's real behaviour, komga-real-behaviour.md): the user's locks,
 * series aggregation, soft deletes, sorted and incremental catch-ups, read recovery, age ratings, story arcs and
 * characters. Each test fails without the fix it names.
 */
class KomgaStrictServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path library;
    private FakeKomgaServer fake;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final MapTagger tagger = new MapTagger();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (fake != null) {
            assertThat(fake.violations()).isEmpty();
            fake.close();
        }
    }

    private FakeKomgaServer.Builder fakeBuilder() {
        return FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(50))
                .taskStatusInterval(Duration.ofMillis(50));
    }

    private LibraryServer connect(Map<String, String> extra, Clock clock) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("url", fake.url().toString(), "api-key", fake.apiKey(),
                "reconnect-backoff-ms", "50", "heartbeat-timeout-ms", "2000", "event-buffer-ms", "300",
                "series-patch-delay-ms", "150"));
        settings.putAll(extra);
        LibraryServer server = new KomgaProvider().connect(ServerSettings.of(settings), HostServices.readOnly(), clock);
        open.add(server);
        return server;
    }

    private LibraryServerSync sync(LibraryServer server, Tagger t, SyncOptions options) {
        LibraryServerSync sync = new LibraryServerSync(server, t, SyncState.inMemory(), options, Clock.systemUTC());
        open.add(sync);
        sync.start();
        return sync;
    }

    private static ComicMetadata issue(String series, int year, String number, AgeRating rating) {
        return ComicMetadata.builder().series(SeriesInfo.builder().name(series).yearBegan(year).build())
                .number(IssueNumber.of(number)).storyTitles(List.of(series + " chapter " + number))
                .publisher(Resource.of("DC Comics")).ageRating(rating)
                .webLinks(List.of(WebLink.of("https://metron.cloud/issue/" + series.toLowerCase().replace(' ', '-') + "-"
                        + year + "-" + number + "/"))).build();
    }

    private Path drop(String relative) throws Exception {
        return CbzFiles.write(library.resolve(relative), Map.of(), 1);
    }

    private JsonNode book(String fileName) {
        return fake.bookIdByFileName(fileName).flatMap(fake::book).orElseThrow();
    }

    private boolean tagged(String fileName) {
        return fake.bookIdByFileName(fileName).flatMap(fake::book)
                .map(b -> b.path("metadata").path("links").toString().contains("metron.cloud")).orElse(false);
    }

    private void awaitTagged(String... fileNames) throws InterruptedException {
        Waits.until(TIMEOUT, () -> List.of(fileNames).stream().allMatch(this::tagged), () -> "untagged; " + fake.requests());
    }

    private JsonNode seriesOf(String fileName) {
        return fake.series(book(fileName).path("seriesId").asText()).orElseThrow().path("metadata");
    }

    private void awaitReady() throws InterruptedException {
        Waits.until(TIMEOUT, () -> fake.bookIds().stream().allMatch(id -> fake.book(id)
                .map(b -> b.path("media").path("status").asText().equals("READY") || b.path("deleted").asBoolean())
                .orElse(true)), () -> "not analysed");
    }

    @Test
    void aTitleTheUserLockedIsLeftAloneUnlessLocksAreOverridden() throws Exception {
        drop("Batman/Batman 001.cbz");
        drop("Batman/Batman 002.cbz");
        fake = fakeBuilder().start();
        awaitReady();
        fake.lockTitle(fake.bookIdByFileName("Batman 001.cbz").orElseThrow(), "My own title");
        tagger.issue("Batman 001.cbz", 1, issue("Batman", 2016, "1", AgeRating.TEEN))
                .issue("Batman 002.cbz", 2, issue("Batman", 2016, "2", AgeRating.TEEN));
        sync(connect(Map.of(), Clock.systemUTC()), tagger, SyncOptions.of("k", ApplyMode.PATCH));
        awaitTagged("Batman 001.cbz", "Batman 002.cbz");
        JsonNode locked = book("Batman 001.cbz").path("metadata");
        assertThat(locked.path("title").asText()).isEqualTo("My own title");
        assertThat(locked.path("number").asText()).isEqualTo("1");
        assertThat(locked.path("numberLock").asBoolean()).isTrue();
        assertThat(book("Batman 002.cbz").path("metadata").path("title").asText()).isEqualTo("Batman chapter 2");

        LibraryServer overriding = connect(Map.of("override-locks", "true"), Clock.systemUTC());
        overriding.apply(overriding.book(fake.bookIdByFileName("Batman 001.cbz").orElseThrow()).orElseThrow(),
                tagger.metadata(1), ApplyMode.PATCH);
        assertThat(book("Batman 001.cbz").path("metadata").path("title").asText()).isEqualTo("Batman chapter 1");
    }

    @Test
    void eachSeriesIsPatchedOnceTitledByKomgasRuleAndItsUserLocksKept() throws Exception {
        for (int n = 1; n <= 3; n++) {
            drop("Batman 2011/Batman " + n + ".cbz");
            drop("Batman 2016/Batman (2016) " + n + ".cbz");
        }
        drop("Mixed/Superman 1.cbz");
        drop("Mixed/Superman 2.cbz");
        drop("Mixed/Supergirl 1.cbz");
        drop("Locked/Flash 1.cbz");
        fake = fakeBuilder().start();
        awaitReady();
        fake.lockSeriesTitle(book("Flash 1.cbz").path("seriesId").asText(), "The Flash (my way)");
        for (int n = 1; n <= 3; n++) {
            tagger.issue("Batman " + n + ".cbz", 100 + n, issue("Batman", 2011, String.valueOf(n), AgeRating.TEEN))
                    .issue("Batman (2016) " + n + ".cbz", 200 + n, issue("Batman", 2016, String.valueOf(n),
                            n == 2 ? AgeRating.MATURE_17_PLUS : AgeRating.EVERYONE));
        }
        tagger.issue("Superman 1.cbz", 301, issue("Superman", 1987, "1", AgeRating.TEEN))
                .issue("Superman 2.cbz", 302, issue("Superman", 1987, "2", AgeRating.TEEN))
                .issue("Supergirl 1.cbz", 303, issue("Supergirl", 2005, "1", AgeRating.TEEN))
                .issue("Flash 1.cbz", 401, issue("Flash", 2016, "1", AgeRating.TEEN));
        LibraryServerSync sync = sync(connect(Map.of(), Clock.systemUTC()), tagger, SyncOptions.of("k", ApplyMode.PATCH));
        awaitTagged("Batman 3.cbz", "Batman (2016) 3.cbz", "Supergirl 1.cbz", "Superman 2.cbz", "Flash 1.cbz");
        Waits.until(TIMEOUT, () -> sync.isIdle() && seriesOf("Flash 1.cbz").path("publisher").asText().equals("DC Comics")
                && seriesOf("Superman 1.cbz").path("publisher").asText().equals("DC Comics"), () -> "series not patched");
        Thread.sleep(300);

        assertThat(seriesOf("Batman 1.cbz").path("title").asText()).isEqualTo("Batman (2011)");
        assertThat(seriesOf("Batman (2016) 1.cbz").path("title").asText()).isEqualTo("Batman (2016)");
        assertThat(seriesOf("Superman 1.cbz").path("title").asText()).isEqualTo("Superman");
        assertThat(seriesOf("Batman (2016) 1.cbz").path("ageRating").asInt()).isEqualTo(17);
        JsonNode flash = seriesOf("Flash 1.cbz");
        assertThat(flash.path("title").asText()).isEqualTo("The Flash (my way)");
        assertThat(flash.path("publisher").asText()).isEqualTo("DC Comics");
        String mixed = book("Superman 1.cbz").path("seriesId").asText();
        long mixedPatches = fake.requests().stream().filter(r -> r.equals("PATCH /api/v1/series/" + mixed + "/metadata -> 204"))
                .count();
        assertThat(mixedPatches).as("the mixed folder is patched once, not once per book").isEqualTo(1);
        long seriesPatches = fake.requests().stream().filter(r -> r.startsWith("PATCH /api/v1/series/")).count();
        assertThat(seriesPatches).as("one per series").isEqualTo(4);
    }

    @Test
    void aBookSoftDeletedByAMoveIsSkippedQuietlyAndItsNewBookTagged() throws Exception {
        fake = fakeBuilder().analysisDelay(Duration.ofMillis(200)).start();
        tagger.issue("Saga 1.cbz", 1, issue("Saga", 2012, "1", AgeRating.MATURE_17_PLUS))
                .issue("Saga 1 (moved).cbz", 1, issue("Saga", 2012, "1", AgeRating.MATURE_17_PLUS));
        LibraryServerSync sync = sync(connect(Map.of("event-buffer-ms", "60000"), Clock.systemUTC()), tagger,
                SyncOptions.of("k", ApplyMode.PATCH));
        Waits.until(TIMEOUT, () -> fake.sseConnectedNow() == 1, () -> "never connected");
        Path file = drop("Saga/Saga 1.cbz");
        fake.scan(); // BookAdded waits for the task queue to empty
        Files.move(file, file.resolveSibling("Saga 1 (moved).cbz"));
        fake.scan(); // the first book is soft-deleted (BookChanged), a new one added
        awaitTagged("Saga 1 (moved).cbz");
        Waits.until(TIMEOUT, sync::isIdle, () -> "never idle");
        assertThat(sync.failedCount()).isZero();
        assertThat(fake.requests()).noneMatch(r -> r.contains("/file -> 404"));
    }

    @Test
    void catchUpsAreSortedAndAfterReconnectsAndTheHourlyCloseAskOnlyForWhatChanged() throws Exception {
        for (int n = 1; n <= 60; n++) {
            drop(String.format("Saga/Saga %02d.cbz", n));
        }
        MutableClock komgaClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        fake = fakeBuilder().clock(komgaClock).start();
        awaitReady();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LibraryServer server = connect(Map.of("full-catch-up-minutes", "60"), clock);
        LibraryServerSync sync = sync(server, new MapTagger(), SyncOptions.of("k", ApplyMode.PATCH));
        Waits.until(TIMEOUT, () -> sync.isIdle() && fake.sseConnectedNow() == 1 && fake.booksListed() >= 60,
                () -> "first catch-up never ran");
        komgaClock.advance(Duration.ofMinutes(10));
        drop("Saga/Saga 61.cbz"); // seen live: the last change the adapter knows of is now ten minutes later
        fake.scan();
        Waits.until(TIMEOUT, () -> sync.isIdle() && fake.bookIdByFileName("Saga 61.cbz").flatMap(fake::book)
                .map(b -> b.path("media").path("status").asText().equals("READY")).orElse(false), () -> "never idle");
        Thread.sleep(500); // the buffered BookAdded/BookChanged of book 61 reach the sync, which looks the book up
        int afterLive = fake.booksListed();
        for (int i = 0; i < 3; i++) {
            int connections = fake.sseConnections();
            fake.forceDisconnect();
            Waits.until(TIMEOUT, () -> fake.sseConnections() > connections && fake.sseConnectedNow() == 1,
                    () -> "never reconnected");
        }
        komgaClock.advance(Duration.ofMinutes(61)); // Komga's own one-hour limit closes the stream
        Waits.until(TIMEOUT, () -> fake.sseTimeouts() == 1 && fake.sseConnectedNow() == 1, () -> "no hourly close");
        Waits.until(TIMEOUT, sync::isIdle, () -> "never idle");
        Thread.sleep(200);
        assertThat(fake.booksListed() - afterLive).as("books listed by four reconnect catch-ups, together less than"
                + " one full walk").isLessThan(61);
        assertThat(fake.unsortedBookLists()).isZero();

        clock.advance(Duration.ofMinutes(61)); // the full-walk limit has passed: the next reconnect walks everything
        int before = fake.booksListed();
        fake.forceDisconnect();
        Waits.until(TIMEOUT, () -> fake.booksListed() - before >= 61, () -> "no full walk after the limit");
    }

    @Test
    void readsMissedWhileDisconnectedAreFoundByReadDateAndScrobbled() throws Exception {
        drop("Saga/Saga 1.cbz");
        fake = fakeBuilder().start();
        awaitReady();
        tagger.issue("Saga 1.cbz", 77, issue("Saga", 2012, "1", AgeRating.MATURE_17_PLUS));
        List<Long> scrobbled = new CopyOnWriteArrayList<>();
        LibraryServerSync sync = sync(connect(Map.of("reconnect-backoff-ms", "700"), Clock.systemUTC()), tagger,
                SyncOptions.of("k", ApplyMode.PATCH).withScrobbler(scrobbled::add));
        awaitTagged("Saga 1.cbz");
        Waits.until(TIMEOUT, () -> sync.isIdle() && fake.sseConnectedNow() == 1, () -> "never settled");
        fake.forceDisconnect();
        Waits.until(TIMEOUT, () -> fake.sseConnectedNow() == 0, () -> "still connected");
        fake.markRead(fake.bookIdByFileName("Saga 1.cbz").orElseThrow()); // nobody hears ReadProgressChanged
        Waits.until(TIMEOUT, () -> !scrobbled.isEmpty(), () -> "the missed read was never scrobbled");
        assertThat(scrobbled).containsExactly(77L);
    }

    @Test
    void storyArcsBecomeOrderedReadListsAndCharactersTags() throws Exception {
        drop("Civil War/Civil War 1.cbz");
        drop("Civil War/Civil War 2.cbz");
        drop("Civil War/Civil War 3.cbz");
        fake = fakeBuilder().start();
        awaitReady();
        for (int n = 1; n <= 3; n++) {
            tagger.issue("Civil War " + n + ".cbz", n, ComicMetadata.builder()
                    .series(SeriesInfo.builder().name("Civil War").yearBegan(2006).build())
                    .number(IssueNumber.of(String.valueOf(n)))
                    .storyArcs(List.of(new StoryArc("Civil War", String.valueOf(n), "")))
                    .characters(List.of(Resource.of("Iron Man"), Resource.of("Captain America")))
                    .teams(List.of(Resource.of("Avengers")))
                    .webLinks(List.of(WebLink.of("https://metron.cloud/issue/civil-war-2006-" + n + "/"))).build());
        }
        LibraryServer server = connect(Map.of(), Clock.systemUTC());
        // tagged out of order: 3, 1, 2
        for (String name : List.of("Civil War 3.cbz", "Civil War 1.cbz", "Civil War 2.cbz")) {
            String id = fake.bookIdByFileName(name).orElseThrow();
            server.apply(server.book(id).orElseThrow(), tagger.metadata(Long.parseLong(name.replaceAll("\\D", ""))),
                    ApplyMode.PATCH);
        }
        assertThat(fake.readLists()).containsOnlyKeys("Civil War");
        assertThat(fake.readLists().get("Civil War")).containsExactly(fake.bookIdByFileName("Civil War 1.cbz").orElseThrow(),
                fake.bookIdByFileName("Civil War 2.cbz").orElseThrow(), fake.bookIdByFileName("Civil War 3.cbz").orElseThrow());
        assertThat(book("Civil War 1.cbz").path("metadata").path("tags").toString())
                .contains("\"iron man\"", "\"captain america\"", "\"avengers\"");

        LibraryServer plain = connect(Map.of("characters-as-tags", "false"), Clock.systemUTC());
        drop("Civil War/Civil War 4.cbz");
        fake.scan();
        awaitReady();
        String fourth = fake.bookIdByFileName("Civil War 4.cbz").orElseThrow();
        plain.apply(plain.book(fourth).orElseThrow(), tagger.metadata(3), ApplyMode.PATCH);
        assertThat(fake.book(fourth).orElseThrow().path("metadata").path("tags").toString()).doesNotContain("iron man");
    }
}
