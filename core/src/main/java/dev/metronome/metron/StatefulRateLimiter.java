package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The limiter logic over a {@link RateLimitState}; subclasses decide where the state lives and how access to it is
 * serialized (a lock in memory, a database transaction across processes). Waiting happens outside that access.
 */
public abstract class StatefulRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(StatefulRateLimiter.class);

    private final MetronSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile QuotaWait quotaWait = QuotaWait.STOP;

    /**
     * Creates the limiter.
     *
     * @param settings the local budgets and the longest acceptable wait
     * @param clock    the clock
     * @param sleeper  how to wait
     */
    protected StatefulRateLimiter(MetronSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * What to do when the daily quota is spent (default {@link QuotaWait#STOP}).
     *
     * @param value the policy
     */
    public final void quotaWait(QuotaWait value) {
        this.quotaWait = java.util.Objects.requireNonNull(value);
    }

    /**
     * Runs {@code change} on the state with exclusive access, and keeps what it changed.
     *
     * @param change what to do
     * @param <T>    the result type
     * @return the result of {@code change}
     */
    protected abstract <T> T withState(Function<RateLimitState, T> change);

    @Override
    public final void acquire() throws InterruptedException {
        while (true) {
            Duration wait = withState(state -> {
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
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                // only a spent daily quota makes a wait this long: stop, or wait for it and go on
                quotaWait.spent(clock.instant().plus(wait));
                continue;
            }
            LOG.debug("Rate limit: waiting {} ms before the next Metron request", wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    @Override
    public final void update(Response response) {
        withState(state -> {
            state.update(response, clock.instant());
            return null;
        });
    }

    @Override
    public final void abandon() {
        withState(state -> {
            state.abandon(clock.instant());
            return null;
        });
    }
}
