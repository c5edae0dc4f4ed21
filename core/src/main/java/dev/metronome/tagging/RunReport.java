package dev.metronome.tagging;

import java.util.List;

/**
 * The result of a run.
 *
 * @param files   one report per file, in the order handled
 * @param summary the totals
 */
public record RunReport(List<FileReport> files, Summary summary) {

    /** Copies the list. */
    public RunReport {
        files = List.copyOf(files);
    }
}
