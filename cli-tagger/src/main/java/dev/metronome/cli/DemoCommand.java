package dev.metronome.cli;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.DemoLibrary;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import dev.metronome.tagging.TaggingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code metronome demo [DIR]}: the whole job on an embedded default, with no network and no account. It starts the
 * fake Metron server with the bundled catalogue on a free loopback port, creates a small sample library, tags it
 * with the real pipeline, prints the summary and one archive's new ComicInfo.xml.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Tags a small sample library against a local fake Metron server: no network, no account.",
                "The library is created in DIR (default: a new temporary folder) and left there to look at."},
        footer = {"", "Examples:", "  metronome demo", "  metronome demo /tmp/my-demo"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to create the sample library (must be empty or new).")
    Path dir;

    @Option(names = "--metroninfo", description = "Also write MetronInfo.xml.")
    boolean metronInfo;

    @Override
    public Integer call() throws IOException {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path library = prepare(dir);
        if (!options.json()) {
            out.println("Metronome demo: a local fake Metron server with the bundled sample catalogue, and a sample library in");
            out.println("  " + library);
            out.flush();
        }
        List<LabelledArchive> archives = DemoLibrary.create(library);
        // the demo keeps Metron's rules (rate-limit headers, 429s) but with a window short enough for a demo
        try (FakeMetronServer metron = FakeMetronServer.builder().account("demo", "demo-password")
                .burst(60, Duration.ofSeconds(10)).start()) {
            MetronSettings settings = MetronSettings.defaults().withBaseUrl(URI.create(metron.baseUrl()))
                    .withBudgets(60, Duration.ofSeconds(10), 5000, Duration.ofDays(1));
            RunReport report;
            try (Metronome metronome = Metronome.builder().settings(settings)
                    .credentials(MetronCredentials.basic("demo", "demo-password"))
                    .cacheDir(library.resolve(".metronome-cache")).jobs(options.jobs()).build()) {
                if (!options.json()) {
                    out.printf("Tagging %d archives (scene names, a Mylar folder, a barcode-only cover, a CBR, ...)%n", archives.size());
                    out.flush();
                }
                Progress progress = new Progress(err, options.json() ? Progress.Mode.SILENT : Progress.modeFor(options),
                        metronome::budget, () -> metronome.requestStats().total(), Progress.terminalWidth());
                // the sample CBR and CB7 are converted to CBZ, as 'metronome tag --convert' does
                TaggingRun run = metronome.newRun(TaggingOptions.defaults().withJobs(options.jobs())
                        .withWriteMetronInfo(metronInfo).withConvert(true), progress);
                Runnable restore = Interrupts.install(run::cancel, err);
                try {
                    report = run.run(List.of(library));
                } finally {
                    restore.run();
                    progress.finish();
                }
            }
            if (options.json()) {
                out.println(Json.write(report));
                out.flush();
                return ExitCode.OK;
            }
            ReportPrinter.print(report, out, "tag", true);
            printAccuracy(out, archives, report);
            showOneComicInfo(out, report);
        }
        out.println();
        out.println("Next, on your own library (a free account at https://metron.cloud):");
        out.println("  export METRON_USER=you METRON_PASS=secret     # or: metronome config init");
        out.println("  metronome identify ~/comics                   # see what would happen, write nothing");
        out.println("  metronome tag ~/comics                        # tag for real (atomic writes, pages untouched)");
        out.flush();
        return ExitCode.OK;
    }

    private static Path prepare(Path requested) throws IOException {
        if (requested == null) {
            return Files.createTempDirectory("metronome-demo-");
        }
        Files.createDirectories(requested);
        try (var entries = Files.list(requested)) {
            if (entries.findAny().isPresent()) {
                throw new UserError(ExitCode.USAGE, "demo: " + requested + " is not empty; give a new or empty folder");
            }
        }
        return requested;
    }

    /** The demo knows the true issue of each archive it made: say how many were right. */
    private static void printAccuracy(PrintWriter out, List<LabelledArchive> archives, RunReport report) {
        Map<String, Long> truth = new HashMap<>();
        archives.forEach(a -> truth.put(a.path().toAbsolutePath().normalize().toString(), a.trueIssueId()));
        long right = 0;
        long wrong = 0;
        for (FileReport file : report.files()) {
            Long expected = truth.get(Path.of(file.path()).toAbsolutePath().normalize().toString());
            if (expected != null && file.status().equals("matched")) {
                if (expected == file.issueId().longValue()) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
        out.printf("%nChecked against the true issues: %d matched correctly, %d wrong.%n", right, wrong);
    }

    private static void showOneComicInfo(PrintWriter out, RunReport report) throws IOException {
        Optional<FileReport> written = report.files().stream().filter(FileReport::written).findFirst();
        if (written.isEmpty()) {
            return;
        }
        Path path = Path.of(written.get().writtenPath() != null ? written.get().writtenPath() : written.get().path());
        try (ComicArchive archive = Archives.open(path)) {
            Optional<byte[]> xml = archive.readMetadata("ComicInfo.xml");
            if (xml.isPresent()) {
                out.println();
                out.println("The new ComicInfo.xml of " + path.getFileName() + ":");
                out.println(new String(xml.get(), StandardCharsets.UTF_8).strip());
            }
        }
    }
}
