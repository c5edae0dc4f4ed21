package dev.metronome.cli;

import dev.metronome.maintenance.SchemaCheck;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code metronome validate PATH...}: a schema report for ComicInfo.xml and MetronInfo.xml. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks each archive's ComicInfo.xml (schema v2.0, else the v2.1 draft) and MetronInfo.xml (v1.1, its "
                + "asserts included) and reports every problem with its line. Exit code 1 when any file is invalid.",
        footer = {"", "Examples:", "  metronome validate ~/comics", "  metronome validate --json 'Saga 001 (2012).cbz'"})
final class ValidateCommand extends PathsCommand {

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        List<SchemaCheck.Report> reports = new ArrayList<>();
        for (Path file : archives()) {
            reports.add(SchemaCheck.check(file));
        }
        long invalid = reports.stream().filter(r -> !r.valid()).count();
        if (options.json()) {
            out.println(Json.write(java.util.Map.of("files", reports, "invalid", invalid, "checked", reports.size())));
        } else {
            for (SchemaCheck.Report report : reports) {
                if (report.error() != null) {
                    out.printf("%s: unreadable: %s%n", report.path(), report.error());
                    continue;
                }
                for (SchemaCheck.FileReport file : report.files()) {
                    if (file.verdict() == SchemaCheck.Verdict.ABSENT) {
                        if (!options.quiet()) {
                            out.printf("%s: no %s%n", report.path(), file.file());
                        }
                        continue;
                    }
                    if (file.verdict() == SchemaCheck.Verdict.VALID && options.quiet()) {
                        continue;
                    }
                    out.printf("%s: %s %s (%s)%n", report.path(), file.entry(), file.verdict().name().toLowerCase(Locale.ROOT), file.schema());
                    file.problems().forEach(p -> out.printf("    %s%n", p));
                }
            }
            out.printf("validate: %d archives, %d with invalid metadata%n", reports.size(), invalid);
        }
        out.flush();
        return invalid == 0 ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }
}
