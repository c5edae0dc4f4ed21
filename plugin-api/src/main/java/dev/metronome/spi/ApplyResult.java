package dev.metronome.spi;

import java.util.Objects;

/**
 * What {@link LibraryServer#apply} did.
 *
 * @param modeUsed the mode actually used (a FILE request may fall back to PATCH)
 * @param message  one sentence for the log, e.g. why it fell back
 */
public record ApplyResult(ApplyMode modeUsed, String message) {

    /** Rejects nulls. */
    public ApplyResult {
        Objects.requireNonNull(modeUsed, "modeUsed");
        Objects.requireNonNull(message, "message");
    }
}
