package dev.metronome.core;

import dev.metronome.metron.RateLimiter;
import dev.metronome.metron.Response;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Wraps the limiter and keeps what the last response's {@code X-RateLimit-*} headers said, for {@link Metronome#budget}. */
final class BudgetWatch implements RateLimiter {

    private final RateLimiter limiter;
    private volatile Metronome.Budget last = new Metronome.Budget(OptionalInt.empty(), OptionalInt.empty(),
            Optional.empty());

    BudgetWatch(RateLimiter limiter) {
        this.limiter = limiter;
    }

    Metronome.Budget budget() {
        return last;
    }

    @Override
    public void acquire() throws InterruptedException {
        limiter.acquire();
    }

    @Override
    public void update(Response response) {
        limiter.update(response);
        Optional<Long> burst = response.longHeader("X-RateLimit-Burst-Remaining");
        Optional<Long> daily = response.longHeader("X-RateLimit-Sustained-Remaining");
        Optional<Long> reset = response.longHeader("X-RateLimit-Burst-Reset");
        if (burst.isPresent() || daily.isPresent()) {
            last = new Metronome.Budget(burst.map(v -> OptionalInt.of(v.intValue())).orElse(last.burstRemaining()),
                    daily.map(v -> OptionalInt.of(v.intValue())).orElse(last.dailyRemaining()),
                    reset.map(Instant::ofEpochSecond).or(last::burstReset));
        }
    }

    @Override
    public void abandon() {
        limiter.abandon();
    }
}
