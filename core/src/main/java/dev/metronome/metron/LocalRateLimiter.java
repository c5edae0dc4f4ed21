package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * A limiter shared by every thread of one process. Share one instance per account (the client does when given
 * the same instance); for several processes use the cache's shared limiter instead.
 */
public final class LocalRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRateLimiter.class);

    private final RateLimitState state = new RateLimitState();
    private final MetronSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * Creates a limiter.
     *
     * @param settings the local budgets
     * @param clock    the clock
     * @param sleeper  how to wait
     */
    public LocalRateLimiter(MetronSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (state) {
                wait = state.waitBefore(clock.instant(), settings);
                if (wait.isZero() || wait.isNegative()) {
                    state.reserve(clock.instant(), settings);
                    return;
                }
            }
            RateLimitState.refuseLongWait(wait, clock.instant(), settings);
            LOG.debug("Rate limit: waiting {} ms before the next Metron request", wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    @Override
    public void update(Response response) {
        synchronized (state) {
            state.update(response, clock.instant());
        }
    }

    @Override
    public void abandon() {
        synchronized (state) {
            state.abandon(clock.instant());
        }
    }
}
