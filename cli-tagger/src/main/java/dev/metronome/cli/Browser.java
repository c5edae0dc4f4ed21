package dev.metronome.cli;

import java.io.PrintWriter;
import java.net.URI;

/**
 * Opens a URL in the user's browser, for {@code --open}. The command holds one (tests give their own); the system's
 * is {@link #SYSTEM}: {@code java.awt.Desktop} when it can browse, else {@code open}, {@code explorer} or
 * {@code xdg-open}.
 */
@FunctionalInterface
interface Browser {

    /** The system's browser. */
    Browser SYSTEM = url -> {
        if (java.awt.Desktop.isDesktopSupported()
                && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            java.awt.Desktop.getDesktop().browse(url);
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String opener = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
        new ProcessBuilder(opener, url.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    };

    /**
     * Opens a URL.
     *
     * @param url the URL
     * @throws Exception when no browser can be started
     */
    void browse(URI url) throws Exception;

    /**
     * Opens a URL, or says in one line that it cannot.
     *
     * @param url the URL
     * @param err where to say it
     */
    default void open(URI url, PrintWriter err) {
        try {
            browse(url);
        } catch (Exception e) {
            err.println("metronome: cannot open a browser (" + ErrorHandler.message(e) + "); open the URL above");
        }
    }
}
