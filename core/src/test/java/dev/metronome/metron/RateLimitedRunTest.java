package dev.metronome.metron;

import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 300 requests against a 20-per-6-seconds server: no 429, and nothing sent while Remaining is 0. */
class RateLimitedRunTest {

    @Test
    void threeHundredRequestsNeverHitTheLimit() {
        try (FakeMetron fake = new FakeMetron(FakeMetronServer.builder().burst(20, Duration.ofSeconds(6)))) {
            MetronSettings settings = fake.settings().withBudgets(20, Duration.ofSeconds(6), 5000, Duration.ofDays(1));
            MetronClient client = fake.client(MetronCredentials.basic(FakeMetron.USER, FakeMetron.PASSWORD))
                    .settings(settings).build();
            List<Integer> ids = fake.server.catalogue().issues().stream().limit(300)
                    .map(n -> n.path("id").asInt()).toList();
            for (int id : ids) {
                assertThat(client.issue(id).id()).isEqualTo(id);
            }
            List<RequestLogEntry> log = fake.server.requestLog();
            assertThat(log).hasSize(300);
            assertThat(log).extracting(RequestLogEntry::status).containsOnly(200);
            assertThat(log).allSatisfy(e -> assertThat(e.burstRemainingBefore()).isPositive());
            assertThat(client.stats().count("200")).isEqualTo(300);
            assertThat(client.stats().count("429")).isZero();
            // 300 requests at 20 per 6 s need at least 14 full windows of waiting, and not wildly more
            assertThat(fake.sleeper.total()).isBetween(Duration.ofSeconds(14 * 6), Duration.ofSeconds(15 * 7));
        }
    }

    @Test
    void fourThreadsSharingOneClientNeverHitTheLimit() throws Exception {
        try (FakeMetron fake = new FakeMetron(FakeMetronServer.builder().burst(20, Duration.ofSeconds(6)))) {
            MetronSettings settings = fake.settings().withBudgets(20, Duration.ofSeconds(6), 5000, Duration.ofDays(1));
            MetronClient client = fake.client(MetronCredentials.basic(FakeMetron.USER, FakeMetron.PASSWORD))
                    .settings(settings).build();
            List<Thread> threads = new java.util.ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 40; i++) {
                            client.series(1);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            List<RequestLogEntry> log = fake.server.requestLog();
            // 160 calls; under load the JDK client may resend a request whose keep-alive connection the server had
            // just closed, so a few more may reach the server: each still counted and still within the window
            assertThat(log).hasSizeBetween(160, 164);
            assertThat(log).extracting(RequestLogEntry::status).containsOnly(200);
            assertThat(log).allSatisfy(e -> assertThat(e.burstRemainingBefore()).isPositive());
        }
    }

    @Test
    void firstRequestsAreGuardedByTheLocalBudget() {
        try (FakeMetron fake = new FakeMetron(FakeMetronServer.builder().burst(100, Duration.ofSeconds(60)))) {
            // the local budget (3 per minute) applies only until the server's headers arrive;
            // once they say 97 left, the headers decide
            MetronSettings settings = fake.settings().withBudgets(3, Duration.ofSeconds(60), 5000, Duration.ofDays(1));
            LocalRateLimiter limiter = new LocalRateLimiter(settings, fake.clock, fake.sleeper);
            for (int i = 0; i < 3; i++) {
                assertThat(waitOf(limiter, fake)).isZero();
            }
            assertThat(waitOf(limiter, fake)).isEqualTo(Duration.ofSeconds(60).plusMillis(1));
            MetronClient client = fake.client(MetronCredentials.basic(FakeMetron.USER, FakeMetron.PASSWORD))
                    .settings(settings).rateLimiter(limiter).build();
            client.issue(1);
            int before = fake.sleeper.waits().size();
            for (int i = 0; i < 10; i++) {
                client.issue(1);
            }
            assertThat(fake.sleeper.waits()).hasSize(before);
        }
    }

    private static Duration waitOf(LocalRateLimiter limiter, FakeMetron fake) {
        int before = fake.sleeper.waits().size();
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        List<Duration> waits = fake.sleeper.waits();
        return waits.subList(before, waits.size()).stream().reduce(Duration.ZERO, Duration::plus);
    }
}
