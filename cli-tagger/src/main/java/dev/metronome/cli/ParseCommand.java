package dev.metronome.cli;

import dev.metronome.filename.FilenameParser;
import dev.metronome.filename.ParsedName;
import dev.metronome.filename.ParsedNameFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code metronome parse NAME...}: shows what the filename heuristics understand of a name. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Shows what Metronome understands of file names (and their folders), to see why a file did not match.",
        footer = {"", "Examples:",
                "  metronome parse 'Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz'",
                "  metronome parse --json 'Saga (2012)/Saga 054 (2018).cbz'"})
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "File names or paths (folders are used as context).")
    List<String> names;

    @Override
    public Integer call() {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        FilenameParser parser = new FilenameParser();
        List<ParsedName> results = new ArrayList<>();
        for (String name : names) {
            results.add(name.contains("/") || name.contains("\\") ? parser.parse(Path.of(name.replace('\\', '/'))) : parser.parse(name));
        }
        var out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.write(results.size() == 1 ? results.get(0) : results));
        } else {
            ParsedNameFormatter formatter = new ParsedNameFormatter();
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(formatter.format(results.get(i)));
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
