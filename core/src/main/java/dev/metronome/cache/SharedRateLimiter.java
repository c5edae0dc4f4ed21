package dev.metronome.cache;

import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.RateLimitState;
import dev.metronome.metron.RateLimiter;
import dev.metronome.metron.Response;
import dev.metronome.metron.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * A rate limiter whose state lives in the cache database, so every thread and every process using the same cache
 * folder shares one limiter per account. Each acquire is one short {@code BEGIN IMMEDIATE} transaction; waiting
 * happens outside it.
 */
public final class SharedRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);

    private final MetronCache cache;
    private final String account;
    private final MetronSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * Creates a limiter.
     *
     * @param cache    the cache holding the state
     * @param account  the account key ({@code MetronCredentials.accountKey()}, never a secret)
     * @param settings the local budgets
     * @param clock    the clock
     * @param sleeper  how to wait
     */
    public SharedRateLimiter(MetronCache cache, String account, MetronSettings settings, Clock clock,
                             Sleeper sleeper) {
        this.cache = cache;
        this.account = account;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait = cache.withRateLimitState(account, state -> {
                Duration w = state.waitBefore(clock.instant(), settings);
                if (w.isZero() || w.isNegative()) {
                    state.reserve(clock.instant(), settings);
                    return Duration.ZERO;
                }
                return w;
            });
            if (wait.isZero()) {
                return;
            }
            RateLimitState.refuseLongWait(wait, clock.instant(), settings);
            LOG.debug("Shared rate limit: waiting {} ms before the next Metron request", wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    @Override
    public void update(Response response) {
        cache.withRateLimitState(account, state -> {
            state.update(response, clock.instant());
            return null;
        });
    }

    @Override
    public void abandon() {
        cache.withRateLimitState(account, state -> {
            state.abandon(clock.instant());
            return null;
        });
    }
}
