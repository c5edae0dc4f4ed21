package dev.metronome.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code metronome config init|show}: the config file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Creates or shows the configuration.",
        subcommands = {ConfigCommand.Init.class, ConfigCommand.Show.class},
        footer = {"", "Examples:", "  metronome config init", "  metronome config show"})
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String TEMPLATE = """
            # Metronome configuration (Java properties format). Readable by you only: keep it that way.
            # Environment variables override these values, and command-line options override both.

            # Your metron.cloud account (https://metron.cloud/accounts/signup/).
            # Either user and password (Basic auth)...
            #metron.user = your-user-name
            #metron.password = your-password
            # ...or an API token (Bearer auth), which wins if both are set.
            #metron.token =

            # The Metron API; change only to use a mirror or the local mock (metronome mock-metron).
            #metron.url = https://metron.cloud/api/

            # How long to wait for Metron, in seconds (0.5 and 500ms work too). A run gives up (exit 4) after three
            # requests in a row were refused, timed out or answered 5xx; serve pauses a minute, then tries again.
            # Seconds to connect:
            #metron.connect-timeout = 5
            # Seconds a whole request may take (a timeout is not retried):
            #metron.timeout = 30
            # Seconds before the first retry after a 5xx or a dropped connection, doubling (3 retries on 5xx):
            #metron.retry-backoff = 1

            # Where responses, resolved series and archive fingerprints are cached.
            #cache.dir = ~/.cache/metronome

            # Archives read in parallel (barcodes and cover hashes); API calls are rate-limited regardless.
            #jobs = 4

            # When Metron's daily quota (5,000 requests) is spent: wait until it frees and go on (true), or stop (false).
            #wait.for.quota = false

            # true: write ComicInfo.xml valid against the stable v2.0 schema (no GTIN, Tags, Translator,
            # StoryArcNumber), for readers that validate against it; false: the v2.1 draft.
            #comicinfo.strict = false
            """;

    /** What both config subcommands share: the settings sources and the root command's options. */
    abstract static class Sub extends UsesEnvironment {
        @Spec
        CommandSpec spec;

        @ParentCommand
        ConfigCommand config;

        @Mixin
        GlobalOptions global;

        /** The options of this subcommand combined with those given before {@code config}. */
        GlobalOptions options() {
            return global.with(config == null ? null : ((MetronomeCommand) config.spec.parent().userObject()).global());
        }
    }

    /** {@code metronome config init}: writes a commented template, readable by the owner only. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Writes a commented config file template (mode 0600).")
    static final class Init extends Sub {
        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() {
            GlobalOptions options = options();
            Path file = options.config() != null ? options.config() : Settings.defaultConfigFile(env, home);
            try {
                Path folder = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(folder)) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                if (Files.exists(file) && !force) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                throw new UserError(ExitCode.CONFIGURATION, file + " already exists (use --force to overwrite it)");
            } catch (IOException e) {
                throw new UserError(ExitCode.CONFIGURATION, "cannot write " + file + ": " + ErrorHandler.message(e));
            }
            spec.commandLine().getOut().println("Wrote " + file + " (readable by you only). Edit it to add your Metron account.");
            return ExitCode.OK;
        }
    }

    /** {@code metronome config show}: the effective settings, secrets masked. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the effective settings and where each comes from; secrets are masked.")
    static final class Show extends Sub {

        @Override
        public Integer call() {
            GlobalOptions options = options();
            Settings settings = Settings.load(options, env, home);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("config_file", settings.configFile().toString());
                shown.put("config_file_exists", Files.isRegularFile(settings.configFile()));
                settings.values().forEach((key, value) -> shown.put(key, Map.of(
                        "value", value.value() == null ? "" : value.secret() ? Settings.mask(value.value()) : value.value(),
                        "source", value.value() == null ? "" : value.source())));
                out.println(Json.write(shown));
            } else {
                out.printf("config file      %s%s%n", settings.configFile(),
                        Files.isRegularFile(settings.configFile()) ? "" : " (does not exist; metronome config init creates it)");
                settings.values().forEach((key, value) -> out.printf("%-16s %s%n", key, value.shown()));
                settings.warnings().forEach(w -> spec.commandLine().getErr().println("metronome: warning: " + w));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
