package dev.metronome.metron;

import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the fake's ban rules: it never trips them, and says so plainly when it looks banned. */
class BanSafetyTest {

    @Test
    void a401StopsTheRunAtTheFirstAnswerSoThreeNeverHappen() {
        try (FakeMetron fake = new FakeMetron()) {
            MetronClient client = fake.client(MetronCredentials.basic(FakeMetron.USER, "wrong-password")).build();
            for (int i = 0; i < 5; i++) {
                int id = i + 1;
                assertThatThrownBy(() -> client.issue(id)).isInstanceOf(MetronException.class)
                        .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.AUTH);
            }
            assertThat(fake.server.requestLog()).hasSize(1);
            assertThat(fake.server.bans()).isEmpty();
        }
    }

    @Test
    void everyRequestCarriesAUserAgentNamingMetronomeAndItsVersion() {
        try (FakeMetron fake = new FakeMetron()) {
            MetronClient client = fake.client();
            client.issue(156270);
            client.series(1);
            client.scrobble(1, null, null);
            assertThat(fake.server.requestLog()).hasSize(3).extracting(RequestLogEntry::userAgent)
                    .allMatch(ua -> ua.startsWith("Metronome/" + MetronSettings.version() + " ("));
        }
    }

    @Test
    void aClientThatLooksBannedSaysSoInOneLineAndSendsNothingMore() {
        try (FakeMetron fake = new FakeMetron(FakeMetronServer.builder().burst(1000, Duration.ofMinutes(1)))) {
            MetronClient client = fake.client();
            client.issue(156270);
            // another program on this address trips the 404 rule: Metron's firewall bans the address for an hour
            MetronClient other = fake.client();
            for (int i = 0; i < 20; i++) {
                int id = 90_000_000 + i;
                assertThatThrownBy(() -> other.issue(id)).isInstanceOf(MetronException.class);
            }
            assertThat(fake.server.bans()).hasSize(1);
            int before = fake.server.requestLog().size();
            assertThatThrownBy(() -> client.issue(1)).isInstanceOf(MetronException.class)
                    .satisfies(e -> {
                        MetronException m = (MetronException) e;
                        assertThat(m.kind()).isEqualTo(MetronException.Kind.BLOCKED);
                        assertThat(m.getMessage()).doesNotContain("\n").contains("banned", "run again in a few hours");
                    });
            int tried = fake.server.requestLog().size() - before;
            // three attempts (the JDK client may resend a GET once on a dropped connection), then nothing more
            assertThat(tried).isBetween(RetryLayer.BLOCKED_AFTER, 2 * RetryLayer.BLOCKED_AFTER);
            assertThatThrownBy(() -> client.series(1)).isInstanceOf(MetronException.class)
                    .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.BLOCKED);
            assertThat(fake.server.requestLog()).hasSize(before + tried);
        }
    }
}
