package dev.metronome.cli;

import dev.metronome.archive.ArchiveException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns an exception that escaped a command into one clear line and an exit code; the stack trace only with
 * {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = parseResult != null && hasDebug(parseResult);
        int code = exitCode(e);
        err.println("metronome: " + message(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean hasDebug(ParseResult parseResult) {
        for (ParseResult current = parseResult; current != null; current = current.subcommand()) {
            if (current.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int exitCode(Throwable e) {
        if (e instanceof UserError userError) {
            return userError.exitCode();
        }
        if (e instanceof ArchiveException) {
            return ExitCode.SOME_NOT_TAGGED;
        }
        return ExitCode.FATAL;
    }

    /** A Metron failure's exit code: 3 for credentials or configuration, 4 for the rest (a spent quota...). */
    static int exitCodeFor(dev.metronome.metron.MetronException e) {
        return switch (e.kind()) {
            case AUTH, CONFIGURATION -> ExitCode.CONFIGURATION;
            default -> ExitCode.FATAL;
        };
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
