package dev.metronome.kavita;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting for tests against the fake server. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, BooleanSupplier done, Supplier<String> why) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout + ": " + why.get());
            }
            Thread.sleep(25);
        }
    }
}
