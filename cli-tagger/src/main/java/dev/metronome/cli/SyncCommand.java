package dev.metronome.cli;

import dev.metronome.metron.SyncService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** {@code metronome sync}: pulls issues and series changed since the last sync into the cache. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pulls the issues and series changed on Metron since the last sync into the cache.",
        footer = {"", "Examples:", "  metronome sync", "  metronome sync --since 2026-11-01T00:00:00Z --stats"})
public final class SyncCommand extends UsesEnvironment {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    MetronomeCommand parent;

    @CommandLine.Mixin
    GlobalOptions global;

    @Option(names = "--since", description = "Sync changes after this ISO date-time instead of the last sync.")
    OffsetDateTime since;

    @Option(names = "--stats", description = "Print the requests sent, by endpoint and outcome.")
    boolean stats;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        return MetronSessions.withSession(options, env, home, session -> {
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
            return ExitCode.OK;
        });
    }
}
