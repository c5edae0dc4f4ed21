package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconnect backoff, observed through a recording sleeper instead of real waits. */
class KomgaEventStreamBackoffTest {

    @TempDir
    Path library;

    private static final KomgaEventStream.Timing TIMING = new KomgaEventStream.Timing(Duration.ofMillis(100),
            Duration.ofMillis(1000), Duration.ofSeconds(30), Duration.ofSeconds(30));

    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private final List<Boolean> connects = new CopyOnWriteArrayList<>();
    private final BookEventListener listener = new BookEventListener() {
        @Override
        public void onEvent(BookEvent event) {
        }

        @Override
        public void onConnected(boolean reconnect) {
            connects.add(reconnect);
        }

        @Override
        public void onDisconnected(String cause) {
            disconnects.add(cause);
        }
    };

    @Test
    void waitsDoubleUpToTheLimitWhileTheServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        KomgaClient client = clientWithApiKey(URI.create("http://127.0.0.1:" + port));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        CountDownLatch seven = new CountDownLatch(7);
        KomgaEventStream stream = new KomgaEventStream(client, listener, TIMING, id -> Optional.empty(), d -> {
            waits.add(d);
            seven.countDown();
        }).start();
        try {
            assertThat(seven.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            stream.close();
        }
        assertThat(waits.subList(0, 6)).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(connects).isEmpty();
        assertThat(disconnects).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theWaitStartsOverAfterASuccessfulConnection() throws Exception {
        try (FakeKomgaServer fake = FakeKomgaServer.builder().library("Comics", library)
                .heartbeat(Duration.ofMillis(50)).start()) {
            KomgaClient client = clientWithApiKey(fake.url());
            List<Duration> waits = new CopyOnWriteArrayList<>();
            CountDownLatch three = new CountDownLatch(3);
            BookEventListener dropEveryConnection = new BookEventListener() {
                @Override
                public void onEvent(BookEvent event) {
                }

                @Override
                public void onConnected(boolean reconnect) {
                    connects.add(reconnect);
                    fake.forceDisconnect(); // the server drops each connection as soon as it is made
                }
            };
            KomgaEventStream stream = new KomgaEventStream(client, dropEveryConnection, TIMING, id -> Optional.empty(),
                    d -> {
                        waits.add(d);
                        three.countDown();
                    }).start();
            try {
                assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                stream.close();
            }
            assertThat(waits.subList(0, 3)).allMatch(d -> d.toMillis() == 100);
            assertThat(connects).startsWith(false, true, true);
        }
    }

    private static KomgaClient clientWithApiKey(URI url) {
        return new KomgaClient(url, new KomgaCredentials("fake-api-key-0123456789abcdef", null, null));
    }
}
