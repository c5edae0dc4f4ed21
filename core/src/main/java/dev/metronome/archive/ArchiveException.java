package dev.metronome.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A user-facing problem with one archive: corrupt, truncated, encrypted, unsupported, hostile or
 * unwritable. Its message is one clear sentence naming the file and the cause.
 */
public class ArchiveException extends IOException {

    /** Why the archive could not be read or written. */
    public enum Reason {
        NOT_AN_ARCHIVE, CORRUPT, ENCRYPTED, WRONG_PASSWORD, UNSUPPORTED, HOSTILE, READ_ONLY_FORMAT, READ_ONLY_FILE, UNREADABLE, WRITE_FAILED
    }

    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final Reason reason;

    public ArchiveException(Path path, Reason reason, String cause) {
        this(path, reason, cause, null);
    }

    public ArchiveException(Path path, Reason reason, String cause, Throwable underlying) {
        super(path + ": " + cause, underlying);
        this.path = path;
        this.reason = reason;
    }

    /** The archive concerned. */
    public Path path() {
        return path;
    }

    /** The kind of problem. */
    public Reason reason() {
        return reason;
    }
}
