package dev.metronome.cli;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code metronome show FILE...}: an archive's format, pages and metadata. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows an archive's format, pages and metadata as Metronome sees them.",
        footer = {"", "Examples:", "  metronome show 'Saga 001 (2012).cbz'", "  metronome show --json book.cbr"})
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Option(names = "--pages", description = "List every page.")
    boolean listPages;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password of an encrypted RAR or 7z.",
            interactive = false)
    char[] password;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Comic archives.")
    List<Path> files;

    /** What {@code show --json} prints for one file. */
    record Shown(String path, String format, boolean extensionMismatch, int pageCount, List<Map<String, Object>> pages,
                 List<String> metadataEntries, String fingerprint, String error) {
    }

    @Override
    public Integer call() {
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Shown> shown = new ArrayList<>();
        int failures = 0;
        for (Path file : files) {
            try {
                shown.add(describe(file));
            } catch (IOException e) {
                failures++;
                shown.add(new Shown(file.toString(), null, false, 0, List.of(), List.of(), null, ErrorHandler.message(e)));
                if (!options.json()) {
                    err.println("metronome: " + ErrorHandler.message(e));
                }
            }
        }
        if (options.json()) {
            out.println(Json.write(shown.size() == 1 ? shown.get(0) : shown));
        } else {
            shown.stream().filter(s -> s.error() == null).forEach(s -> print(s, out));
        }
        out.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
    }

    private Shown describe(Path file) throws IOException {
        var openOptions = dev.metronome.archive.OpenOptions.DEFAULT;
        if (password != null) {
            openOptions = openOptions.withPassword(password);
        }
        try (ComicArchive archive = Archives.open(file, openOptions)) {
            List<Map<String, Object>> pages = new ArrayList<>();
            int index = 0;
            for (ArchiveEntry page : archive.pages()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("index", index++);
                row.put("name", page.name());
                row.put("size", page.size());
                pages.add(row);
            }
            List<String> metadata = new ArrayList<>();
            for (String name : List.of("ComicInfo.xml", "MetronInfo.xml")) {
                archive.metadataEntry(name).ifPresent(e -> metadata.add(e.name()));
            }
            return new Shown(file.toString(), archive.format().name(), archive.extensionMismatch(), pages.size(), pages,
                    metadata, archive.fingerprint(), null);
        } catch (ArchiveException e) {
            throw e;
        }
    }

    private void print(Shown shown, PrintWriter out) {
        out.println(shown.path());
        out.printf("  format        %s%s%n", shown.format(),
                shown.extensionMismatch() ? " (the extension says otherwise)" : "");
        out.printf("  pages         %d%n", shown.pageCount());
        if (listPages) {
            for (Map<String, Object> page : shown.pages()) {
                out.printf("    %4s  %-50s %,d bytes%n", page.get("index"), page.get("name"), (Long) page.get("size"));
            }
        } else if (!shown.pages().isEmpty()) {
            out.printf("  cover         %s%n", shown.pages().get(0).get("name"));
        }
        out.printf("  metadata      %s%n", shown.metadataEntries().isEmpty() ? "none" : String.join(", ", shown.metadataEntries()));
        out.printf("  fingerprint   %s%n", shown.fingerprint());
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
