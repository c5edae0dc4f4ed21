package dev.metronome.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of tagging one file.
 *
 * @param file    the archive (after a conversion, the new file)
 * @param outcome what happened
 * @param issueId the Metron issue id written or found, or null
 * @param reason  one sentence: why skipped/failed/ambiguous, or what was written
 */
public record FileResult(Path file, Outcome outcome, Long issueId, String reason) {

    /** The kinds of outcomes. */
    public enum Outcome {
        /** Metadata written. */
        TAGGED,
        /** Already current; nothing written. */
        UNCHANGED,
        /** Several candidates; nothing written. */
        AMBIGUOUS,
        /** Not found in Metron; nothing written. */
        NO_MATCH,
        /** Deliberately left alone (e.g. a read-only format). */
        SKIPPED,
        /** An error; the file is intact. */
        FAILED
    }

    /** Rejects nulls. */
    public FileResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
