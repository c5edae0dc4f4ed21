package dev.metronome.organize;

import java.nio.file.Path;

/**
 * What a plan does with one file.
 *
 * @param source  the file
 * @param target  where it goes; for a duplicate, the file with the same content; null when skipped
 * @param status  the decision
 * @param sidecar whether it is a cover, an {@code .nfo} or another file beside the archives
 * @param detail  why it is skipped, or which file it duplicates; "" otherwise
 */
public record PlannedFile(Path source, Path target, Status status, boolean sidecar, String detail) {

    /** The decisions. */
    public enum Status {
        /** Moves to its target. */
        MOVE,
        /** Moves, with a {@code (2)} suffix: another file with other content has the name. */
        MOVE_WITH_SUFFIX,
        /** Already where the template puts it. */
        IN_PLACE,
        /** A file with the same content already has the name: reported and left where it is. */
        DUPLICATE,
        /** Not moved: no metadata to name it by. */
        SKIPPED,
        /** Not moved: the archive cannot be read. */
        ERROR
    }

    /** Whether the file moves. */
    public boolean moves() {
        return status == Status.MOVE || status == Status.MOVE_WITH_SUFFIX;
    }
}
