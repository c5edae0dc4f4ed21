package dev.metronome.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code metronome} command: entry point of the fat jar. */
@Command(name = "metronome", mixinStandardHelpOptions = true, versionProvider = MetronomeCommand.Version.class,
        description = "Identifies comic archives in the Metron database and writes ComicInfo.xml / MetronInfo.xml.",
        subcommands = {CommandLine.HelpCommand.class})
public final class MetronomeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code, without exiting the JVM. */
    public static int execute(String... args) {
        return new CommandLine(new MetronomeCommand()).execute(args);
    }

    public static void main(String[] args) {
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
            return new String[] {"Metronome " + current()};
        }
    }
}
