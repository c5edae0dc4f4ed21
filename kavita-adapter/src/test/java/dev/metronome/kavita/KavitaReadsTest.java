package dev.metronome.kavita;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.Await;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.Subscription;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads: a chapter is read when pagesRead reaches its pages; only the API key's own user's reads are reported. */
class KavitaReadsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path root;
    private FakeKavitaServer fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private LibraryServer connect() throws Exception {
        return new KavitaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(), "api-key",
                fake.apiKey(), "poll-ms", "50", "poll-reads", "true")), IssueTagger.host());
    }

    @Test
    void onlyTheKeysOwnUsersFinishedReadsAreReported() throws Exception {
        CbzFiles.write(root.resolve("Saga/Saga 001.cbz"), Map.of(), 3);
        CbzFiles.write(root.resolve("Saga/Saga 002.cbz"), Map.of(), 3);
        fake = FakeKavitaServer.builder().library("Comics", root).user("reader", "reader-key", false).start();
        List<BookEvent> events = new CopyOnWriteArrayList<>();
        try (LibraryServer server = connect(); Subscription s = server.events(new BookEventListener() {
            @Override
            public void onEvent(BookEvent event) {
                events.add(event);
            }
        })) {
            Await.until(TIMEOUT, s::isConnected, () -> "never polled");
            int one = fake.chapterIdByFileName("Saga 001.cbz").orElseThrow();
            int two = fake.chapterIdByFileName("Saga 002.cbz").orElseThrow();
            fake.markRead("reader", two);
            Thread.sleep(10);
            fake.markRead("admin", one);
            Await.until(TIMEOUT, () -> !events.isEmpty(), () -> "no read reported");
            Thread.sleep(300);
            assertThat(events).containsExactly(new BookEvent(BookEvent.Type.READ_COMPLETED, String.valueOf(one), "1", "admin"));
        }
    }

    @Test
    void namedOtherUsersFinishedReadsAreSweptWithTheAdminKeyAndNameTheirReader() throws Exception {
        CbzFiles.write(root.resolve("Saga/Saga 001.cbz"), Map.of(), 3);
        CbzFiles.write(root.resolve("Saga/Saga 002.cbz"), Map.of(), 3);
        fake = FakeKavitaServer.builder().library("Comics", root).user("Reader", "reader-key", false)
                .user("other", "other-key", false).start();
        List<BookEvent> events = new CopyOnWriteArrayList<>();
        try (LibraryServer server = new KavitaProvider().connect(ServerSettings.ofMulti(Map.of("url",
                List.of(fake.url().toString()), "api-key", List.of(fake.apiKey()), "poll-ms", List.of("50"),
                "read-users", List.of("reader"))), IssueTagger.host());
             Subscription s = server.events(new BookEventListener() {
                 @Override
                 public void onEvent(BookEvent event) {
                     events.add(event);
                 }
             })) {
            Await.until(TIMEOUT, s::isConnected, () -> "never polled");
            int one = fake.chapterIdByFileName("Saga 001.cbz").orElseThrow();
            int two = fake.chapterIdByFileName("Saga 002.cbz").orElseThrow();
            fake.markRead("Reader", two);
            fake.markRead("other", one);
            fake.markRead("admin", one);
            Await.until(TIMEOUT, () -> !events.isEmpty(), () -> "no read reported");
            Thread.sleep(300);
            assertThat(events).containsExactly(new BookEvent(BookEvent.Type.READ_COMPLETED, String.valueOf(two), "1",
                    "Reader"));
        }
    }

    @Test
    void aTaggedChapterReadToTheEndIsScrobbledOnce() throws Exception {
        CbzFiles.write(root.resolve("Saga/Saga 007.cbz"), Map.of(), 2);
        fake = FakeKavitaServer.builder().library("Comics", root).start();
        List<Long> scrobbled = new CopyOnWriteArrayList<>();
        try (LibraryServer server = connect();
             LibraryServerSync sync = new LibraryServerSync(server, new IssueTagger(), SyncState.inMemory(),
                     SyncOptions.of("kavita", ApplyMode.PATCH).withScrobbler(scrobbled::add), Clock.systemUTC())) {
            sync.start();
            Await.until(TIMEOUT, () -> sync.taggedCount() == 1 && sync.isIdle(), () -> "not tagged");
            fake.markRead("admin", fake.chapterIdByFileName("Saga 007.cbz").orElseThrow());
            Await.until(TIMEOUT, () -> !scrobbled.isEmpty(), () -> "nothing scrobbled");
            Thread.sleep(300);
            assertThat(scrobbled).containsExactly(1007L);
        }
    }
}
