package dev.metronome.metron;

import java.time.Duration;

/** Waits. Injected wherever time passes, so tests can advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    };

    /**
     * Waits for the duration.
     *
     * @param duration how long (zero or negative: not at all)
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
