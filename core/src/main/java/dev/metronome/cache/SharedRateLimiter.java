package dev.metronome.cache;

import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.RateLimitState;
import dev.metronome.metron.Sleeper;
import dev.metronome.metron.StatefulRateLimiter;

import java.time.Clock;
import java.util.function.Function;

/**
 * A rate limiter whose state lives in the cache database, so every thread and every process using the same cache
 * folder shares one limiter per account. Each step is one short {@code BEGIN IMMEDIATE} transaction; waiting
 * happens outside it.
 */
public final class SharedRateLimiter extends StatefulRateLimiter {

    private final MetronCache cache;
    private final String account;

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
        super(settings, clock, sleeper);
        this.cache = cache;
        this.account = account;
    }

    @Override
    protected <T> T withState(Function<RateLimitState, T> change) {
        return cache.withRateLimitState(account, change);
    }
}
