package dev.metronome.cli;

import dev.metronome.cache.CacheLocation;
import dev.metronome.cache.MetronSession;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.Sleeper;
import dev.metronome.metron.SyncService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code metronome sync}: pulls issues and series changed since the last sync into the cache. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pulls the issues and series changed on Metron since the last sync into the cache.")
public final class SyncCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--metron-url", description = "Metron API root (default: METRON_URL or https://metron.cloud/api/).")
    URI metronUrl;

    @Option(names = "--cache-dir", description = "Cache folder (default: METRONOME_CACHE_DIR or the user cache).")
    Path cacheDir;

    @Option(names = "--since", description = "Sync changes after this ISO date-time instead of the last sync.")
    OffsetDateTime since;

    @Option(names = "--stats", description = "Print the requests sent, by endpoint and outcome.")
    boolean stats;

    /** The environment; replaced in tests. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            MetronSettings settings = MetronSettings.fromEnvironment(env);
            if (metronUrl != null) {
                settings = settings.withBaseUrl(metronUrl);
            }
            MetronCredentials credentials = MetronCredentials.fromEnvironment(env).orElseThrow(() ->
                    new MetronException(MetronException.Kind.CONFIGURATION, 0,
                            "No Metron credentials: set METRON_TOKEN, or METRON_USER and METRON_PASS."));
            Path dir = CacheLocation.resolve(cacheDir, env, Path.of(System.getProperty("user.home")));
            try (MetronSession session = MetronSession.open(settings, credentials, dir, Clock.systemUTC(),
                    Sleeper.SYSTEM)) {
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
            }
            return 0;
        } catch (MetronException e) {
            err.println("metronome sync: " + e.getMessage());
            return e.kind() == MetronException.Kind.AUTH ? 3 : 1;
        }
    }
}
