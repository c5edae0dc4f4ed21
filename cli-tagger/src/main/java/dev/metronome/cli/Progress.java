package dev.metronome.cli;

import dev.metronome.core.Metronome;
import dev.metronome.core.Problems;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.TaggingListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a batch shows while it runs, on standard error: on a terminal one progress line redrawn in place (files done
 * of total, the current file, matched / ambiguous / failed, the API budget left, an ETA that knows the rate limit);
 * otherwise one plain log line per file; nothing with {@code --quiet}.
 */
final class Progress implements TaggingListener {

    enum Mode { BAR, LINES, SILENT }

    private final PrintWriter err;
    private final Mode mode;
    private final Supplier<Metronome.Budget> budget;
    private final Supplier<Long> requests;
    private final int width;
    private final long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int matched;
    private int ambiguous;
    private int failed;
    private String current = "";
    private java.time.Instant resumesAt;

    Progress(PrintWriter err, Mode mode, Supplier<Metronome.Budget> budget, Supplier<Long> requests, int width) {
        this.err = err;
        this.mode = mode;
        this.budget = budget;
        this.requests = requests;
        this.width = Math.max(40, width);
    }

    /** The mode for this process: a bar on a terminal, lines otherwise, silent when asked. */
    static Mode modeFor(GlobalOptions options) {
        if (options.quiet()) {
            return Mode.SILENT;
        }
        return Terminal.interactive() && !options.debug() ? Mode.BAR : Mode.LINES;
    }

    /** The terminal's width: $COLUMNS, else what {@code stty size} says of the terminal, else 100. */
    static int terminalWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                return Integer.parseInt(columns.strip());
            }
            if (Terminal.interactive()) {
                Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                        .redirectErrorStream(true).start();
                String size = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (stty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && size.matches("\\d+ \\d+")) {
                    return Integer.parseInt(size.split(" ")[1]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    @Override
    public synchronized void started(int totalFiles) {
        total = totalFiles;
        if (mode == Mode.LINES) {
            err.printf("metronome: %d files to do%n", totalFiles);
            err.flush();
        }
        redraw();
    }

    @Override
    public synchronized void fileStarted(Path file) {
        current = Problems.printable(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        redraw();
    }

    @Override
    public synchronized void fileFinished(FileReport report) {
        resumesAt = null;
        done++;
        switch (report.status()) {
            case "matched" -> matched++;
            case "ambiguous" -> ambiguous++;
            default -> failed++;
        }
        if (mode == Mode.LINES) {
            err.println(line(report));
            err.flush();
        }
        redraw();
    }

    /**
     * The daily quota is spent and the run waits for it ({@code --wait-for-quota}): says until when, on the bar or as
     * a line, until the next file finishes.
     */
    synchronized void waitingForQuota(java.time.Instant resumeAt) {
        resumesAt = resumeAt;
        if (mode == Mode.LINES) {
            err.println(waitingText());
            err.flush();
        }
        redraw();
    }

    /** The waiting text: when the run resumes, in UTC and in the local zone. */
    String waitingText() {
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return "Metron's daily quota is spent: waiting, resumes at " + at.format(resumesAt.atZone(java.time.ZoneOffset.UTC))
                + " UTC (" + at.format(resumesAt.atZone(java.time.ZoneId.systemDefault())) + " local); Ctrl-C stops,"
                + " a later run goes on";
    }

    @Override
    public synchronized void renamed(Path from, Path to, String message) {
        if (mode != Mode.SILENT) {
            finish();
            err.println("metronome: " + message);
            err.flush();
            redraw();
        }
    }

    /** Clears the bar before the summary is printed. */
    synchronized void finish() {
        if (mode == Mode.BAR) {
            err.print("\r" + " ".repeat(width - 1) + "\r");
            err.flush();
        }
    }

    private String line(FileReport report) {
        StringBuilder text = new StringBuilder();
        text.append('[').append(done).append('/').append(total).append("] ").append(String.format("%-9s", report.status()))
                .append(' ').append(Problems.printable(report.path()));
        if (report.issueId() != null) {
            text.append(" -> issue ").append(report.issueId()).append(String.format(" (%.2f)", report.confidence()));
        }
        if (report.written()) {
            text.append(", written");
        }
        if (report.error() != null) {
            text.append(": ").append(Problems.printable(report.error()));
        }
        return text.toString();
    }

    private void redraw() {
        if (mode != Mode.BAR || total == 0) {
            return;
        }
        int percent = done * 100 / total;
        int barWidth = 12;
        int filled = barWidth * done / total;
        String bar = "[" + "=".repeat(filled) + (filled < barWidth ? ">" + " ".repeat(barWidth - filled - 1) : "") + "]";
        String text = String.format("%d/%d %s %3d%%  ETA %s  matched %d, ambiguous %d, failed %d  %s  %s",
                done, total, bar, percent, eta(), matched, ambiguous, failed, budgetText(), current);
        if (resumesAt != null) {
            text = String.format("%d/%d %s %3d%%  %s", done, total, bar, percent, waitingText());
        }
        if (text.length() > width - 1) {
            text = text.substring(0, width - 2) + "…";
        }
        err.print("\r" + text + " ".repeat(Math.max(0, width - 1 - text.length())));
        err.flush();
    }

    private String budgetText() {
        Metronome.Budget b = budget.get();
        if (b == null || (b.burstRemaining().isEmpty() && b.dailyRemaining().isEmpty())) {
            return "API budget unknown";
        }
        return "API left " + (b.burstRemaining().isPresent() ? b.burstRemaining().getAsInt() + "/min" : "?/min")
                + (b.dailyRemaining().isPresent() ? ", " + b.dailyRemaining().getAsInt() + "/day" : "");
    }

    /**
     * The time left: the larger of what the local work needs at the pace so far, and what the requests still to
     * send need at Metron's 20 a minute once the current window is spent.
     */
    String eta() {
        if (done == 0) {
            return "…";
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int remaining = total - done;
        double byPace = elapsed / done * remaining;
        double requestsPerFile = requests.get() / (double) done;
        double needed = requestsPerFile * remaining;
        Metronome.Budget b = budget.get();
        int windowLeft = b == null || b.burstRemaining().isEmpty() ? 20 : b.burstRemaining().getAsInt();
        double byRate = Math.max(0, needed - windowLeft) * 3.0; // 20 requests a minute = one every 3 s
        return format(Duration.ofSeconds((long) Math.ceil(Math.max(byPace, byRate))));
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds / 60 % 60) + "m";
    }
}
