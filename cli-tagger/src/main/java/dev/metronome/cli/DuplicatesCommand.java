package dev.metronome.cli;

import dev.metronome.duplicates.Copy;
import dev.metronome.duplicates.DuplicateFinder;
import dev.metronome.duplicates.DuplicateGroup;
import dev.metronome.duplicates.ExtrasPlan;
import dev.metronome.organize.Move;
import dev.metronome.organize.RunResult;
import dev.metronome.organize.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metronome duplicates PATH...}: archives that are the same issue, with the best copy named. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = {"Lists archives that are the same Metron issue (the same Metron id, or the same series, number and "
                + "year), with pages, size, image resolution and format, and names the best copy.",
                "--move-extras DIR sets the other copies aside, journalled: 'metronome undo' puts them back."},
        footer = {"", "Examples:", "  metronome duplicates ~/comics", "  metronome duplicates --json ~/comics > dupes.json",
                "  metronome duplicates ~/comics --move-extras ~/comics-extras", "  metronome undo"})
final class DuplicatesCommand extends UsesEnvironment {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Option(names = "--move-extras", paramLabel = "DIR", description = "Move every copy but the best into DIR/<issue>/.")
    Path moveExtras;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "Where run journals are kept (default: organize.journal-dir).")
    Path journalDir;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archives or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = Settings.load(options, env, home);
        DuplicateFinder.Result found = new DuplicateFinder(settings.jobs()).find(OrganizeSupport.archives(paths));
        found.unreadable().forEach(u -> err.println("metronome: " + u.path() + ": " + u.reason()));
        RunResult moved = null;
        if (moveExtras != null && !found.groups().isEmpty()) {
            Runs runs = OrganizeSupport.runs(OrganizeSettings.journalDir(settings, journalDir), env);
            List<Move> moves = ExtrasPlan.moves(found.groups(), moveExtras);
            List<Path> roots = new ArrayList<>();
            roots.add(moveExtras.toAbsolutePath().normalize());
            paths.forEach(p -> roots.add(p.toAbsolutePath().normalize()));
            try (AutoCloseable lock = runs.lock()) {
                runs.recover();
                moved = runs.execute("duplicates", roots, moves);
            }
            OrganizeSupport.printResult(moved, out, err, false);
        }
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("groups", found.groups().stream().map(DuplicatesCommand::json).toList());
            json.put("unreadable", found.unreadable().stream().map(u -> Map.of("path", u.path().toString(), "reason", u.reason())).toList());
            json.put("archives", found.archives());
            json.put("run_id", moved == null ? null : moved.runId());
            out.println(Json.write(json));
        } else {
            for (DuplicateGroup group : found.groups()) {
                out.println(group.issue() + ": " + (group.others().size() + 1) + " copies");
                print(out, "best", group.best(), group.reason());
                group.others().forEach(c -> print(out, moveExtras == null ? "other" : "moved", c, ""));
            }
            out.printf("duplicates: %d groups, %d extra copies, in %d archives%s%n", found.groups().size(),
                    found.groups().stream().mapToInt(g -> g.others().size()).sum(), found.archives(),
                    moved == null ? "" : "; extras moved to " + moveExtras + " (run " + moved.runId() + ", undo with: metronome undo "
                            + moved.runId() + ")");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, String label, Copy copy, String reason) {
        out.printf("  %-5s %s  %s, %d pages, %,d bytes, %s %s%s%n", label, copy.path(), copy.format(), copy.pages(), copy.size(),
                copy.resolution().isEmpty() ? "resolution unknown" : copy.resolution(), copy.imageFormat(),
                reason.isEmpty() ? "" : "  <- " + reason);
    }

    private static Map<String, Object> json(DuplicateGroup group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issue", group.issue());
        row.put("best", copy(group.best()));
        row.put("reason", group.reason());
        row.put("others", group.others().stream().map(DuplicatesCommand::copy).toList());
        return row;
    }

    private static Map<String, Object> copy(Copy copy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", copy.path().toString());
        row.put("format", copy.format());
        row.put("pages", copy.pages());
        row.put("size", copy.size());
        row.put("resolution", copy.resolution());
        row.put("image_format", copy.imageFormat());
        row.put("metron_id", copy.metronId());
        return row;
    }
}
