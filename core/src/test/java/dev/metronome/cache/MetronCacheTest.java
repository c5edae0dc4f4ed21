package dev.metronome.cache;

import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.ResponseStore;
import dev.metronome.metron.Response;
import dev.metronome.metron.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MetronCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    /** A sleeper that records each wait and moves the clock by it. */
    private Sleeper recordingInto(List<Duration> waits) {
        return d -> {
            waits.add(d);
            clock.advance(d);
        };
    }

    @Test
    void keepsResponsesSeriesFingerprintsAndSyncStateAcrossReopening(@TempDir Path dir) {
        try (MetronCache cache = MetronCache.open(dir, clock)) {
            cache.put("https://metron.cloud/api/issue/1/", new ResponseStore.CachedResponse("{\"id\":1}".getBytes(),
                    "Sun, 26 Oct 2025 14:48:00 GMT", clock.instant()));
            cache.rememberSeries("The Amazing Spider-Man", 1963, 2051);
            cache.rememberFingerprint("sha256:abc", 156270);
            cache.recordSync("issue", OffsetDateTime.parse("2026-03-01T12:00:00Z"));
        }
        try (MetronCache cache = MetronCache.open(dir, clock)) {
            ResponseStore.CachedResponse cached = cache.get("https://metron.cloud/api/issue/1/").orElseThrow();
            assertThat(new String(cached.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
            assertThat(cached.lastModified()).isEqualTo("Sun, 26 Oct 2025 14:48:00 GMT");
            assertThat(cache.resolvedSeries("the amazing  spider man", 1963)).contains(2051);
            assertThat(cache.resolvedSeries("The Amazing Spider-Man", 1999)).isEmpty();
            assertThat(cache.issueForFingerprint("sha256:abc")).contains(156270);
            assertThat(cache.lastSync("issue")).contains(OffsetDateTime.parse("2026-03-01T12:00:00Z"));
            assertThat(cache.lastSync("series")).isEmpty();
        }
    }

    @Test
    void aCorruptCacheIsMovedAsideAndRebuiltWithAWarning(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(MetronCache.FILE_NAME), "this is not a database, just some bytes".repeat(200)
                .getBytes(StandardCharsets.UTF_8));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (MetronCache cache = MetronCache.open(dir, clock)) {
            cache.rememberFingerprint("f", 1);
            assertThat(cache.issueForFingerprint("f")).contains(1);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN").contains("unreadable");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith(MetronCache.FILE_NAME + ".corrupt-"));
        }
    }

    @Test
    void twoCachesOnOneFolderShareOneLimiter(@TempDir Path dir) throws Exception {
        MetronSettings settings = MetronSettings.defaults().withBudgets(3, Duration.ofSeconds(60), 5000,
                Duration.ofDays(1));
        List<Duration> waits = new ArrayList<>();
        Sleeper sleeper = recordingInto(waits);
        try (MetronCache first = MetronCache.open(dir, clock); MetronCache second = MetronCache.open(dir, clock)) {
            SharedRateLimiter a = new SharedRateLimiter(first, "user:alice", settings, clock, sleeper);
            SharedRateLimiter b = new SharedRateLimiter(second, "user:alice", settings, clock, sleeper);
            SharedRateLimiter otherAccount = new SharedRateLimiter(second, "user:bob", settings, clock, sleeper);
            a.acquire();
            b.acquire();
            a.acquire();
            assertThat(waits).isEmpty();
            otherAccount.acquire();
            assertThat(waits).isEmpty();
            b.acquire();
            assertThat(waits).containsExactly(Duration.ofSeconds(60).plusMillis(1));

            // what one process learns from the headers, the other obeys
            long reset = clock.instant().getEpochSecond() + 30;
            a.update(new Response(200, Map.of("X-RateLimit-Burst-Limit", List.of("20"),
                    "X-RateLimit-Burst-Remaining", List.of("0"),
                    "X-RateLimit-Burst-Reset", List.of(Long.toString(reset))), new byte[0]));
            waits.clear();
            Duration expected = Duration.between(clock.instant(), Instant.ofEpochSecond(reset).plusMillis(100));
            b.acquire();
            assertThat(waits).containsExactly(expected);
        }
    }

    @Test
    void aFailingCacheLeavesTheLimiterWorkingInThisProcess(@TempDir Path dir) throws Exception {
        MetronSettings settings = MetronSettings.defaults().withBudgets(2, Duration.ofSeconds(60), 5000,
                Duration.ofDays(1));
        List<Duration> waits = new ArrayList<>();
        Sleeper sleeper = recordingInto(waits);
        MetronCache cache = MetronCache.open(dir, clock);
        SharedRateLimiter limiter = new SharedRateLimiter(cache, "user:alice", settings, clock, sleeper);
        limiter.acquire();
        cache.close();
        // the database is gone: no crash, and the budget still holds (2 per minute, counted afresh)
        limiter.acquire();
        limiter.acquire();
        assertThat(waits).isEmpty();
        limiter.acquire();
        assertThat(waits).hasSize(1);
    }

    @Test
    void twoCachesInParallelThreadsNeverOverspendTheBudget(@TempDir Path dir) throws Exception {
        MetronSettings settings = MetronSettings.defaults().withBudgets(5, Duration.ofHours(1), 5000,
                Duration.ofDays(1));
        List<Instant> granted = java.util.Collections.synchronizedList(new ArrayList<>());
        Sleeper never = d -> {
            throw new InterruptedException("would wait " + d);
        };
        try (MetronCache first = MetronCache.open(dir, clock); MetronCache second = MetronCache.open(dir, clock)) {
            List<Thread> threads = new ArrayList<>();
            for (MetronCache cache : List.of(first, second, first, second)) {
                SharedRateLimiter limiter = new SharedRateLimiter(cache, "user:alice", settings, clock, never);
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 5; i++) {
                        try {
                            limiter.acquire();
                            granted.add(clock.instant());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
        assertThat(granted).hasSize(5);
    }
}
