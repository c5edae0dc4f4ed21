package dev.metronome.komga;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling for tests that wait on real servers. */
final class Waits {

    private Waits() {
    }

    static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + whatFailed.get());
            }
            Thread.sleep(20);
        }
    }
}
