package dev.metronome.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;

/** The {@code metronome} command: entry point of the fat jar. */
@Command(name = "metronome", mixinStandardHelpOptions = true, versionProvider = MetronomeCommand.Version.class,
        description = "Identifies comic archives (CBZ, CBR, CB7, CBT) in the Metron database and writes ComicInfo.xml "
                + "(and MetronInfo.xml) into them.",
        subcommands = {TagCommand.class, IdentifyCommand.class, ReviewCommand.class, ShowCommand.class, ParseCommand.class, SyncCommand.class, ScrobbleCommand.class, ConfigCommand.class,
                OrganizeCommand.class, UndoCommand.class, DuplicatesCommand.class, ValidateCommand.class, StripCommand.class,
                MissingCommand.class,
                ServeCommand.class, DemoCommand.class, MockMetronCommand.class, MockKomgaCommand.class, MockKavitaCommand.class,
                CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 all tagged, 1 some files not tagged, 2 usage error, 3 credentials or configuration "
                + "error, 4 fatal error.", "", "Start with: metronome demo"})
public final class MetronomeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options given before the subcommand name. */
    GlobalOptions global() {
        return global;
    }

    /** A command line wired with Metronome's error handling, printing to the given writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MetronomeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return commandLine;
    }

    /** Runs the command line and returns the exit code, without exiting the JVM. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("--debug"), Arrays.asList(args).contains("--verbose")
                || Arrays.asList(args).contains("-v"));
        System.exit(execute(args));
    }

    /** Reads the version Maven filtered into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            Properties properties = new Properties();
            try (InputStream in = MetronomeCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return properties.getProperty("version", "unknown");
        }

        @Override
        public String[] getVersion() {
            return new String[] {"Metronome " + current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
