package dev.metronome.cli;

import dev.metronome.core.Metronome;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.QuotaWait;
import dev.metronome.metron.Sleeper;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import dev.metronome.tagging.TaggingRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code tag} and {@code identify} share: settings, the engine, progress, Ctrl-C, the report and exit codes. */
abstract class BatchCommand extends UsesEnvironment {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archives or folders (searched recursively).")
    List<Path> paths;

    @Option(names = "--id", paramLabel = "N", description = "Use this Metron issue id for the given files (settles an ambiguous one).")
    Long issueId;

    @Option(names = "--interactive", description = "Ask on the terminal when a file is ambiguous.")
    boolean interactive;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path reportFile;

    @Option(names = "--wait-for-quota", description = "When Metron's daily quota is spent, wait until it frees and go"
            + " on, instead of stopping (config key wait.for.quota=true).")
    boolean waitForQuota;

    /** Why a run stopped when the user interrupted it (its report's {@code stopped}). */
    static final String INTERRUPTED_BY_CTRL_C = "interrupted (Ctrl-C): the files not reached are left as they were;"
            + " run the same command again to go on (nothing already done is redone)";
    /** Why a run stopped when a service manager stopped it. */
    static final String INTERRUPTED_BY_SIGTERM = "interrupted (SIGTERM): the files not reached are left as they"
            + " were; run the same command again to go on (nothing already done is redone)";

    /** The interruption that stopped this run, if one did. */
    private volatile String interruption;

    /** The run's options, from this command's flags. */
    abstract TaggingOptions options(int jobs);

    /** Whether ComicInfo.xml is written strictly to v2.0: the config file's {@code comicinfo.strict} unless a flag says. */
    boolean strictComicInfo(Settings settings) {
        return settings.strictComicInfo();
    }

    @Override
    public Integer call() {
        // the first request's TLS set-up overlaps reading the settings and opening the cache
        dev.metronome.metron.JdkTransport.warmUp();
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = Settings.load(options, env, home);
        settings.warnings().forEach(w -> err.println("metronome: warning: " + w));
        // a missing path is one error line in the report; the other paths are still done
        int jobs = options.jobsOption() != null ? options.jobs() : settings.jobs();
        TaggingOptions runOptions = options(jobs).withStrictComicInfo(strictComicInfo(settings))
                .withRefuseSymlinks(settings.refuseSymlinks());
        if (issueId != null) {
            runOptions = runOptions.withForcedIssueId(issueId);
        }
        if (interactive && Terminal.interactive()) {
            runOptions = runOptions.withChooser(new ConsoleChooser(System.console()));
        }
        Metronome.Builder builder = Metronome.builder().settings(settings.metronSettings(env))
                .cacheDir(settings.cacheDir()).jobs(jobs);
        settings.credentials().ifPresent(builder::credentials);
        java.util.concurrent.atomic.AtomicReference<Progress> shown = new java.util.concurrent.atomic.AtomicReference<>();
        QuotaWait.Waiting waiting = waitForQuota || settings.waitForQuota()
                ? QuotaWait.waiting(java.time.Clock.systemUTC(), Sleeper.SYSTEM, at -> {
                    Progress p = shown.get();
                    if (p != null) {
                        p.waitingForQuota(at);
                    }
                }) : null;
        if (waiting != null) {
            builder.quotaWait(waiting);
        }
        RunReport report;
        try (Metronome metronome = builder.build()) {
            Progress progress = new Progress(err, options.json() && Progress.modeFor(options) == Progress.Mode.LINES
                    ? Progress.Mode.SILENT : Progress.modeFor(options), metronome::budget,
                    () -> metronome.requestStats().total(), Progress.terminalWidth());
            shown.set(progress);
            TaggingRun run = metronome.newRun(runOptions, progress);
            Runnable restore = Interrupts.install(() -> {
                run.cancel(interruption = INTERRUPTED_BY_CTRL_C, false);
                if (waiting != null) {
                    waiting.cancel();
                }
            }, () -> {
                run.cancel(interruption = INTERRUPTED_BY_SIGTERM, true);
                if (waiting != null) {
                    waiting.cancel();
                }
            }, err);
            try {
                report = run.run(paths);
            } finally {
                restore.run();
                progress.finish();
            }
        } catch (MetronException e) {
            throw new UserError(ErrorHandler.exitCodeFor(e), e.getMessage());
        }
        if (reportFile != null) {
            try {
                Files.writeString(reportFile, Json.write(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("metronome: cannot write the report " + reportFile + ": " + ErrorHandler.message(e));
            }
        }
        if (options.json()) {
            out.println(Json.write(report));
        } else if (!options.quiet() || report.summary().files() != report.summary().matched()) {
            ReportPrinter.print(report, out, commandName(), !options.quiet());
        }
        out.flush();
        if (report.stopped() != null) {
            // Metron is down or failing, or the user interrupted the run: one line saying so and what to do; the
            // report above counts the files not reached
            err.println("metronome: " + report.stopped());
            err.flush();
            return report.stopped().equals(interruption) ? ExitCode.INTERRUPTED : ExitCode.FATAL;
        }
        return allDone(report) ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }

    /**
     * Every file matched: written, or already holding exactly this metadata. A file that could not be written
     * (a read-only format without --convert, a failed write) is reported as an error, so it is not done.
     */
    static boolean allDone(RunReport report) {
        return report.files().stream().allMatch(f -> f.status().equals(FileReport.MATCHED));
    }

    /** {@code tag} or {@code identify}, for the commands that settle a file. */
    abstract String commandName();
}
