package dev.metronome.metron;

import java.time.Clock;
import java.util.function.Function;

/**
 * A limiter shared by every thread of one process. Share one instance per account (the client does when given
 * the same instance); for several processes use the cache's shared limiter instead.
 */
public final class LocalRateLimiter extends StatefulRateLimiter {

    private final RateLimitState state = new RateLimitState();

    /**
     * Creates a limiter.
     *
     * @param settings the local budgets
     * @param clock    the clock
     * @param sleeper  how to wait
     */
    public LocalRateLimiter(MetronSettings settings, Clock clock, Sleeper sleeper) {
        super(settings, clock, sleeper);
    }

    @Override
    protected <T> T withState(Function<RateLimitState, T> change) {
        synchronized (state) {
            return change.apply(state);
        }
    }
}
