package dev.metronome.cli;

import dev.metronome.organize.NameTemplate;
import dev.metronome.organize.Plan;
import dev.metronome.organize.PlannedFile;
import dev.metronome.organize.Planner;
import dev.metronome.organize.RunResult;
import dev.metronome.organize.Runs;
import dev.metronome.organize.SafeNames;
import dev.metronome.organize.SidecarPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code metronome organize PATH...}: renames and files tagged archives from their metadata, journalled. */
@Command(name = "organize", aliases = "organise", mixinStandardHelpOptions = true,
        description = {"Renames and moves tagged archives from their metadata (MetronInfo first, then ComicInfo).",
                "Nothing is ever overwritten: a file with the same content at the target is reported as a duplicate and "
                        + "left where it is; another file with the name gives the new one a ' (2)' suffix. The whole plan "
                        + "is journalled before anything moves; 'metronome undo' reverses a run, and a run cut short (even by "
                        + "kill -9) is completed by the next one.",
                "Template tokens: {series} {sort_name} {volume} {year_began} {number} {title} {year} {month} {publisher} "
                        + "{imprint} {format} {issue_count} {metron_id} {filename} {ext}; {number:3} pads; [...] vanishes "
                        + "when a token inside is empty; / makes folders."},
        footer = {"", "Examples:", "  metronome organize --dry-run ~/comics",
                "  metronome organize ~/comics/incoming --into ~/comics",
                "  metronome organize --template '{publisher}/{series} ({year_began})/{series} {number:3}[ - {title}]' ~/comics",
                "  metronome undo"})
final class OrganizeCommand extends UsesEnvironment {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Option(names = "--into", paramLabel = "DIR", description = "File into this library (default: each PATH is its own).")
    Path into;

    @Option(names = "--template", paramLabel = "T", description = "The name template (default: organize.template, else "
            + NameTemplate.DEFAULT + ").")
    String template;

    @Option(names = {"-n", "--dry-run"}, description = "Print the plan; move nothing.")
    boolean dryRun;

    @Option(names = "--sidecars", paramLabel = "move|keep", description = "Covers and .nfo files beside archives follow them "
            + "(move, the default) or stay (keep); setting organize.sidecars.")
    SidecarPolicy sidecars;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "Where run journals are kept (default: organize.journal-dir, "
            + "$METRONOME_JOURNAL_DIR or $XDG_STATE_HOME/metronome/journal).")
    Path journalDir;

    @Option(names = "--max-name-bytes", paramLabel = "N", description = "Longest file name in bytes (default 255; 143 for eCryptfs NAS shares).")
    int maxNameBytes = SafeNames.DEFAULT.maxNameBytes();

    @Option(names = "--max-path", paramLabel = "N", description = "Longest path below the library in characters (default 240).")
    int maxPath = SafeNames.DEFAULT.maxPathChars();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archives or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = Settings.load(options, env, home);
        NameTemplate parsed;
        SafeNames names;
        try {
            parsed = NameTemplate.parse(OrganizeSettings.template(settings, template));
            names = new SafeNames(maxNameBytes, maxPath);
        } catch (IllegalArgumentException e) { // a TemplateException or bad limits
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        Planner.Options plannerOptions = new Planner.Options(parsed, names, Optional.ofNullable(into),
                OrganizeSettings.sidecars(settings, sidecars), settings.jobs());
        List<String> warnings = serverWarnings(settings);
        if (!options.json()) {
            warnings.forEach(w -> err.println("metronome: warning: " + w));
        }
        Runs runs = OrganizeSupport.runs(OrganizeSettings.journalDir(settings, journalDir), env);
        if (dryRun) {
            Plan plan = new Planner(plannerOptions).plan(paths);
            report(plan, null, List.of(), warnings, options, out);
            return ExitCode.OK;
        }
        try (AutoCloseable lock = runs.lock()) {
            List<RunResult> completed = runs.recover();
            for (RunResult result : completed) {
                if (!options.json()) {
                    err.printf("metronome: completed run %s, which was interrupted: %d files moved%n", result.runId(),
                            result.count(RunResult.Status.MOVED));
                }
                OrganizeSupport.printResult(result, out, err, options.verbose());
            }
            Plan plan = new Planner(plannerOptions).plan(paths);
            RunResult result = plan.moves().isEmpty() ? null : runs.execute("organize", plan.roots(), plan.moves());
            if (result != null) {
                OrganizeSupport.printResult(result, out, err, false);
            }
            report(plan, result, completed, warnings, options, out);
            boolean problems = result != null && result.outcomes().stream().anyMatch(o -> o.status() != RunResult.Status.MOVED);
            return problems || plan.count(PlannedFile.Status.ERROR) > 0 ? ExitCode.SOME_NOT_TAGGED : ExitCode.OK;
        } catch (IOException | UserError e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A warning per PATH (or --into) inside a folder a library server serves. */
    private List<String> serverWarnings(Settings settings) {
        List<String> warnings = new ArrayList<>();
        List<Path> touched = new ArrayList<>(paths);
        if (into != null) {
            touched.add(into);
        }
        for (OrganizeSettings.ServerLibrary library : OrganizeSettings.serverLibraries(settings)) {
            for (Path path : touched) {
                Path absolute = path.toAbsolutePath().normalize();
                if (absolute.startsWith(library.folder()) || library.folder().startsWith(absolute)) {
                    warnings.add(path + " is inside the " + library.server() + " library " + library.folder() + ": "
                            + OrganizeSettings.consequence(library.server()));
                    break;
                }
            }
        }
        return warnings;
    }

    private void report(Plan plan, RunResult result, List<RunResult> completed, List<String> warnings, GlobalOptions options,
                        PrintWriter out) {
        Map<PlannedFile.Status, Long> counts = new LinkedHashMap<>();
        for (PlannedFile.Status status : PlannedFile.Status.values()) {
            counts.put(status, plan.count(status));
        }
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dry_run", dryRun);
            json.put("run_id", result == null ? null : result.runId());
            json.put("warnings", warnings);
            json.put("completed_runs", completed.stream().map(RunResult::runId).toList());
            json.put("files", plan.files().stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("source", f.source().toString());
                row.put("target", f.target() == null ? null : f.target().toString());
                row.put("status", f.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                row.put("sidecar", f.sidecar());
                row.put("detail", f.detail());
                return row;
            }).toList());
            Map<String, Object> summary = new LinkedHashMap<>();
            counts.forEach((status, count) -> summary.put(status.name().toLowerCase(Locale.ROOT), count));
            summary.put("removed_folders", result == null ? 0 : result.removedFolders().size());
            json.put("summary", summary);
            out.println(Json.write(json));
            out.flush();
            return;
        }
        if (!options.quiet()) {
            for (PlannedFile f : plan.files()) {
                switch (f.status()) {
                    case MOVE, MOVE_WITH_SUFFIX -> out.printf("%s %s -> %s%n", dryRun ? "would move" : "moved    ", f.source(), f.target());
                    case DUPLICATE -> out.printf("duplicate  %s: %s, left where it is%n", f.source(), f.detail());
                    case SKIPPED, ERROR -> out.printf("skipped    %s: %s%n", f.source(), f.detail());
                    case IN_PLACE -> {
                        if (options.verbose()) {
                            out.printf("in place   %s%n", f.source());
                        }
                    }
                }
            }
        }
        long moving = counts.get(PlannedFile.Status.MOVE) + counts.get(PlannedFile.Status.MOVE_WITH_SUFFIX);
        out.printf("organize: %d %s (%d with a suffix), %d in place, %d duplicates left in place, %d without metadata, %d unreadable%s%n",
                moving, dryRun ? "to move" : "moved", counts.get(PlannedFile.Status.MOVE_WITH_SUFFIX),
                counts.get(PlannedFile.Status.IN_PLACE), counts.get(PlannedFile.Status.DUPLICATE),
                counts.get(PlannedFile.Status.SKIPPED), counts.get(PlannedFile.Status.ERROR),
                result == null ? "" : "; run " + result.runId() + ", undo with: metronome undo " + result.runId());
        out.flush();
    }
}
