package dev.metronome.cli;

import dev.metronome.organize.Journal;
import dev.metronome.organize.RunResult;
import dev.metronome.organize.Runs;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metronome undo [RUN]}: reverses the last organize (or duplicates) run, or a named one. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Reverses the last organize or 'duplicates --move-extras' run, or the one named: every file goes back "
                + "to its old path (never over another file) and the folders the run created are removed.",
                "A run interrupted by a crash is reversed too."},
        footer = {"", "Examples:", "  metronome undo --list", "  metronome undo", "  metronome undo 20261204-171800-123-ab12"})
final class UndoCommand extends UsesEnvironment {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Option(names = "--list", description = "List the runs that can be undone.")
    boolean list;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "Where run journals are kept (default: organize.journal-dir).")
    Path journalDir;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "The run id (default: the last run).")
    String runId;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = Settings.load(options, env, home);
        Runs runs = OrganizeSupport.runs(OrganizeSettings.journalDir(settings, journalDir), env);
        if (list) {
            List<Journal.Contents> all = runs.list();
            if (options.json()) {
                out.println(Json.write(all.stream().map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("run_id", c.runId());
                    row.put("kind", c.kind());
                    row.put("created", c.created().toString());
                    row.put("files", c.moves().size());
                    row.put("complete", c.complete());
                    return row;
                }).toList()));
            } else {
                all.forEach(c -> out.printf("%s  %-10s %s  %d files%s%n", c.runId(), c.kind(), c.created(), c.moves().size(),
                        c.complete() ? "" : " (interrupted)"));
                if (all.isEmpty()) {
                    out.println("no runs to undo in " + runs.journalFolder());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
        RunResult result;
        try (AutoCloseable lock = runs.lock()) {
            result = runs.undo(runId);
        } catch (IOException e) {
            throw new UserError(ExitCode.SOME_NOT_TAGGED, e.getMessage());
        }
        OrganizeSupport.printResult(result, out, err, options.verbose());
        if (options.json()) {
            out.println(Json.write(OrganizeSupport.json(result)));
        } else {
            out.printf("undo: run %s: %d files back in place, %d could not go back, %d folders removed%n", result.runId(),
                    result.count(RunResult.Status.RESTORED), result.outcomes().size() - result.count(RunResult.Status.RESTORED),
                    result.removedFolders().size());
        }
        out.flush();
        return result.count(RunResult.Status.RESTORED) == result.outcomes().size() ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }
}
