package dev.metronome.cache;

import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.RateLimitState;
import dev.metronome.metron.Sleeper;
import dev.metronome.metron.StatefulRateLimiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Function;

/**
 * A rate limiter whose state lives in the cache database, so every thread and every process using the same cache
 * folder shares one limiter per account. Each step is one short {@code BEGIN IMMEDIATE} transaction; waiting
 * happens outside it.
 */
public final class SharedRateLimiter extends StatefulRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);

    private final MetronCache cache;
    private final String account;
    /** Used only if the cache database fails: this process then limits itself alone. */
    private final RateLimitState fallback = new RateLimitState();
    private volatile boolean cacheFailed;

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
        if (!cacheFailed) {
            try {
                return cache.withRateLimitState(account, change);
            } catch (IllegalStateException e) {
                cacheFailed = true;
                LOG.warn("{}; this process now limits its Metron requests on its own.", e.getMessage());
            }
        }
        synchronized (fallback) {
            return change.apply(fallback);
        }
    }
}
