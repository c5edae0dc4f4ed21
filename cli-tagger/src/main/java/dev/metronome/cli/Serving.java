package dev.metronome.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command (a mock server) alive until the process is stopped, then closes what it serves. */
final class Serving {

    private Serving() {
    }

    static void untilStopped(AutoCloseable served) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                served.close();
            } catch (Exception ignored) {
                // stopping anyway
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
