package dev.metronome.cli;

/** A problem the user can fix, reported as one line with an exit code and no stack trace. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit code to end with. */
    public int exitCode() {
        return exitCode;
    }
}
