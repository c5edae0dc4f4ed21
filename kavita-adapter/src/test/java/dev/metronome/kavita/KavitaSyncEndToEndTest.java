package dev.metronome.kavita;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.Await;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter, the server-neutral sync and a test double of the core's Tagger against the fake Kavita, as 0.8.4 and as
 * 0.9.1, in patch and in file mode: chapters already there and 50 chapters added while running are tagged; a user's
 * locked fields are left alone; no update clears a field (the fake's recorded updates are diffed); a chapter of two
 * files is tagged as one; Kavita restarting (connections dropped, queued scans lost) costs no re-walk.
 */
class KavitaSyncEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root1;
    @TempDir
    Path root2;
    private FakeKavitaServer fake;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    static Stream<Arguments> versionsAndModes() {
        return Stream.of(Arguments.of("0.8.4.0", ApplyMode.PATCH), Arguments.of("0.8.4.0", ApplyMode.FILE),
                Arguments.of("0.9.1.0", ApplyMode.PATCH), Arguments.of("0.9.1.0", ApplyMode.FILE));
    }

    @ParameterizedTest(name = "Kavita {0}, {1} mode")
    @MethodSource("versionsAndModes")
    void chaptersAddedWhileRunningAreTaggedWithoutClearingAnything(String version, ApplyMode mode) throws Exception {
        CbzFiles.write(root1.resolve("Saga/Saga 001.cbz"), Map.of("Series", "Saga", "Number", "1",
                "Translator", "Tess Translator", "Locations", "Wreath", "Web", "https://example.org/saga-1"), 3);
        CbzFiles.write(root2.resolve("Saga Extras/Saga 100 part 1.cbz"), Map.of("Number", "100"), 2);
        CbzFiles.write(root2.resolve("Saga Extras/Saga 100 part 2.cbz"), Map.of("Number", "100"), 2);
        fake = FakeKavitaServer.builder().version(version).library("Comics", root1, root2)
                .seriesScanDelay(Duration.ofMillis(300)).scanDuration(Duration.ofMillis(5)).start();
        int mine = fake.chapterIdByFileName("Saga 001.cbz").orElseThrow();
        fake.userEdit(mine, "summary", "My own summary", "summaryLocked");
        fake.userEdit(mine, "writers", "Me Myself", "writerLocked");
        JsonNode before = fake.chapterMetadata(mine).orElseThrow();
        assertThat(fake.chapterIdByFileName("Saga 100 part 2.cbz")).contains(fake.chapterIdByFileName("Saga 100 part 1.cbz").orElseThrow());

        LibraryServerSync sync = startSync(mode);
        awaitTagged(List.of("Saga 001.cbz", "Saga 100 part 1.cbz"));
        Await.until(TIMEOUT, sync::isIdle, () -> "catch-up never settled");

        int requestsBefore = fake.requests().size();
        drop(2, 26, root1.resolve("Saga"));
        drop(27, 51, root2.resolve("Saga Deluxe"));
        fake.scan();
        awaitTagged(IntStream.rangeClosed(2, 51).mapToObj(KavitaSyncEndToEndTest::file).toList());
        Await.until(TIMEOUT, () -> sync.isIdle() && (mode == ApplyMode.PATCH || fake.scansRun() > 0), () -> "never settled");
        List<String> during = fake.requests().subList(requestsBefore, fake.requests().size());
        Map<String, Long> byEndpoint = new java.util.TreeMap<>();
        during.forEach(r -> byEndpoint.merge(r.replaceAll("[?].*| -> .*", ""), 1L, Long::sum));
        long polls = byEndpoint.getOrDefault("POST /api/Series/v2", 0L);
        System.out.printf("Kavita %s, %s mode, 50 chapters added: %.2f requests per chapter besides %d polls"
                + " (one Series/v2 each, every 50 ms here); by endpoint %s%n", version, mode,
                (during.size() - polls) / 50.0, polls, byEndpoint);

        // a restart: the connection drops, queued scans are lost, three chapters arrive meanwhile
        fake.restart(() -> drop(52, 54, root1.resolve("Saga")));
        int afterRestart = fake.requests().size();
        fake.scan();
        awaitTagged(IntStream.rangeClosed(52, 54).mapToObj(KavitaSyncEndToEndTest::file).toList());
        List<String> resumed = fake.requests().subList(afterRestart, fake.requests().size());
        assertThat(resumed).as("no catch-up walk after the restart").noneMatch(r -> r.contains("PageSize=20"));
        assertThat(resumed.stream().filter(r -> r.startsWith("GET /api/Series/volumes")).count())
                .as("only the series with new chapters is read").isLessThanOrEqualTo(2);

        // the user's locked fields are untouched, and what Metron lacks is still there
        JsonNode after = fake.chapterMetadata(mine).orElseThrow();
        assertThat(after.path("summary").asText()).isEqualTo("My own summary");
        assertThat(after.path("summaryLocked").asBoolean()).isTrue();
        assertThat(after.path("writers").toString()).isEqualTo("[\"Me Myself\"]");
        assertThat(after.path("writerLocked").asBoolean()).isTrue();
        assertThat(after.path("translators").toString()).contains("Tess Translator");
        assertThat(after.path("locations").toString()).contains("Wreath");
        assertThat(after.path("webLinks").asText()).contains(IssueTagger.metronUrl(1));
        assertNothingCleared(before, after, "chapter " + mine);
        for (FakeKavitaServer.Update u : fake.updates()) {
            assertNothingCleared(u.before(), u.after(), u.endpoint() + " " + u.id());
        }

        // every chapter carries Metron's data; a multi-file chapter got it in both files in file mode
        int n5 = fake.chapterIdByFileName(file(5)).orElseThrow();
        JsonNode five = fake.chapterMetadata(n5).orElseThrow();
        assertThat(five.path("titleName").asText()).isEqualTo("Chapter 5");
        assertThat(five.path("summary").asText()).isEqualTo("Summary of Saga #5");
        assertThat(five.path("writers").toString()).contains("Brian K. Vaughan");
        assertThat(five.path("genres").toString()).contains("Science Fiction");
        assertThat(five.path("ageRating").asInt()).isEqualTo(10);
        assertThat(five.path("releaseDate").asText()).startsWith("2012-03-01");
        assertThat(five.path("writerLocked").asBoolean()).isEqualTo(mode == ApplyMode.PATCH);
        JsonNode series = fake.seriesMetadataOfChapter(n5).orElseThrow();
        assertThat(series.path("publishers").toString()).contains("Image Comics");
        if (mode == ApplyMode.FILE) {
            for (String f : List.of("Saga 100 part 1.cbz", "Saga 100 part 2.cbz")) {
                assertThat(CbzFiles.readComicInfo(root2.resolve("Saga Extras").resolve(f))).containsEntry("Web", IssueTagger.metronUrl(100));
            }
            assertThat(fake.requests()).anyMatch(r -> r.startsWith("POST /api/Series/scan -> 200"));
        } else {
            assertThat(CbzFiles.readComicInfo(root1.resolve("Saga").resolve(file(5)))).doesNotContainKey("Web");
        }
        assertThat(fake.emptyComicInfoElements()).as("empty list elements wipe lists in Kavita").isEmpty();
        assertThat(fake.violations()).isEmpty();
        assertThat(KavitaOpenApi.problems(fake.calls())).as("requests against Kavita's openapi.json").isEmpty();
        assertThat(sync.failedCount()).isZero();
    }

    /** No value that was set is gone, and no lock that was on is off. */
    static void assertNothingCleared(JsonNode before, JsonNode after, String what) {
        before.properties().forEach(e -> {
            JsonNode b = e.getValue();
            JsonNode a = after.path(e.getKey());
            boolean wasSet = b.isArray() ? b.size() > 0 : b.isBoolean() ? b.asBoolean()
                    : b.isNumber() ? b.asDouble() != 0 : !b.asText().isBlank() && !b.asText().startsWith("0001-01-01");
            if (wasSet && !e.getKey().equals("sortOrder")) {
                boolean isSet = a.isArray() ? a.size() > 0 : a.isBoolean() ? a.asBoolean()
                        : a.isNumber() ? a.asDouble() != 0 : !a.asText().isBlank() && !a.asText().startsWith("0001-01-01");
                assertThat(isSet).as("%s: %s was %s, is %s", what, e.getKey(), b, a).isTrue();
            }
        });
    }

    private LibraryServerSync startSync(ApplyMode mode) throws Exception {
        LibraryServer server = new KavitaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey(), "poll-ms", "50", "max-writes-per-minute", "100000")), IssueTagger.host());
        LibraryServerSync sync = new LibraryServerSync(server, new IssueTagger(), SyncState.inMemory(),
                SyncOptions.of("kavita@" + fake.url(), mode), Clock.systemUTC());
        open.add(server);
        open.add(sync);
        sync.start();
        return sync;
    }

    private static String file(int n) {
        return String.format("Saga %03d.cbz", n);
    }

    private static void drop(int from, int to, Path folder) {
        try {
            for (int n = from; n <= to; n++) {
                CbzFiles.write(folder.resolve(file(n)), Map.of(), 2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean tagged(String fileName) {
        int n = Integer.parseInt(fileName.replaceAll("^Saga (\\d+).*", "$1"));
        return fake.chapterIdByFileName(fileName).flatMap(fake::chapterMetadata)
                .map(m -> m.path("webLinks").asText().contains(IssueTagger.metronUrl(n))).orElse(false);
    }

    private void awaitTagged(List<String> files) throws InterruptedException {
        Await.until(TIMEOUT, () -> files.stream().allMatch(this::tagged), () -> "untagged: "
                + files.stream().filter(f -> !tagged(f)).toList() + "; violations " + fake.violations());
    }
}
