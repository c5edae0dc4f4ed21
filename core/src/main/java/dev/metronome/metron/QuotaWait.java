package dev.metronome.metron;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * What to do when Metron's daily quota is spent (the next request may only go hours from now): stop the run, or wait
 * until the daily window frees a slot and go on ({@code --wait-for-quota}). Shared by the rate limiter (a wait it
 * computes from the headers) and the retry layer (a 429 whose Retry-After is hours).
 */
public interface QuotaWait {

    /**
     * Called when the next request may only go at {@code resumeAt}, hours away.
     *
     * @param resumeAt when the daily window frees a slot
     * @throws MetronException {@link MetronException.Kind#RATE_LIMITED} to stop the run, or
     *                         {@link MetronException.Kind#CANCELLED} when the wait was cancelled (Ctrl-C)
     */
    void spent(Instant resumeAt);

    /** Stop the run: the default. */
    QuotaWait STOP = resumeAt -> {
        throw new MetronException(MetronException.Kind.RATE_LIMITED, 0,
                "Metron's daily request quota is spent; try again after " + resumeAt.truncatedTo(ChronoUnit.MINUTES)
                        + " (or run with --wait-for-quota).");
    };

    /**
     * Waits until the quota frees, in steps of at most a second so that {@link Waiting#cancel()} (Ctrl-C) ends the
     * wait at once.
     *
     * @param clock    the clock
     * @param sleeper  how to wait (tests move a clock)
     * @param announce told when the run will resume, once per wait (the progress line)
     * @return the waiting policy
     */
    static Waiting waiting(Clock clock, Sleeper sleeper, Consumer<Instant> announce) {
        return new Waiting(clock, sleeper, announce);
    }

    /** Waits for the quota; {@link #cancel()} ends every wait, now and later, with a CANCELLED failure. */
    final class Waiting implements QuotaWait {
        private static final Duration STEP = Duration.ofSeconds(1);
        private final Clock clock;
        private final Sleeper sleeper;
        private final Consumer<Instant> announce;
        private volatile boolean cancelled;
        private Instant announced;

        private Waiting(Clock clock, Sleeper sleeper, Consumer<Instant> announce) {
            this.clock = clock;
            this.sleeper = sleeper;
            this.announce = announce;
        }

        @Override
        public void spent(Instant resumeAt) {
            synchronized (this) {
                if (announced == null || !announced.equals(resumeAt)) {
                    announced = resumeAt;
                    announce.accept(resumeAt);
                }
            }
            try {
                while (!cancelled) {
                    Duration left = Duration.between(clock.instant(), resumeAt);
                    if (left.isNegative() || left.isZero()) {
                        return;
                    }
                    sleeper.sleep(left.compareTo(STEP) < 0 ? left : STEP);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new MetronException(MetronException.Kind.CANCELLED, 0,
                    "stopped while waiting for Metron's daily quota; run again to go on (nothing done is redone)");
        }

        /** Ends the waits (Ctrl-C). */
        public void cancel() {
            cancelled = true;
        }
    }
}
