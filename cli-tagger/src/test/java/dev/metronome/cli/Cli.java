package dev.metronome.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process and captures what it prints. */
final class Cli {

    /** The outcome of one run. */
    record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        return run(null, null, args);
    }

    /** Runs with this environment and home folder instead of the process's. */
    static Run run(Map<String, String> env, Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        if (env != null) {
            inject(commandLine, env, home);
        }
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void inject(CommandLine commandLine, Map<String, String> env, Path home) {
        if (commandLine.getCommand() instanceof UsesEnvironment command) {
            command.environment(env, home);
        }
        commandLine.getSubcommands().values().forEach(sub -> inject(sub, env, home));
    }
}
