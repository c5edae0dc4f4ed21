package dev.metronome.cli;

/** The exit codes of the {@code metronome} command. */
public final class ExitCode {

    /** Everything was done: every file tagged (or already current). */
    public static final int OK = 0;
    /** Some files were not tagged: ambiguous, no match, or a bad file. */
    public static final int SOME_NOT_TAGGED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Credentials or configuration are missing or wrong. */
    public static final int CONFIGURATION = 3;
    /** Anything else that stopped the run. */
    public static final int FATAL = 4;
    /**
     * The run was interrupted (Ctrl-C or SIGTERM): the summary counts the files not reached. 128 + SIGINT, as a
     * second Ctrl-C (which quits at once) and shells report it.
     */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
