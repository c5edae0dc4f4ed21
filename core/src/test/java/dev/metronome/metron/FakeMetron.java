package dev.metronome.metron;

import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Test wiring: a fake Metron server and clients sharing one hand-moved clock. */
final class FakeMetron implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "pa55-Secret-xyz";
    static final String TOKEN = "tok-9f8e7d6c5b4a-secret";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final TestSleeper sleeper = new TestSleeper(clock);
    final FakeMetronServer server;

    FakeMetron(FakeMetronServer.Builder builder) {
        this.server = builder.clock(clock).account(USER, PASSWORD).token(TOKEN, USER).start();
    }

    FakeMetron() {
        this(FakeMetronServer.builder());
    }

    /** Settings pointing at the fake, with local budgets matching its default limits. */
    MetronSettings settings() {
        return MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()));
    }

    MetronClient.Builder client(MetronCredentials credentials) {
        return MetronClient.builder().settings(settings()).credentials(credentials).clock(clock).sleeper(sleeper);
    }

    MetronClient client() {
        return client(MetronCredentials.basic(USER, PASSWORD)).build();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        server.close();
    }
}
