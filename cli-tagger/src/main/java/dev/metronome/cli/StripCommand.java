package dev.metronome.cli;

import dev.metronome.archive.ArchiveWriter;
import dev.metronome.maintenance.Stripper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code metronome strip PATH... [--comicinfo] [--metroninfo]}: removes metadata through the crash-safe write. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = {"Removes ComicInfo.xml and/or MetronInfo.xml from CBZs (both when neither option is given), through the "
                + "same crash-safe rewrite as tagging: pages are copied raw into a temp file that is verified, fsynced and "
                + "renamed over the original. RAR, 7z and tar archives are read-only and are left alone."},
        footer = {"", "Examples:", "  metronome strip --metroninfo ~/comics", "  metronome strip --dry-run --json 'Saga 001 (2012).cbz'"})
final class StripCommand extends PathsCommand {

    @Option(names = "--comicinfo", description = "Remove ComicInfo.xml.")
    boolean comicInfo;

    @Option(names = "--metroninfo", description = "Remove MetronInfo.xml.")
    boolean metronInfo;

    @Option(names = {"-n", "--dry-run"}, description = "List what would be removed; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> names = new LinkedHashSet<>();
        if (comicInfo || !metronInfo) {
            names.add("ComicInfo.xml");
        }
        if (metronInfo || !comicInfo) {
            names.add("MetronInfo.xml");
        }
        Stripper stripper = new Stripper(new ArchiveWriter());
        List<Stripper.Result> results = new ArrayList<>();
        for (Path file : archives()) {
            Stripper.Result result = stripper.strip(file, names, dryRun);
            results.add(result);
            if (result.error() != null && !options.json()) {
                err.println("metronome: " + result.error());
            }
        }
        long failed = results.stream().filter(r -> r.error() != null).count();
        long stripped = results.stream().filter(r -> !r.removed().isEmpty()).count();
        if (options.json()) {
            out.println(Json.write(java.util.Map.of("dry_run", dryRun, "files", results, "stripped", stripped, "failed", failed)));
        } else {
            results.stream().filter(r -> !r.removed().isEmpty()).forEach(r -> out.printf("%s %s: %s%n",
                    dryRun ? "would strip" : "stripped", r.path(), String.join(", ", r.removed())));
            out.printf("strip: %d archives %s, %d failed, %d had nothing to remove%n", stripped, dryRun ? "to strip" : "stripped",
                    failed, results.size() - stripped - failed);
        }
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }
}
