package dev.metronome.cli;

import dev.metronome.core.Metronome;
import dev.metronome.metron.MetronException;
import dev.metronome.review.ChoiceWriter;
import dev.metronome.review.ReviewQueue;
import dev.metronome.review.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code metronome review [PATH...]}: a local web page to settle the files Metronome would not decide alone. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Serves a local web page for the files the last runs left undecided (ambiguous, or no match):"
                + " each file's cover beside its candidates' Metron covers; choose, search Metron, enter an id, skip"
                + " or mark \"not in Metron\". Keys: 1-9 choose, j/k next/previous, / search, s skip.",
                "The page listens on 127.0.0.1 unless --bind is given, and every URL carries a random token."},
        footer = {"", "Examples:", "  metronome review                           the files the last runs left undecided",
                "  metronome review ~/comics/new              only those under a folder",
                "  metronome review --report report.json      those of a report (metronome tag --report FILE)",
                "  metronome review --open --port 8765        open it in the browser, on a fixed port",
                "  metronome review --convert                 a choice on a CBR/CB7 converts it to CBZ"})
final class ReviewCommand extends UsesEnvironment {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Only the undecided files under these folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "The undecided files of this JSON report instead of the cache's.")
    Path report;

    @Option(names = "--open", description = "Open the page in the default browser (by default only the URL is printed).")
    boolean open;

    @Option(names = "--convert", description = "A choice on a CBR/CB7 converts it to CBZ so that it can be written, as tag --convert does (without it the page says the file needs --convert).")
    boolean convert;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address instead of 127.0.0.1 (e.g. 0.0.0.0 to reach it from a phone on the LAN).")
    String bind;

    @Option(names = "--port", paramLabel = "N", description = "The port (default: any free one).")
    int port;

    /** What --open opens the page with (tests give their own). */
    Browser browser = Browser.SYSTEM;

    /** Counted down to stop the page (tests); SIGINT/SIGTERM do it too. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** The page while it runs (tests read its URL). */
    volatile ReviewServer running;

    @Override
    public Integer call() {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = Settings.load(options, env, home);
        settings.warnings().forEach(w -> spec.commandLine().getErr().println("metronome: warning: " + w));
        Metronome.Builder builder = Metronome.builder().settings(settings.metronSettings(env))
                .cacheDir(settings.cacheDir()).jobs(1).strictComicInfo(settings.strictComicInfo());
        settings.credentials().ifPresent(builder::credentials);
        try (Metronome engine = builder.build()) {
            ReviewQueue queue = queue(engine);
            try (ReviewServer server = ReviewHosting.start(engine, queue,
                    ChoiceWriter.files(engine, convert), settings.cacheDir(), bind, port, out)) {
                running = server;
                out.println("metronome: Ctrl-C stops the page");
                out.flush();
                if (open) {
                    browser.open(server.url(), spec.commandLine().getErr());
                }
                Runnable restore = Interrupts.install(stop::countDown, spec.commandLine().getErr());
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    restore.run();
                    running = null;
                }
            }
            out.printf("metronome: review stopped; %d files left; the page asked Metron %d times%n", queue.size(),
                    engine.requestStats().total());
        } catch (MetronException e) {
            throw new UserError(ErrorHandler.exitCodeFor(e), e.getMessage());
        }
        return ExitCode.OK;
    }

    private ReviewQueue queue(Metronome engine) {
        if (report != null) {
            try {
                return ReviewQueue.fromReport(report, paths);
            } catch (IOException e) {
                throw new UserError(ExitCode.USAGE, "cannot read the report " + report + ": " + ErrorHandler.message(e));
            }
        }
        return ReviewQueue.fromCache(engine.cache().orElseThrow(() -> new UserError(ExitCode.CONFIGURATION,
                "no cache folder: the undecided files of the last runs are kept there (or give --report FILE)")),
                paths);
    }
}
