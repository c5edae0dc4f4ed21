package dev.metronome.metron;

import dev.metronome.fixtures.metron.FaultyMetronServer;
import dev.metronome.fixtures.metron.FaultyMetronServer.Mode;
import dev.metronome.fixtures.metron.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against a dead or hostile Metron: each failure is bounded, three failed requests in a row make Metron
 * unavailable (one line naming the cause), and after that nothing more is sent. Waits move a clock; only the stall
 * really waits, for its short deadline.
 */
class GiveUpTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final TestSleeper sleeper = new TestSleeper(clock);
    private FaultyMetronServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private MetronClient client(Mode mode, Duration pause) {
        return client(mode, pause, Duration.ofSeconds(20)); // a loaded machine must not turn a 500 into a timeout
    }

    private MetronClient client(Mode mode, Duration pause, Duration deadline) {
        server = FaultyMetronServer.start(mode);
        MetronSettings settings = MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()))
                .withBudgets(1000, Duration.ofMinutes(1), 5000, Duration.ofDays(1))
                .withTimeouts(Duration.ofSeconds(10), deadline);
        return MetronClient.builder().settings(settings).credentials(MetronCredentials.basic("alice", "pw"))
                .clock(clock).sleeper(sleeper).pauseWhenUnavailable(pause).build();
    }

    private MetronClient client(Mode mode) {
        return client(mode, null);
    }

    /** Three failing requests: the first two fail on their own, the third says Metron is unavailable. */
    private static MetronException threeFailures(MetronClient client) {
        for (int i = 0; i < Availability.FAILURES_IN_A_ROW - 1; i++) {
            int id = i + 1;
            assertThatThrownBy(() -> client.issue(id)).isInstanceOf(MetronException.class)
                    .extracting(e -> ((MetronException) e).kind()).isNotEqualTo(MetronException.Kind.UNAVAILABLE);
        }
        MetronException third = catchMetron(() -> client.issue(3));
        assertThat(third.kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(third.getMessage()).doesNotContain("\n").contains("127.0.0.1");
        return third;
    }

    private static MetronException catchMetron(Runnable call) {
        try {
            call.run();
        } catch (MetronException e) {
            return e;
        }
        throw new AssertionError("no MetronException");
    }

    private static void nothingMoreIsSent(MetronClient client, FaultyMetronServer server) {
        int before = server.requests();
        long ioErrors = ioErrors(client);
        assertThatThrownBy(() -> client.series(7)).isInstanceOf(MetronException.class)
                .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(server.requests()).isEqualTo(before);
        assertThat(ioErrors(client)).isEqualTo(ioErrors);
    }

    private static long ioErrors(MetronClient client) {
        return client.stats().snapshot().values().stream()
                .mapToLong(outcomes -> outcomes.getOrDefault("io-error", 0L)).sum();
    }

    @Test
    void refusedConnectionsAreRetriedTwiceEachThenTheClientGivesUp() {
        MetronClient client = client(Mode.REFUSED);
        MetronException e = threeFailures(client);
        assertThat(e.getMessage()).contains("unreachable", "connection refused", "3 requests in a row",
                "Check your network", "run again later", "--wait-for-quota does not help");
        assertThat(ioErrors(client)).isEqualTo(9);
        assertThat(sleeper.waits()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 1L, 2L, 1L, 2L);
        nothingMoreIsSent(client, server);
    }

    @Test
    void aStallIsCutAtTheDeadlineAndNotRetried() {
        MetronClient client = client(Mode.STALL, null, Duration.ofMillis(300));
        MetronException e = threeFailures(client);
        assertThat(e.getMessage()).contains("unreachable", "timed out: no answer within 0.3 s");
        assertThat(server.requests()).isEqualTo(3);
        assertThat(sleeper.waits()).isEmpty();
        nothingMoreIsSent(client, server);
    }

    @Test
    void serverErrorsAreRetriedThreeTimesAfterOneTwoAndFourSecondsThenTheClientGivesUp() {
        MetronClient client = client(Mode.SERVER_ERRORS);
        MetronException e = threeFailures(client);
        assertThat(e.getMessage()).contains("failing", "HTTP 500", "each retried 3 times", "https://metron.cloud");
        assertThat(server.requests()).isEqualTo(12);
        assertThat(sleeper.waits()).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 1L, 2L, 4L, 1L, 2L, 4L);
        nothingMoreIsSent(client, server);
    }

    @Test
    void a503RetryAfterIsHonouredInsteadOfTheBackoff() {
        MetronClient client = client(Mode.UNAVAILABLE_RETRY_AFTER);
        server.retryAfterSeconds(10);
        MetronException e = threeFailures(client);
        assertThat(e.getMessage()).contains("HTTP 503 with Retry-After 10 s");
        assertThat(server.requests()).isEqualTo(12);
        assertThat(sleeper.waits()).hasSize(9).allMatch(Duration.ofSeconds(10)::equals);
        nothingMoreIsSent(client, server);
    }

    @Test
    void a503AskingForMoreThanAMinuteGivesUpAtOnceSayingWhenToComeBack() {
        MetronClient client = client(Mode.UNAVAILABLE_RETRY_AFTER);
        server.retryAfterSeconds(3600);
        MetronException e = catchMetron(() -> client.issue(1));
        assertThat(e.kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain("\n").contains("down for maintenance", "Retry-After 3600 s",
                "come back at 2026-03-01T13:00:00Z", "Run again after that time");
        assertThat(server.requests()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
        nothingMoreIsSent(client, server);
    }

    @Test
    void aThreeGigabyteAnswerIsCutAtTheCapAndCountsAsAFailure() {
        MetronClient client = client(Mode.HUGE_BODY);
        MetronException e = threeFailures(client);
        assertThat(e.getMessage()).contains("failing", "answers larger than 32 MB", "https://metron.cloud");
        assertThat(server.requests()).isEqualTo(3);
        assertThat(server.bodyBytesSent()).isLessThan(FaultyMetronServer.HUGE_BODY_BYTES / 4);
        nothingMoreIsSent(client, server);
    }

    @Test
    void anAnswerInBetweenStartsTheCountAgain() {
        MetronClient client = client(Mode.SERVER_ERRORS);
        List<Integer> seen = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            server.mode(Mode.SERVER_ERRORS);
            for (int i = 0; i < Availability.FAILURES_IN_A_ROW - 1; i++) {
                MetronException e = catchMetron(() -> client.issue(1));
                assertThat(e.kind()).isEqualTo(MetronException.Kind.SERVER);
                seen.add(e.status());
            }
            server.mode(Mode.HEALTHY);
            assertThat(client.seriesPage(SeriesFilter.create().name("Saga")).results()).isEmpty();
        }
        assertThat(seen).hasSize(6).containsOnly(500);
    }

    @Test
    void aHostPausesForAMinuteThenProbesAndGoesOnWhenMetronIsBack() {
        MetronClient client = client(Mode.SERVER_ERRORS, Availability.HOST_PAUSE);
        MetronException third = threeFailures(client);
        assertThat(third.getMessage()).contains("failing", "nothing is sent before 2026-03-01T12:01:21Z");
        int sent = server.requests();

        clock.advance(Duration.ofSeconds(30));
        MetronException paused = catchMetron(() -> client.issue(4));
        assertThat(paused.kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(server.requests()).isEqualTo(sent);

        // the pause ends: one probe, which fails, and the pause starts again after that one failure
        clock.advance(Duration.ofSeconds(31));
        MetronException probe = catchMetron(() -> client.issue(5));
        assertThat(probe.kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(server.requests()).isEqualTo(sent + 4);
        assertThat(catchMetron(() -> client.issue(6)).kind()).isEqualTo(MetronException.Kind.UNAVAILABLE);
        assertThat(server.requests()).isEqualTo(sent + 4);

        // Metron is back: the next probe goes through, and so does everything after it
        server.mode(Mode.HEALTHY);
        clock.advance(Availability.HOST_PAUSE);
        assertThat(client.seriesPage(SeriesFilter.create().name("Saga")).results()).isEmpty();
        assertThat(client.seriesPage(SeriesFilter.create().name("Paper Girls")).results()).isEmpty();
        assertThat(server.requests()).isEqualTo(sent + 6);
    }
}
