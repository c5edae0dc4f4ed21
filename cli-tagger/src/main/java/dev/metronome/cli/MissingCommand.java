package dev.metronome.cli;

import dev.metronome.maintenance.MissingCheck;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code metronome missing PATH...}: archives without metadata, or without a Metron id. */
@Command(name = "missing", mixinStandardHelpOptions = true,
        description = "Lists archives without ComicInfo.xml or MetronInfo.xml, and archives whose metadata has no Metron issue id "
                + "(the ones 'metronome tag' should look at). Exit code 1 when any is found.",
        footer = {"", "Examples:", "  metronome missing ~/comics", "  metronome missing --json ~/comics | jq '.files[].path'"})
final class MissingCommand extends PathsCommand {

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        List<MissingCheck.Finding> findings = new ArrayList<>();
        int checked = 0;
        for (Path file : archives()) {
            checked++;
            MissingCheck.Finding finding = MissingCheck.check(file);
            if (finding.lack() != MissingCheck.Lack.NOTHING) {
                findings.add(finding);
            }
        }
        if (options.json()) {
            out.println(Json.write(java.util.Map.of("files", findings.stream().map(f -> java.util.Map.of("path", f.path().toString(),
                    "missing", f.lack().name().toLowerCase(Locale.ROOT).replace('_', '-'), "detail", f.detail())).toList(),
                    "checked", checked)));
        } else {
            for (MissingCheck.Finding f : findings) {
                String what = switch (f.lack()) {
                    case METADATA -> "no metadata";
                    case METRON_ID -> "no Metron id (" + f.detail() + ")";
                    case UNREADABLE -> "unreadable: " + f.detail();
                    case NOTHING -> "";
                };
                out.printf("%s: %s%n", f.path(), what);
            }
            out.printf("missing: %d of %d archives lack metadata or a Metron id%n", findings.size(), checked);
        }
        out.flush();
        return findings.isEmpty() ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }
}
