package dev.metronome.tagging;

import java.nio.file.Path;

/** Progress of a run (for a progress display). Called from worker threads; implementations must be thread-safe. */
public interface TaggingListener {

    /** No-op listener. */
    TaggingListener NONE = new TaggingListener() {
    };

    /**
     * The run found its files.
     *
     * @param totalFiles how many archives it will handle
     */
    default void started(int totalFiles) {
    }

    /**
     * A file is being handled.
     *
     * @param file the archive
     */
    default void fileStarted(Path file) {
    }

    /**
     * A file is done.
     *
     * @param report its result
     */
    default void fileFinished(FileReport report) {
    }

    /**
     * A file was renamed to the extension its content calls for ({@code --fix-extensions}), or was not although
     * its content called for it.
     *
     * @param from    the file as it was
     * @param to      the file now ({@code from} when it was not renamed)
     * @param message one sentence for the user
     */
    default void renamed(Path from, Path to, String message) {
    }
}
