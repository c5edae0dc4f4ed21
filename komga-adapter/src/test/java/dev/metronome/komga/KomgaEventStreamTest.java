package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KomgaEventStreamTest {

    @TempDir
    Path library;
    private FakeKomgaServer fake;
    private LibraryServer server;
    private final List<BookEvent> events = new CopyOnWriteArrayList<>();
    private final List<Boolean> connects = new CopyOnWriteArrayList<>();
    private final BookEventListener listener = new BookEventListener() {
        @Override
        public void onEvent(BookEvent event) {
            events.add(event);
        }

        @Override
        public void onConnected(boolean reconnect) {
            connects.add(reconnect);
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (fake != null) {
            assertThat(fake.violations()).isEmpty();
            fake.close();
        }
    }

    private void start(Duration analysisDelay, String bufferMs) throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(50))
                .taskStatusInterval(Duration.ofMillis(100)).analysisDelay(analysisDelay).start();
        server = new KomgaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey(), "reconnect-backoff-ms", "50", "heartbeat-timeout-ms", "2000",
                "event-buffer-ms", bufferMs)), HostServices.readOnly());
    }

    @Test
    void bookEventsWaitForAnEmptyTaskQueueAndComeOncePerBook() throws Exception {
        start(Duration.ofMillis(400), "60000");
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "never connected");
            CbzFiles.write(library.resolve("Saga/Saga 001.cbz"), Map.of("Title", "One"), 1);
            CbzFiles.write(library.resolve("Saga/Saga 002.cbz"), Map.of("Title", "Two"), 1);
            fake.scan();
            Thread.sleep(100); // both analyses (400 ms each) are still queued: nothing may be delivered yet
            assertThat(events).isEmpty();
            Waits.until(Duration.ofSeconds(5), () -> events.size() >= 2, () -> "events: " + events);
            Thread.sleep(250); // later TaskQueueStatus{count:0} must not repeat the books
            assertThat(events).extracting(BookEvent::type).containsExactly(BookEvent.Type.ADDED, BookEvent.Type.ADDED);
            assertThat(events).extracting(BookEvent::bookId).doesNotHaveDuplicates();
            assertThat(connects).containsExactly(false);
        }
    }

    @Test
    void reconnectsAfterTheServerDropsTheStreamAndSaysSo() throws Exception {
        start(Duration.ZERO, "60000");
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), () -> fake.sseConnectedNow() == 1, () -> "never connected");
            fake.forceDisconnect();
            Waits.until(Duration.ofSeconds(5), () -> fake.sseConnections() == 2 && fake.sseConnectedNow() == 1,
                    () -> "never reconnected");
            // the server sees the new connection a moment before the client reports it
            Waits.until(Duration.ofSeconds(5), () -> connects.size() == 2, () -> "reconnect not reported: " + connects);
            assertThat(connects).containsExactly(false, true);
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "not connected again");
            CbzFiles.write(library.resolve("Saga/Saga 003.cbz"), Map.of("Title", "Three"), 1);
            fake.scan();
            Waits.until(Duration.ofSeconds(5), () -> events.size() == 1, () -> "events after reconnect: " + events);
        }
    }

    @Test
    void readCompletedIsReportedForTheReaderAndASoftDeleteIsAChangeUntilTheTrashIsEmptied() throws Exception {
        CbzFiles.write(library.resolve("Saga/Saga 001.cbz"), Map.of("Title", "One"), 1);
        start(Duration.ZERO, "60000");
        String id = fake.bookIds().get(0);
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "never connected");
            fake.markRead(id);
            Waits.until(Duration.ofSeconds(5), () -> !events.isEmpty(), () -> "no read event");
            assertThat(events).containsExactly(new BookEvent(BookEvent.Type.READ_COMPLETED, id, "0LIB001", "U1"));
            java.nio.file.Files.delete(library.resolve("Saga/Saga 001.cbz"));
            fake.scan();
            Waits.until(Duration.ofSeconds(5), () -> events.size() == 2, () -> "no change event");
            assertThat(events.get(1).type()).isEqualTo(BookEvent.Type.CHANGED);
            assertThat(server.book(id)).get().extracting(dev.metronome.spi.Book::deleted).isEqualTo(true);
            fake.emptyTrash();
            Waits.until(Duration.ofSeconds(5), () -> events.size() == 3, () -> "no delete event");
            assertThat(events.get(2).type()).isEqualTo(BookEvent.Type.DELETED);
        }
    }

    @Test
    void theStreamIsOpenedUnderKomgasContextPath() throws Exception {
        start(Duration.ZERO, "60000");
        assertThat(fake.url().getPath()).isEqualTo("/komga");
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "never connected: " + fake.requests());
        }
        assertThat(fake.requests()).contains("GET /sse/v1/events -> 200").noneMatch(r -> r.contains("outside"));
    }

    @Test
    void anotherUsersReadingNeverReachesTheKeyAndTaskEventsGoToAdminsOnly() throws Exception {
        CbzFiles.write(library.resolve("Saga/Saga 001.cbz"), Map.of("Title", "One"), 1);
        fake = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(50))
                .taskStatusInterval(Duration.ofMillis(50)).account("reader@example.org", "pw", "reader-key", "FILE_DOWNLOAD")
                .start();
        server = new KomgaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "reader-key", "reconnect-backoff-ms", "50", "event-buffer-ms", "200")), HostServices.readOnly());
        String id = fake.bookIds().get(0);
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "never connected");
            fake.markRead(id); // the admin reads: not our user
            fake.markRead(id, fake.accountId("reader@example.org"));
            Waits.until(Duration.ofSeconds(5), () -> !events.isEmpty(), () -> "no read event");
            Thread.sleep(200);
            assertThat(events).containsExactly(new BookEvent(BookEvent.Type.READ_COMPLETED, id, "0LIB001", "U2"));
        }
    }

    @Test
    void bufferedEventsAreFlushedAfterTheLimitWhenNoEmptyQueueIsReported() throws Exception {
        // the analysis takes longer than the buffer limit: the events must not wait for it
        start(Duration.ofMillis(1500), "300");
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), s::isConnected, () -> "never connected");
            CbzFiles.write(library.resolve("Saga/Saga 004.cbz"), Map.of("Title", "Four"), 1);
            fake.scan();
            Waits.until(Duration.ofMillis(1200), () -> events.size() == 1, () -> "not flushed by age: " + events);
        }
    }

    @Test
    void aSilentStreamCountsAsDeadAndIsReplaced() throws Exception {
        // the fake's heartbeats and task events are far apart; the adapter gives up on silence after 300 ms
        fake = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofSeconds(30))
                .taskStatusInterval(Duration.ofSeconds(30)).start();
        server = new KomgaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey(), "reconnect-backoff-ms", "50", "heartbeat-timeout-ms", "300")),
                HostServices.readOnly());
        try (Subscription s = server.events(listener)) {
            Waits.until(Duration.ofSeconds(5), () -> connects.size() >= 2, () -> "connections: " + connects);
            assertThat(connects).startsWith(false, true);
            assertThat(fake.sseConnections()).isGreaterThanOrEqualTo(2);
            s.close();
            assertThat(s.isConnected()).isFalse();
        }
    }
}
