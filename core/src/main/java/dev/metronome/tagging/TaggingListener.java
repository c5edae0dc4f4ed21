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
}
