package dev.metronome.cli;

import dev.metronome.maintenance.MissingCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code metronome missing PATH...}: archives without metadata, or without a Metron id. */
@Command(name = "missing", mixinStandardHelpOptions = true,
        description = "Lists archives without ComicInfo.xml or MetronInfo.xml, and archives whose metadata has no Metron issue id "
                + "(the ones 'metronome tag' should look at). Exit code 1 when any is found.",
        footer = {"", "Examples:", "  metronome missing ~/comics", "  metronome missing --json ~/comics | jq '.files[].path'"})
final class MissingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archives or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        List<MissingCheck.Finding> findings = new ArrayList<>();
        int checked = 0;
        for (Path file : OrganizeSupport.archives(paths)) {
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
