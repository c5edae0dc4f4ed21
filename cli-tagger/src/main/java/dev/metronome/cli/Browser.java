package dev.metronome.cli;

import java.io.PrintWriter;
import java.net.URI;

/** Opens a URL in the user's browser, for {@code --open}; says so in one line when it cannot. */
final class Browser {

    private Browser() {
    }

    static void open(URI url, PrintWriter err) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(url);
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String opener = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
            new ProcessBuilder(opener, url.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (Exception e) {
            err.println("metronome: cannot open a browser (" + ErrorHandler.message(e) + "); open the URL above");
        }
    }
}
