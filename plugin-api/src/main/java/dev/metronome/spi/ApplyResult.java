package dev.metronome.spi;

import java.util.Objects;

/**
 * What {@link LibraryServer#apply} did.
 *
 * @param modeUsed  the mode actually used (a FILE request may fall back to PATCH)
 * @param message   one sentence for the log, e.g. why it fell back
 * @param newBookId the id the server gave the book when a conversion or import made a new one (the host then keeps
 *                  its records under this id), or null when the book kept its id
 */
public record ApplyResult(ApplyMode modeUsed, String message, String newBookId) {

    /** Rejects nulls in the mode and the message. */
    public ApplyResult {
        Objects.requireNonNull(modeUsed, "modeUsed");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A result for a book that kept its id.
     *
     * @param modeUsed the mode actually used
     * @param message  one sentence for the log
     */
    public ApplyResult(ApplyMode modeUsed, String message) {
        this(modeUsed, message, null);
    }
}
