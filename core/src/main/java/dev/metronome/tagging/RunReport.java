package dev.metronome.tagging;

import java.util.List;

/**
 * The result of a run.
 *
 * @param files   one report per file, in the order handled
 * @param summary the totals
 * @param stopped why the run stopped before every file was looked at (one line: Metron is unavailable, or the user
 *                interrupted it, and what to do), or null when it went through
 */
public record RunReport(List<FileReport> files, Summary summary, String stopped) {

    /** Copies the list. */
    public RunReport {
        files = List.copyOf(files);
    }

    /** The result of a run that went through. */
    public RunReport(List<FileReport> files, Summary summary) {
        this(files, summary, null);
    }
}
