package dev.metronome.cli;

import dev.metronome.cache.MetronSession;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.SyncService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code metronome sync}: pulls issues and series changed since the last sync into the cache. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pulls the issues and series changed on Metron since the last sync into the cache.")
public final class SyncCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    MetronOptions metron = new MetronOptions();

    @Option(names = "--since", description = "Sync changes after this ISO date-time instead of the last sync.")
    OffsetDateTime since;

    @Option(names = "--stats", description = "Print the requests sent, by endpoint and outcome.")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return metron.run("sync", spec.commandLine().getErr(), session -> {
            SyncService.Report report = new SyncService(session.client(), session.cache(), Clock.systemUTC())
                    .sync(Optional.ofNullable(since));
            if (report.issueSince() == null) {
                out.printf("First sync: baseline recorded at %s; the next sync pulls changes since then.%n",
                        report.syncedAt());
            } else {
                out.printf("Synced %d changed issues and %d changed series (since %s).%n", report.issues(),
                        report.series(), report.issueSince());
            }
            if (stats) {
                out.print(session.client().stats().summary());
                out.flush();
            }
            return 0;
        });
    }

    /** The options every Metron command shares, and how such a command opens its session and reports failure. */
    static final class MetronOptions {

        @Option(names = "--metron-url",
                description = "Metron API root (default: METRON_URL or https://metron.cloud/api/).")
        URI metronUrl;

        @Option(names = "--cache-dir", description = "Cache folder (default: METRONOME_CACHE_DIR or the user cache).")
        Path cacheDir;

        /** The environment; replaced in tests. */
        Map<String, String> env = System.getenv();

        /**
         * Opens a session, runs the body, and turns failures into one line and an exit code (3: credentials).
         *
         * @param command the command name for messages
         * @param err     where failures go
         * @param body    the work; returns the exit code
         * @return the exit code
         */
        int run(String command, PrintWriter err, Function<MetronSession, Integer> body) {
            try (MetronSession session = MetronSession.fromEnvironment(metronUrl, cacheDir, env)) {
                return body.apply(session);
            } catch (MetronException e) {
                err.println("metronome " + command + ": " + e.getMessage());
                return e.kind() == MetronException.Kind.AUTH ? 3 : 1;
            } catch (UncheckedIOException e) {
                err.println("metronome " + command + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
