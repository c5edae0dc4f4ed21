package dev.metronome.metron;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry layer alone, over a scripted exchange and a recording sleeper. */
class RetryLayerTest {

    private static final Request GET = Request.get(URI.create("https://metron.example/api/issue/1/"), "issue/{id}/",
            true);
    private static final Request POST = Request.postJson(URI.create("https://metron.example/api/collection/scrobble/"),
            "collection/scrobble/", "{}".getBytes());

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final TestSleeper sleeper = new TestSleeper(null);

    /** Answers from a script; an entry of -1 throws an IOException. */
    private static final class Scripted implements Exchange {
        final Deque<Object> script = new ArrayDeque<>();
        final List<Request> sent = new ArrayList<>();

        Scripted then(Object... answers) {
            script.addAll(List.of(answers));
            return this;
        }

        @Override
        public Response send(Request request) throws IOException {
            sent.add(request);
            Object next = script.isEmpty() ? 200 : script.poll();
            if (next instanceof Response response) {
                return response;
            }
            int status = (Integer) next;
            if (status < 0) {
                throw new IOException("connection reset");
            }
            return new Response(status, Map.of(), "{}".getBytes());
        }
    }

    private RetryLayer layer(Scripted next, MetronSettings settings) {
        return new RetryLayer(settings, clock, sleeper, next);
    }

    @Test
    void serverErrorsBackOffFromOneSecondDoublingCappedAtSixtyThenGiveUp() throws IOException {
        Scripted next = new Scripted().then(503, 502, 500, 503, 503, 503, 503, 503, 503);
        RetryLayer retry = layer(next, MetronSettings.defaults().withRetries(3, 8));
        Response last = retry.send(GET);
        assertThat(last.status()).isEqualTo(503);
        assertThat(next.sent).hasSize(9);
        assertThat(sleeper.waits()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void serverErrorThenSuccessReturnsTheSuccess() throws IOException {
        Scripted next = new Scripted().then(503, -1, 200);
        assertThat(layer(next, MetronSettings.defaults()).send(GET).status()).isEqualTo(200);
        assertThat(sleeper.waits()).extracting(Duration::toSeconds).containsExactly(1L, 2L);
    }

    @Test
    void networkErrorsAreBoundedAndReportedClearly() {
        Scripted next = new Scripted().then(-1, -1, -1);
        RetryLayer retry = layer(next, MetronSettings.defaults().withRetries(3, 2));
        assertThatThrownBy(() -> retry.send(GET)).isInstanceOf(MetronException.class)
                .hasMessageContaining("Could not reach Metron at metron.example")
                .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.NETWORK);
        assertThat(next.sent).hasSize(3);
    }

    @Test
    void postsAreNotRetriedAfterServerErrors() throws IOException {
        Scripted next = new Scripted().then(503);
        assertThat(layer(next, MetronSettings.defaults()).send(POST).status()).isEqualTo(503);
        assertThat(next.sent).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void throttledRequestsWaitRetryAfterAndAreBounded() {
        Response throttled = new Response(429, Map.of("Retry-After", List.of("7")), "{}".getBytes());
        Scripted next = new Scripted().then(throttled, throttled, throttled, throttled, throttled);
        RetryLayer retry = layer(next, MetronSettings.defaults().withRetries(3, 5));
        assertThatThrownBy(() -> retry.send(GET)).isInstanceOf(MetronException.class)
                .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.RATE_LIMITED);
        assertThat(next.sent).hasSize(4);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7),
                Duration.ofSeconds(7));
    }

    @Test
    void throttledWithoutRetryAfterWaitsForTheBurstReset() throws IOException {
        long reset = clock.instant().getEpochSecond() + 12;
        Response throttled = new Response(429, Map.of("X-RateLimit-Burst-Reset", List.of(Long.toString(reset))),
                new byte[0]);
        Scripted next = new Scripted().then(throttled, 200);
        assertThat(layer(next, MetronSettings.defaults()).send(GET).status()).isEqualTo(200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aSpentDailyQuotaStopsInsteadOfSleepingForHours() {
        Response throttled = new Response(429, Map.of("Retry-After", List.of("7200")), "{}".getBytes());
        Scripted next = new Scripted().then(throttled);
        assertThatThrownBy(() -> layer(next, MetronSettings.defaults()).send(GET))
                .hasMessageContaining("daily request quota is spent");
        assertThat(sleeper.waits()).isEmpty();
        assertThat(next.sent).hasSize(1);
    }

    @Test
    void clientErrorsAreNeverRetried() throws IOException {
        for (int status : new int[] {400, 403, 404}) {
            Scripted next = new Scripted().then(status);
            assertThat(layer(next, MetronSettings.defaults()).send(GET).status()).isEqualTo(status);
            assertThat(next.sent).hasSize(1);
        }
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void a401StopsEveryLaterRequestWithoutSendingIt() {
        Scripted next = new Scripted().then(401, 200, 200);
        RetryLayer retry = layer(next, MetronSettings.defaults());
        assertThatThrownBy(() -> retry.send(GET)).isInstanceOf(MetronException.class)
                .hasMessageContaining("rejected the credentials");
        assertThatThrownBy(() -> retry.send(GET)).isInstanceOf(MetronException.class)
                .extracting(e -> ((MetronException) e).kind()).isEqualTo(MetronException.Kind.AUTH);
        assertThat(next.sent).hasSize(1);
    }
}
