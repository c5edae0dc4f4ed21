package dev.metronome.cli;

import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a batch: the first asks the run to stop after the file in hand (never a
 * half-written file: every write is a temp file renamed atomically) and the summary so far is printed; a second one
 * exits at once, which still leaves every archive whole.
 */
final class Interrupts {

    private Interrupts() {
    }

    /** Installs the handlers for the duration of a run; returns what restores the previous ones. */
    static Runnable install(Runnable cancel, PrintWriter err) {
        AtomicInteger count = new AtomicInteger();
        sun.misc.SignalHandler handler = signal -> {
            if (count.incrementAndGet() == 1) {
                err.println();
                err.println("metronome: stopping after the current file (press Ctrl-C again to quit now)");
                err.flush();
                cancel.run();
            } else {
                Runtime.getRuntime().halt(130);
            }
        };
        try {
            sun.misc.SignalHandler previousInt = Signal.handle(new Signal("INT"), handler);
            sun.misc.SignalHandler previousTerm = Signal.handle(new Signal("TERM"), handler);
            return () -> {
                Signal.handle(new Signal("INT"), previousInt);
                Signal.handle(new Signal("TERM"), previousTerm);
            };
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            return () -> { };
        }
    }
}
