package dev.metronome.cli;

/**
 * What a command does just before the JVM exits, so that exiting takes milliseconds instead of a third of a second.
 *
 * <p>The JVM's exit waits, up to about 300 ms, for every thread that is running native code to come back to Java.
 * The JDK HTTP client's selector thread sits in native code ({@code epoll_wait}) for as long as its client lives,
 * and this JDK cannot close a client (JDK 21 can, but our clients live in several layers and adapters), so every
 * command that asked Metron, Komga or Kavita anything paid those 300 ms at exit: a quarter of a {@code tag --id}
 * on a small file. At exit nothing more will be sent, so the selector threads are interrupted, which makes them
 * close their selectors and end (the client's own shutdown path). Only threads named as the JDK names them are
 * touched; on a JDK that names them otherwise this does nothing, and exit is only slower.
 */
final class QuickExit {

    private QuickExit() {
    }

    /** Ends the HTTP clients' selector threads and waits briefly for them; returns how many were ended. */
    static int endHttpSelectors() {
        int ended = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isHttpSelector(thread) && thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ended;
                }
                ended += thread.isAlive() ? 0 : 1;
            }
        }
        return ended;
    }

    /** The JDK names them {@code HttpClient-<n>-SelectorManager} (JDK 11 to 25). */
    static boolean isHttpSelector(Thread thread) {
        String name = thread.getName();
        return name.startsWith("HttpClient-") && name.endsWith("-SelectorManager");
    }
}
