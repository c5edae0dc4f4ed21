package dev.metronome.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryServerSyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final InMemoryLibraryServer server = new InMemoryLibraryServer();
    private final List<Path> identified = new CopyOnWriteArrayList<>();
    private final List<String> identifiedContent = new CopyOnWriteArrayList<>();
    private final Tagger tagger = new Tagger() {
        @Override
        public Decision identify(Path archive) {
            identified.add(archive);
            try {
                identifiedContent.add(Files.readString(archive));
            } catch (java.io.IOException e) {
                return new Decision(Decision.Status.ERROR, null, 0, List.of(), List.of(e.getMessage()));
            }
            String name = archive.getFileName().toString();
            if (name.contains("broken")) {
                return new Decision(Decision.Status.ERROR, null, 0, List.of(), List.of("unreadable"));
            }
            return name.contains("unknown") ? Decision.noMatch("no match") : Decision.matched(42, 0.9, "test");
        }

        @Override
        public ComicMetadata metadata(long id) {
            return ComicMetadata.builder().summary("issue " + id).build();
        }

        @Override
        public FileResult tag(Path archive, TagOptions options) {
            throw new UnsupportedOperationException();
        }
    };
    private LibraryServerSync sync;

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.close();
        }
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "content of " + name);
    }

    private LibraryServerSync start(SyncOptions options, SyncState state) {
        sync = new LibraryServerSync(server, tagger, state, options, CLOCK);
        sync.start();
        return sync;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void catchUpPagesThroughEveryPageAndTagsEachBookOnce() throws Exception {
        for (int i = 1; i <= 5; i++) {
            server.add("B" + i, "L1", "/srv/b" + i + ".cbz");
            server.localFiles.put("B" + i, file("b" + i + ".cbz"));
        }
        SyncState state = SyncState.inMemory();
        start(SyncOptions.of("mem", ApplyMode.PATCH), state);
        await(() -> sync.isIdle() && server.applied.size() == 5);
        assertThat(server.applied).extracting(InMemoryLibraryServer.Applied::bookId)
                .containsExactlyInAnyOrder("B1", "B2", "B3", "B4", "B5");
        assertThat(server.queries).extracting(BookQuery::page).containsExactly(0, 1, 2);
        assertThat(state.get("mem", "B3")).contains(new SyncState.Entry(SyncState.Outcome.TAGGED, 42L, CLOCK.instant()));
        assertThat(server.applied.get(0).metadata().summary()).isEqualTo("issue 42");
    }

    @Test
    void eventsForTheSameBookAreProcessedOnceAndOwnChangesAreIgnored() throws Exception {
        start(SyncOptions.of("mem", ApplyMode.PATCH), SyncState.inMemory());
        await(sync::isIdle);
        server.add("B1", "L1", "/srv/b1.cbz");
        server.localFiles.put("B1", file("b1.cbz"));
        for (int i = 0; i < 3; i++) {
            server.listener.onEvent(new BookEvent(BookEvent.Type.ADDED, "B1", "L1"));
        }
        await(() -> sync.isIdle() && server.applied.size() == 1);
        server.listener.onEvent(new BookEvent(BookEvent.Type.CHANGED, "B1", "L1")); // caused by our own apply
        Thread.sleep(50);
        await(sync::isIdle);
        assertThat(identified).hasSize(1);
        assertThat(server.applied).hasSize(1);
    }

    @Test
    void booksNotOnThisMachineAreDownloadedToATemporaryFileThatIsRemoved() throws Exception {
        server.add("B1", "L1", "/srv/remote.cbr");
        start(SyncOptions.of("mem", ApplyMode.PATCH), SyncState.inMemory());
        await(() -> sync.isIdle() && server.applied.size() == 1);
        assertThat(server.downloads).isEqualTo(1);
        assertThat(identifiedContent).containsExactly("bytes of B1");
        assertThat(identified.get(0).getFileName().toString()).endsWith(".cbr");
        assertThat(identified.get(0)).doesNotExist();
    }

    @Test
    void failuresAreRetriedOnTheNextCatchUpWhileOtherOutcomesAreFinal() throws Exception {
        server.add("B1", "L1", "/srv/b1.cbz");
        server.localFiles.put("B1", file("b1.cbz"));
        server.add("B2", "L1", "/srv/unknown.cbz");
        server.localFiles.put("B2", file("unknown.cbz"));
        server.add("B3", "L1", "/srv/broken.cbz");
        server.localFiles.put("B3", file("broken.cbz"));
        server.failNextApply.add("B1");
        SyncState state = SyncState.inMemory();
        start(SyncOptions.of("mem", ApplyMode.PATCH), state);
        await(() -> sync.isIdle() && identified.size() == 3);
        assertThat(state.get("mem", "B1").orElseThrow().outcome()).isEqualTo(SyncState.Outcome.FAILED);
        assertThat(state.get("mem", "B2").orElseThrow().outcome()).isEqualTo(SyncState.Outcome.NO_MATCH);
        assertThat(state.get("mem", "B3").orElseThrow().outcome()).isEqualTo(SyncState.Outcome.FAILED);
        assertThat(sync.failedCount()).isEqualTo(2);

        sync.requestCatchUp();
        await(() -> sync.isIdle() && server.applied.size() == 1);
        await(() -> identified.size() == 5);
        assertThat(state.get("mem", "B1").orElseThrow().outcome()).isEqualTo(SyncState.Outcome.TAGGED);
        assertThat(identified).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("b1.cbz", "unknown.cbz", "broken.cbz", "b1.cbz", "broken.cbz");
    }

    @Test
    void theModeIsChosenPerLibraryAndOtherLibrariesAreLeftAlone() throws Exception {
        server.add("B1", "L1", "/srv/b1.cbz");
        server.localFiles.put("B1", file("b1.cbz"));
        server.add("B2", "L2", "/srv/b2.cbz");
        server.localFiles.put("B2", file("b2.cbz"));
        server.add("B3", "L3", "/srv/b3.cbz");
        server.localFiles.put("B3", file("b3.cbz"));
        start(new SyncOptions("mem", List.of("L1", "L2"), ApplyMode.PATCH, Map.of("L2", ApplyMode.FILE),
                Scrobbler.none()), SyncState.inMemory());
        await(() -> sync.isIdle() && server.applied.size() == 2);
        server.listener.onEvent(new BookEvent(BookEvent.Type.ADDED, "B3", "L3"));
        await(sync::isIdle);
        assertThat(server.applied).extracting(a -> a.bookId() + ":" + a.mode())
                .containsExactlyInAnyOrder("B1:PATCH", "B2:FILE");
    }

    @Test
    void aReconnectTriggersACatchUpAndReadBooksAreScrobbledOnce() throws Exception {
        List<Long> scrobbled = new CopyOnWriteArrayList<>();
        start(SyncOptions.of("mem", ApplyMode.PATCH).withScrobbler(scrobbled::add), SyncState.inMemory());
        await(sync::isIdle);
        server.add("B1", "L1", "/srv/b1.cbz"); // added while "disconnected": no event
        server.localFiles.put("B1", file("b1.cbz"));
        server.listener.onConnected(true);
        await(() -> sync.isIdle() && server.applied.size() == 1);
        server.listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, "B1", "L1"));
        server.listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, "B1", "L1")); // re-read: not twice
        server.listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, "B9", "L1")); // never tagged
        await(() -> sync.isIdle() && !scrobbled.isEmpty());
        assertThat(scrobbled).containsExactly(42L);
    }

    @Test
    void aBookReadThatAlreadyCarriedAMetronReferenceIsScrobbledToo() throws Exception {
        List<Long> scrobbled = new CopyOnWriteArrayList<>();
        Book tagged = server.add("B1", "L1", "/srv/b1.cbz");
        server.books.put("B1", new Book("B1", "L1", "S1", "b1", "/srv/b1.cbz", 10, Instant.EPOCH,
                new BookSummary(null, null, null, List.of("https://metron.cloud/issue/x/"), "https://metron.cloud/issue/x/",
                        java.util.Set.of()), false, tagged.files()));
        server.localFiles.put("B1", file("b1.cbz"));
        start(SyncOptions.of("mem", ApplyMode.PATCH).withScrobbler(scrobbled::add), SyncState.inMemory());
        await(sync::isIdle);
        server.listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, "B1", "L1", "U1"));
        await(() -> sync.isIdle() && !scrobbled.isEmpty());
        assertThat(scrobbled).containsExactly(42L);
        assertThat(server.applied).isEmpty();
    }

    @Test
    void softDeletedBooksAreSkippedQuietlyAndANewIdFromAnImportIsRemembered() throws Exception {
        Book live = server.add("B1", "L1", "/srv/b1.cbr");
        server.localFiles.put("B1", file("b1.cbr"));
        server.books.put("B2", new Book("B2", "L1", "S1", "b2", "/srv/b2.cbz", 10, Instant.EPOCH, BookSummary.EMPTY,
                true, List.of("/srv/b2.cbz")));
        server.newIdOnApply = "B1-new";
        SyncState state = SyncState.inMemory();
        start(SyncOptions.of("mem", ApplyMode.FILE), state);
        await(() -> sync.isIdle() && server.applied.size() == 1);
        server.listener.onEvent(new BookEvent(BookEvent.Type.CHANGED, "B2", "L1"));
        await(sync::isIdle);
        assertThat(server.applied).extracting(InMemoryLibraryServer.Applied::bookId).containsExactly(live.id());
        assertThat(sync.failedCount()).isZero();
        assertThat(state.get("mem", "B2")).isEmpty();
        assertThat(state.get("mem", "B1-new")).get().extracting(SyncState.Entry::outcome).isEqualTo(SyncState.Outcome.TAGGED);
    }

    @Test
    void settingsMaskTheirValuesAndNameMissingOnes() {
        ServerSettings s = ServerSettings.of(Map.of("api-key", "very-secret")).with("library", "A").with("library", "B");
        assertThat(s.toString()).doesNotContain("very-secret");
        assertThat(s.getAll("library")).containsExactly("A", "B");
        assertThat(s.get(SettingSpec.optional("mode", "m", "patch"))).contains("patch");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.require("url")).hasMessageContaining("'url'");
    }
}
