package dev.metronome.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.metronome.fixtures.metron.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The cover store is bounded: a cover is fetched again once older than the age limit, and the folder keeps no more
 * than its byte limit (the covers fetched longest ago go first). Covers come from a local image host. */
class CoverStoreTest {

    private static final int COVER_BYTES = 10_000;

    @TempDir
    Path dir;

    private HttpServer host;
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @BeforeEach
    void startHost() throws IOException {
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", exchange -> {
            served.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            byte[] jpeg = new byte[COVER_BYTES];
            Arrays.fill(jpeg, (byte) 7);
            jpeg[0] = (byte) 0xff;
            jpeg[1] = (byte) 0xd8;
            exchange.sendResponseHeaders(200, jpeg.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jpeg);
            }
        });
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.stop(0);
    }

    private String url(long issueId) {
        return "http://127.0.0.1:" + host.getAddress().getPort() + "/cover/" + issueId + ".jpg";
    }

    private int fetches(long issueId) {
        return served.getOrDefault("/cover/" + issueId + ".jpg", new AtomicInteger()).get();
    }

    @Test
    void aCoverIsKeptUntilItIsOlderThanTheAgeLimit() {
        CoverStore store = new CoverStore(dir.resolve("covers"), clock, Duration.ofDays(30), 1_000_000);
        assertThat(store.cover(1, url(1))).hasValueSatisfying(b -> assertThat(b).hasSize(COVER_BYTES));
        clock.advance(Duration.ofDays(29));
        assertThat(store.cover(1, url(1))).isPresent();
        assertThat(fetches(1)).as("kept: served from the folder").isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        assertThat(store.cover(1, url(1))).isPresent();
        assertThat(fetches(1)).as("older than 30 days: fetched again").isEqualTo(2);
        assertThat(store.cover(1, url(1))).isPresent();
        assertThat(fetches(1)).as("and kept again").isEqualTo(2);
        assertThat(store.fetched()).isEqualTo(2);
    }

    @Test
    void theFolderHoldsNoMoreThanTheByteLimitTheOldestGoFirst() throws IOException {
        Path folder = dir.resolve("covers");
        CoverStore store = new CoverStore(folder, clock, Duration.ofDays(30), COVER_BYTES * 5L / 2);
        for (long id = 1; id <= 4; id++) {
            assertThat(store.cover(id, url(id))).isPresent();
            clock.advance(Duration.ofMinutes(1));
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("3", "4");
        }
        assertThat(store.cover(4, url(4))).isPresent();
        assertThat(fetches(4)).as("a kept cover").isEqualTo(1);
        assertThat(store.cover(1, url(1))).isPresent();
        assertThat(fetches(1)).as("pruned, so fetched again").isEqualTo(2);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("1", "4");
        }
    }
}
