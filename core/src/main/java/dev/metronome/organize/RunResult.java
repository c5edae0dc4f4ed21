package dev.metronome.organize;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run, a completion after a crash, or an undo did.
 *
 * @param runId          the journal's run id
 * @param kind           {@code organize} or {@code duplicates}
 * @param action         {@code run}, {@code completed} (finished after an interruption) or {@code undone}
 * @param outcomes       one per move
 * @param removedFolders folders left empty and removed
 */
public record RunResult(String runId, String kind, String action, List<Outcome> outcomes, List<Path> removedFolders) {

    /** What became of one move. */
    public enum Status {
        /** The file is at its new path. */
        MOVED,
        /** The file is back at its old path. */
        RESTORED,
        /** The file could not be moved; it is where it was. */
        FAILED,
        /** The file is at neither path (moved or deleted by someone else since). */
        MISSING,
        /** Another file now has the name; the file stays where it is. */
        CONFLICT
    }

    /**
     * One move's outcome.
     *
     * @param move   the move as journalled
     * @param status what happened
     * @param detail why, for failures and conflicts; "" otherwise
     */
    public record Outcome(Move move, Status status, String detail) {
    }

    /** How many outcomes have this status. */
    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
