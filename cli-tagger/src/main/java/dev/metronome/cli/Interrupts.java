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
        return install(cancel, cancel, err);
    }

    /**
     * Installs the handlers for the duration of a run: Ctrl-C stops after the file in hand, SIGTERM (a service
     * manager stopping us) stops now, interrupting network waits; either way the summary so far is printed.
     * Returns what restores the previous handlers.
     */
    static Runnable install(Runnable cancel, Runnable cancelNow, PrintWriter err) {
        AtomicInteger count = new AtomicInteger();
        sun.misc.SignalHandler handler = signal -> {
            if (count.incrementAndGet() == 1) {
                boolean term = "TERM".equals(signal.getName());
                err.println();
                err.println(term ? "metronome: stopping now (SIGTERM); every archive stays whole"
                        : "metronome: stopping after the current file (press Ctrl-C again to quit now)");
                err.flush();
                (term ? cancelNow : cancel).run();
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
