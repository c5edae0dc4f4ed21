package dev.metronome.cache;

import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sessions on one cache folder (two processes, in effect) against one account never exceed its limit. */
class MetronSessionTest {

    @Test
    void twoSessionsOnOneCacheFolderShareTheAccountsLimit(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        Sleeper sleeper = clock::advance;
        try (FakeMetronServer server = FakeMetronServer.builder().clock(clock).burst(5, Duration.ofSeconds(6))
                .account("alice", "pw").start()) {
            MetronSettings settings = MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()))
                    .withBudgets(5, Duration.ofSeconds(6), 5000, Duration.ofDays(1));
            MetronCredentials alice = MetronCredentials.basic("alice", "pw");
            try (MetronSession one = MetronSession.open(settings, alice, dir, clock, sleeper);
                 MetronSession two = MetronSession.open(settings, alice, dir, clock, sleeper)) {
                for (int i = 0; i < 30; i++) {
                    (i % 2 == 0 ? one : two).client().series(1 + (i % 3 == 0 ? 0 : 36));
                }
                assertThat(one.client().stats().count("304") + two.client().stats().count("304")).isPositive();
            }
            assertThat(server.requestLog()).hasSize(30)
                    .allSatisfy(e -> assertThat(e.status()).isIn(200, 304))
                    .allSatisfy(e -> assertThat(e.burstRemainingBefore()).isPositive());
            assertThat(server.requestLog()).extracting(RequestLogEntry::status).doesNotContain(429);
        }
    }
}
