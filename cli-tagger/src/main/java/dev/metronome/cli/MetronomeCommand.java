package dev.metronome.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** The {@code metronome} command: entry point of the fat jar. */
@Command(name = "metronome", mixinStandardHelpOptions = true, versionProvider = MetronomeCommand.Version.class,
        description = "Identifies comic archives (CBZ, CBR, CB7, CBT) in the Metron database and writes ComicInfo.xml "
                + "(and MetronInfo.xml) into them.",
        footer = {"", "Exit codes: 0 all tagged, 1 some files not tagged, 2 usage error, 3 credentials or configuration "
                + "error, 4 fatal error, 130 interrupted (Ctrl-C, SIGTERM).", "", "Start with: metronome demo"})
public final class MetronomeCommand implements Runnable {

    /**
     * The subcommands in the order help lists them. They are added by {@link #commandLine}, not by the annotation:
     * building picocli's model of all of them (and loading their classes) costs about half a second at start-up,
     * so {@link #main} builds only the one that runs when the command line names it.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(TagCommand.class, IdentifyCommand.class, ReviewCommand.class,
            ShowCommand.class, ParseCommand.class, SyncCommand.class, ScrobbleCommand.class, ConfigCommand.class,
            OrganizeCommand.class, UndoCommand.class, DuplicatesCommand.class, ValidateCommand.class, StripCommand.class,
            MissingCommand.class, ServeCommand.class, DemoCommand.class, MockMetronCommand.class,
            MockKomgaCommand.class, MockKavitaCommand.class, CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class);
    /** The root options that take a value (so that the value is not mistaken for the subcommand's name). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--metron-url", "--cache-dir", "--config", "-j",
            "--jobs");

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
        return commandLine(out, err, null);
    }

    /** The command line with every subcommand, or only {@code only} (the class of the one that runs). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Class<?> only) {
        CommandLine commandLine = new CommandLine(new MetronomeCommand());
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (only == null || only == subcommand) {
                commandLine.addSubcommand(subcommand);
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        if (only == null) {
            commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        }
        return commandLine;
    }

    /**
     * The subcommand the arguments name, when only it needs building: not {@code help} or
     * {@code generate-completion} (they read the whole tree), nor when no subcommand is named.
     */
    static Class<?> namedSubcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (arg.startsWith("-")) {
                if (OPTIONS_WITH_VALUE.contains(arg)) {
                    i++;
                }
                continue;
            }
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
                    return subcommand == CommandLine.HelpCommand.class
                            || subcommand == AutoComplete.GenerateCompletion.class ? null : subcommand;
                }
            }
            return null;
        }
        return null;
    }

    /** Runs the command line and returns the exit code, without exiting the JVM. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), namedSubcommand(args))
                .execute(args);
    }

    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("--debug"), Arrays.asList(args).contains("--verbose")
                || Arrays.asList(args).contains("-v"));
        int code = execute(args);
        QuickExit.endHttpSelectors();
        System.exit(code);
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
