package dev.metronome.tagging;

import java.util.List;

/**
 * What happened to one file.
 *
 * @param path        the archive as given
 * @param status      {@code matched}, {@code ambiguous}, {@code no-match}, {@code error}, or {@code not_reached}
 *                    when the run stopped before this file
 * @param issueId     the Metron issue id when matched, else null
 * @param confidence  0 to 1
 * @param candidates  the candidates considered, best first
 * @param evidence    readable reasons
 * @param written     whether metadata was written into the file
 * @param writtenPath the file written (differs after a conversion), or null
 * @param error       one line when status is {@code error}, else null
 */
public record FileReport(String path, String status, Long issueId, double confidence, List<CandidateScore> candidates,
                         List<String> evidence, boolean written, String writtenPath, String error) {

    /** Status of a decided file. */
    public static final String MATCHED = "matched";
    /** Status of a file with several plausible issues. */
    public static final String AMBIGUOUS = "ambiguous";
    /** Status of a file nothing matched. */
    public static final String NO_MATCH = "no-match";
    /** Status of a file that could not be handled. */
    public static final String ERROR = "error";
    /** Status of a file the run never looked at, because it stopped (Metron unavailable, or interrupted). */
    public static final String NOT_REACHED = "not_reached";

    /** Copies the lists; an error is one printable line that does not repeat the path it is reported with. */
    public FileReport {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        error = error == null ? null : dev.metronome.core.Problems.oneLine(withoutPath(path, error.strip()));
    }

    private static String withoutPath(String path, String error) {
        String prefix = path + ": ";
        String cause = error;
        while (cause.startsWith(prefix)) {
            cause = cause.substring(prefix.length());
        }
        return cause;
    }

    /** The report of a file the run never looked at, because it stopped. */
    public static FileReport notReached(String path) {
        return new FileReport(path, NOT_REACHED, null, 0, List.of(), List.of(), false, null, null);
    }

    /** An error report for a file. */
    public static FileReport error(String path, String message) {
        return new FileReport(path, ERROR, null, 0, List.of(), List.of(), false, null, message);
    }
}
