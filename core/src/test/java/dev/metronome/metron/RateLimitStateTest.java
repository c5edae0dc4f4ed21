package dev.metronome.metron;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the limiter learns from responses that come back in another order than their requests went out. */
class RateLimitStateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final MetronSettings SETTINGS = MetronSettings.defaults()
            .withBudgets(20, Duration.ofSeconds(60), 5000, Duration.ofDays(1));

    private static Response answer(int remaining, long reset) {
        return new Response(200, Map.of("X-RateLimit-Burst-Limit", List.of("20"),
                "X-RateLimit-Burst-Remaining", List.of(String.valueOf(remaining)),
                "X-RateLimit-Burst-Reset", List.of(String.valueOf(reset))), new byte[0]);
    }

    @Test
    void aLateAnswerFromEarlierInTheWindowDoesNotRaiseWhatIsLeft() {
        RateLimitState state = new RateLimitState();
        long reset = NOW.getEpochSecond() + 60;
        for (int i = 0; i < 3; i++) {
            state.reserve(NOW, SETTINGS);
        }
        // the third request's answer comes first: 17 left, and two requests still out
        state.update(answer(17, reset), NOW);
        assertThat(state.burstRemaining()).isEqualTo(15);
        // then the first request's answer, given when the server had counted only it: 19 left
        state.update(answer(19, reset), NOW);
        assertThat(state.burstRemaining()).isEqualTo(15);
    }

    @Test
    void aNewWindowStartsAfreshAndAnAnswerFromTheEndedOneIsIgnored() {
        RateLimitState state = new RateLimitState();
        long reset = NOW.getEpochSecond() + 60;
        state.reserve(NOW, SETTINGS);
        state.update(answer(0, reset), NOW);
        assertThat(state.burstRemaining()).isZero();
        state.reserve(NOW, SETTINGS);
        state.reserve(NOW, SETTINGS);
        Instant later = NOW.plusSeconds(61);
        state.update(answer(19, reset + 60), later);
        assertThat(state.burstRemaining()).isEqualTo(18);
        state.update(answer(3, reset), later);
        assertThat(state.burstRemaining()).isEqualTo(18);
    }
}
