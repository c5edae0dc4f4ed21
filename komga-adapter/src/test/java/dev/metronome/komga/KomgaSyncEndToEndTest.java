package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter, the server-neutral sync and a test double of the core's Tagger against the fake Komga: books dropped
 * into the library get Metron metadata with locks, a restart tags nothing twice, and a dropped event stream loses no
 * book.
 */
class KomgaSyncEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path library;
    private FakeKomgaServer fake;
    private final SagaTagger tagger = new SagaTagger();
    private final List<Path> written = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

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

    private void startFake() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(50))
                .taskStatusInterval(Duration.ofMillis(100)).start();
    }

    private LibraryServerSync startSync(ApplyMode mode, SyncState state, String backoffMs) throws Exception {
        HostServices host = (archive, metadata, convert) -> {
            SagaTagger.writeComicInfo(archive, metadata);
            written.add(archive);
            return archive;
        };
        LibraryServer server = new KomgaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey(), "reconnect-backoff-ms", backoffMs, "heartbeat-timeout-ms", "2000",
                "event-buffer-ms", "2000", "series-patch-delay-ms", "100")), host);
        LibraryServerSync sync = new LibraryServerSync(server, tagger, state,
                SyncOptions.of("komga@" + fake.url(), mode), Clock.systemUTC());
        open.add(server);
        open.add(sync);
        sync.start();
        return sync;
    }

    private static void stop(LibraryServerSync sync) throws Exception {
        sync.close();
    }

    private void drop(int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            CbzFiles.write(library.resolve(String.format("Saga/Saga %03d.cbz", n)), Map.of("Series", "Saga"), 2);
        }
    }

    private Optional<JsonNode> bookMetadata(int n) {
        return fake.bookIdByFileName(String.format("Saga %03d.cbz", n)).flatMap(fake::book).map(b -> b.path("metadata"));
    }

    private boolean tagged(int n) {
        return bookMetadata(n).map(m -> m.path("links").toString().contains(SagaTagger.metronUrl(n))
                && m.path("linksLock").asBoolean()).orElse(false);
    }

    private void awaitTagged(int from, int to) throws InterruptedException {
        Waits.until(TIMEOUT, () -> java.util.stream.IntStream.rangeClosed(from, to).allMatch(this::tagged),
                () -> "untagged books; requests: " + fake.requests());
    }

    private long patches() {
        return fake.requests().stream().filter(r -> r.startsWith("PATCH ")).count();
    }

    @ParameterizedTest
    @EnumSource(ApplyMode.class)
    void fiveDroppedArchivesGetMetronDataWithLocksAndARestartTagsNothing(ApplyMode mode) throws Exception {
        startFake();
        SyncState state = SyncState.inMemory();
        LibraryServerSync sync = startSync(mode, state, "50");
        Waits.until(TIMEOUT, () -> fake.sseConnectedNow() == 1, () -> "event stream never connected");

        drop(1, 5);
        fake.scan();
        awaitTagged(1, 5);

        for (int n = 1; n <= 5; n++) {
            JsonNode m = bookMetadata(n).orElseThrow();
            assertThat(m.path("title").asText()).isEqualTo("Chapter " + n);
            assertThat(m.path("number").asText()).isEqualTo(String.valueOf(n));
            assertThat(m.path("summary").asText()).isEqualTo("Summary of Saga #" + n);
            assertThat(m.path("releaseDate").asText()).isEqualTo("2012-03-01");
            assertThat(m.path("authors").toString()).contains("{\"name\":\"Brian K. Vaughan\",\"role\":\"writer\"}");
            for (String lock : List.of("titleLock", "summaryLock", "numberLock", "releaseDateLock", "authorsLock", "linksLock")) {
                assertThat(m.path(lock).asBoolean()).as("book %d %s", n, lock).isTrue();
            }
            Path file = library.resolve(String.format("Saga/Saga %03d.cbz", n));
            Map<String, String> comicInfo = CbzFiles.readComicInfo(file);
            if (mode == ApplyMode.FILE) {
                assertThat(comicInfo).containsEntry("Web", SagaTagger.metronUrl(n));
                String id = fake.bookIdByFileName(file.getFileName().toString()).orElseThrow();
                assertThat(fake.requests()).contains("POST /api/v1/books/" + id + "/analyze -> 202");
            } else {
                assertThat(comicInfo).doesNotContainKey("Web");
            }
        }
        String seriesId = fake.book(fake.bookIds().get(0)).orElseThrow().path("seriesId").asText();
        Waits.until(TIMEOUT, () -> fake.series(seriesId).orElseThrow().path("metadata").path("publisherLock").asBoolean(),
                () -> "series never patched");
        JsonNode series = fake.series(seriesId).orElseThrow();
        assertThat(series.path("metadata").path("publisher").asText()).isEqualTo("Image Comics");
        assertThat(series.path("metadata").path("publisherLock").asBoolean()).isTrue();
        assertThat(series.path("metadata").path("totalBookCount").asInt()).isEqualTo(54);
        assertThat(written).hasSize(mode == ApplyMode.FILE ? 5 : 0);
        assertThat(tagger.identifications()).isEqualTo(5);

        stop(sync);
        long patchesBefore = patches();
        LibraryServerSync restarted = startSync(mode, state, "50");
        Waits.until(TIMEOUT, restarted::isIdle, () -> "restart never settled");
        assertThat(tagger.identifications()).isEqualTo(5);
        assertThat(patches()).isEqualTo(patchesBefore);
        assertThat(restarted.taggedCount()).isZero();
    }

    @Test
    void theStateRemembersBooksThatCarryNoMetronIdSoARestartLeavesThemAlone() throws Exception {
        CbzFiles.write(library.resolve("Other/Unknown comic.cbz"), Map.of(), 1);
        drop(1, 1);
        startFake();
        SyncState state = SyncState.inMemory();
        LibraryServerSync sync = startSync(ApplyMode.PATCH, state, "50");
        awaitTagged(1, 1);
        Waits.until(TIMEOUT, sync::isIdle, () -> "never settled");
        assertThat(tagger.identified.get("Unknown comic.cbz").get()).isEqualTo(1);
        stop(sync);

        LibraryServerSync restarted = startSync(ApplyMode.PATCH, state, "50");
        Waits.until(TIMEOUT, restarted::isIdle, () -> "restart never settled");
        assertThat(tagger.identified.get("Unknown comic.cbz").get()).isEqualTo(1);
        stop(restarted);

        // control: without the state, the unmatched book is looked at again (the tagged one is skipped by its link)
        LibraryServerSync forgetful = startSync(ApplyMode.PATCH, SyncState.inMemory(), "50");
        Waits.until(TIMEOUT, () -> forgetful.isIdle() && tagger.identified.get("Unknown comic.cbz").get() == 2,
                () -> "the control run did not re-identify");
        assertThat(tagger.identified.get("Saga 001.cbz").get()).isEqualTo(1);
    }

    @Test
    void aDroppedEventStreamLosesNoBook() throws Exception {
        startFake();
        LibraryServerSync sync = startSync(ApplyMode.PATCH, SyncState.inMemory(), "1000");
        Waits.until(TIMEOUT, () -> fake.sseConnectedNow() == 1, () -> "event stream never connected");
        drop(1, 2);
        fake.scan();
        awaitTagged(1, 2);

        fake.forceDisconnect();
        Waits.until(TIMEOUT, () -> fake.sseConnectedNow() == 0, () -> "stream not dropped");
        drop(3, 5);
        fake.scan(); // BookAdded/BookChanged go to nobody: the adapter is waiting to reconnect
        assertThat(fake.sseConnectedNow()).as("still disconnected while books were added").isZero();

        awaitTagged(3, 5);
        assertThat(fake.sseConnections()).isEqualTo(2);
        Waits.until(TIMEOUT, () -> sync.taggedCount() == 5 && sync.isIdle(), () -> "tagged " + sync.taggedCount());
        assertThat(sync.failedCount()).isZero();
    }

    @Test
    void aBookReadToTheEndIsScrobbledOnlyWhenTagged() throws Exception {
        CbzFiles.write(library.resolve("Other/Unknown comic.cbz"), Map.of(), 1);
        drop(7, 7);
        startFake();
        List<Long> scrobbled = new CopyOnWriteArrayList<>();
        HostServices host = HostServices.readOnly();
        LibraryServer server = new KomgaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey(), "reconnect-backoff-ms", "50")), host);
        LibraryServerSync sync = new LibraryServerSync(server, tagger, SyncState.inMemory(),
                SyncOptions.of("komga", ApplyMode.PATCH).withScrobbler(scrobbled::add), Clock.systemUTC());
        open.add(server);
        open.add(sync);
        sync.start();
        awaitTagged(7, 7);
        Waits.until(TIMEOUT, () -> sync.isIdle() && fake.sseConnectedNow() == 1, () -> "never settled");
        fake.markRead(fake.bookIdByFileName("Unknown comic.cbz").orElseThrow());
        fake.markRead(fake.bookIdByFileName("Saga 007.cbz").orElseThrow());
        Waits.until(TIMEOUT, () -> !scrobbled.isEmpty(), () -> "nothing scrobbled");
        assertThat(scrobbled).containsExactly(1007L);
    }
}
