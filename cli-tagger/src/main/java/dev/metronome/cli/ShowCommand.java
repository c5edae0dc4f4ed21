package dev.metronome.cli;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.api.ComicMetadata;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.ReadResult;
import dev.metronome.metroninfo.MetronInfoReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
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
                 List<String> metadataEntries, String fingerprint, ComicMetadata comicInfo, ComicMetadata metronInfo,
                 List<String> warnings, String error) {
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
                shown.add(new Shown(file.toString(), null, false, 0, List.of(), List.of(), null, null, null, List.of(),
                        ErrorHandler.message(e)));
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
            List<String> warnings = new ArrayList<>();
            ComicMetadata comicInfo = read(archive, "ComicInfo.xml", warnings,
                    (bytes, source) -> new ComicInfoReader().read(bytes, source));
            ComicMetadata metronInfo = read(archive, "MetronInfo.xml", warnings,
                    (bytes, source) -> new MetronInfoReader().read(bytes, source));
            return new Shown(file.toString(), archive.format().name(), archive.extensionMismatch(), pages.size(), pages,
                    metadata, archive.fingerprint(), comicInfo, metronInfo, warnings, null);
        }
    }

    /** A metadata reader: bytes and a source name for messages to a result. */
    private interface Reader {
        ReadResult read(byte[] bytes, String source) throws MetadataException;
    }

    /** Reads one metadata entry as the model sees it; a broken one becomes a warning, never a failure. */
    private static ComicMetadata read(ComicArchive archive, String name, List<String> warnings, Reader reader) throws IOException {
        var bytes = archive.readMetadata(name);
        if (bytes.isEmpty()) {
            return null;
        }
        try {
            ReadResult result = reader.read(bytes.get(), archive.path().getFileName() + "!" + name);
            warnings.addAll(result.warnings());
            return result.metadata();
        } catch (MetadataException e) {
            warnings.add(ErrorHandler.message(e));
            return null;
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
        describe(out, "ComicInfo.xml", shown.comicInfo());
        describe(out, "MetronInfo.xml", shown.metronInfo());
        shown.warnings().forEach(w -> out.printf("  warning       %s%n", w));
    }

    /** The fields a person checks first, as the model sees them. */
    private static void describe(PrintWriter out, String title, ComicMetadata m) {
        if (m == null) {
            return;
        }
        out.printf("  %s%n", title);
        field(out, "series", m.series().name() + m.series().volume().stream().mapToObj(v -> " v" + v).findFirst().orElse("")
                + m.series().yearBegan().stream().mapToObj(y -> " (" + y + ")").findFirst().orElse(""));
        field(out, "number", m.number().raw());
        field(out, "title", m.collectionTitle().isBlank() ? String.join("; ", m.storyTitles()) : m.collectionTitle());
        field(out, "publisher", m.publisher().name() + (m.imprint().name().isBlank() ? "" : " / " + m.imprint().name()));
        field(out, "cover date", m.coverDate().map(d -> d.year() + d.month().stream().mapToObj(mo -> String.format("-%02d", mo))
                .findFirst().orElse("")).orElse(""));
        field(out, "credits", m.credits().stream().map(c -> c.person().name() + " ("
                + String.join(", ", c.roles().stream().map(r -> r.name()).toList()) + ")")
                .limit(6).reduce((a, b) -> a + "; " + b).orElse("") + (m.credits().size() > 6 ? "; ..." : ""));
        field(out, "characters", m.characters().size() == 0 ? "" : m.characters().size() + "");
        field(out, "story arcs", String.join(", ", m.storyArcs().stream().map(a -> a.name()).toList()));
        field(out, "ids", String.join(", ", m.ids().stream().map(id -> id.source() + " " + id.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + id.value()).toList()));
        field(out, "gtin", (m.gtin().upc() + " " + m.gtin().isbn()).strip());
        field(out, "web", String.join(" ", m.webLinks().stream().map(w -> w.url()).toList()));
        field(out, "notes", m.notes().lines().findFirst().orElse(""));
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("    %-12s %s%n", name, value);
        }
    }
}
