package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.TaggedArchives;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceCommandsTest {

    @TempDir
    Path dir;

    private Cli.Run run(String... args) {
        return Cli.run(Map.of(), dir, args);
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static Path issue(Path file, String series, String number, int year, long metronId, int width, int pages) throws Exception {
        ArchiveBuilder builder = ArchiveBuilder.cbz();
        for (int i = 1; i <= pages; i++) {
            builder.page(String.format("%03d.png", i), png(width, width * 3 / 2));
        }
        builder.entry("ComicInfo.xml", TaggedArchives.comicInfo("Image", series, 2012, number, year));
        if (metronId > 0) {
            builder.entry("MetronInfo.xml", TaggedArchives.metronInfo("Image", series, 2012, number, year, metronId));
        }
        return builder.writeTo(file);
    }

    @Test
    void duplicatesAreGroupedByIdOrBySeriesNumberAndYearWithTheBestCopyNamed() throws Exception {
        Path lib = dir.resolve("lib");
        issue(lib.resolve("a/Saga 001 low.cbz"), "Saga", "1", 2012, 516881, 40, 3);
        issue(lib.resolve("b/Saga 001 high.cbz"), "Saga", "1", 2012, 516881, 80, 3);
        issue(lib.resolve("c/saga #1 untagged id.cbz"), "SAGA", "001", 2012, 0, 60, 3); // joins by series, number and year
        issue(lib.resolve("d/Saga 002.cbz"), "Saga", "2", 2012, 516882, 80, 3);
        issue(lib.resolve("e/Saga 001 (2013).cbz"), "Saga", "1", 2013, 0, 80, 3); // another year: another issue

        Cli.Run run = run("duplicates", "--json", lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode groups = Json.mapper().readTree(run.out()).path("groups");
        assertThat(groups).hasSize(1);
        JsonNode group = groups.get(0);
        assertThat(group.path("issue").asText()).contains("metron:516881");
        assertThat(group.path("best").path("path").asText()).endsWith("Saga 001 high.cbz");
        assertThat(group.path("best").path("resolution").asText()).isEqualTo("80x120");
        assertThat(group.path("best").path("pages").asInt()).isEqualTo(3);
        assertThat(group.path("best").path("format").asText()).isEqualTo("CBZ");
        assertThat(group.path("best").path("image_format").asText()).isNotEmpty();
        assertThat(group.path("reason").asText()).contains("highest resolution");
        assertThat(group.path("others").findValuesAsText("path")).hasSize(2);

        Cli.Run text = run("duplicates", lib.toString());
        assertThat(text.out()).contains("best  " + lib.resolve("b/Saga 001 high.cbz")).contains("80x120").contains("1 groups");
    }

    @Test
    void extrasAreMovedAsideJournalledAndUndone() throws Exception {
        Path lib = dir.resolve("lib");
        Path journals = dir.resolve("journals");
        issue(lib.resolve("a/low.cbz"), "Saga", "1", 2012, 516881, 40, 2);
        issue(lib.resolve("b/high.cbz"), "Saga", "1", 2012, 516881, 80, 2);
        Map<String, String> before = OrganizeCrashTest.snapshot(lib);
        Path extras = dir.resolve("extras");
        Cli.Run run = run("duplicates", "--move-extras", extras.toString(), "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lib.resolve("a/low.cbz")).doesNotExist();
        assertThat(lib.resolve("a")).doesNotExist();
        try (var walk = Files.walk(extras)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList()).containsExactly("low.cbz");
        }
        Cli.Run undo = run("undo", "--journal-dir", journals.toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(OrganizeCrashTest.snapshot(lib)).isEqualTo(before);
        assertThat(extras).doesNotExist();
    }

    @Test
    void validateReportsSchemaProblemsWithTheirLines() throws Exception {
        Path good = TaggedArchives.write(dir.resolve("good.cbz"), "Image", "Saga", 2012, "1", 2012, 516881, 1, 1);
        Path bad = ArchiveBuilder.cbz().randomPages(1, 32, 1)
                .entry("ComicInfo.xml", "<?xml version=\"1.0\"?>\n<ComicInfo>\n  <Series>Saga</Series>\n  <Year>twenty</Year>\n</ComicInfo>\n")
                .entry("MetronInfo.xml", "<?xml version=\"1.0\"?>\n<MetronInfo>\n  <IDS><ID source=\"Metron\" primary=\"true\">1</ID>"
                        + "<ID source=\"Comic Vine\" primary=\"true\">2</ID></IDS>\n  <Series><Name>Saga</Name></Series>\n"
                        + "  <AlternativeNumber>1A</AlternativeNumber>\n  <Bogus/>\n</MetronInfo>\n")
                .writeTo(dir.resolve("bad.cbz"));
        Cli.Run ok = run("validate", good.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("ComicInfo.xml valid (ComicInfo v2.0)").contains("MetronInfo.xml valid (MetronInfo v1.1)");

        Cli.Run run = run("validate", "--json", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        JsonNode files = Json.mapper().readTree(run.out()).path("files").get(0).path("files");
        assertThat(files.get(0).path("verdict").asText()).isEqualTo("INVALID");
        assertThat(files.get(0).path("problems").get(0).asText()).startsWith("line 4:").contains("twenty");
        List<String> metronProblems = new ArrayList<>();
        files.get(1).path("problems").forEach(p -> metronProblems.add(p.asText()));
        assertThat(metronProblems).anyMatch(p -> p.contains("Bogus")).anyMatch(p -> p.contains("primary"))
                .noneMatch(p -> p.contains("AlternativeNumber"));
    }

    @Test
    void stripRemovesOurMetadataAndKeepsEveryPageByteForByte() throws Exception {
        Path file = TaggedArchives.write(dir.resolve("book.cbz"), "Image", "Saga", 2012, "1", 2012, 516881, 3, 1);
        List<byte[]> pagesBefore = pages(file);
        Cli.Run dry = run("strip", "--dry-run", "--metroninfo", file.toString());
        assertThat(dry.out()).contains("would strip").contains("MetronInfo.xml");
        Cli.Run run = run("strip", "--json", "--metroninfo", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.mapper().readTree(run.out()).path("stripped").asInt()).isEqualTo(1);
        try (ComicArchive archive = Archives.open(file)) {
            assertThat(archive.metadataEntry("MetronInfo.xml")).isEmpty();
            assertThat(archive.metadataEntry("ComicInfo.xml")).isPresent();
        }
        assertThat(pages(file)).containsExactlyElementsOf(pagesBefore);
        run("strip", file.toString());
        try (ComicArchive archive = Archives.open(file)) {
            assertThat(archive.metadataEntry("ComicInfo.xml")).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("book.cbz");
        }
    }

    @Test
    void missingListsArchivesWithoutMetadataOrWithoutAMetronId() throws Exception {
        TaggedArchives.write(dir.resolve("lib/with id.cbz"), "Image", "Saga", 2012, "1", 2012, 516881, 1, 1);
        TaggedArchives.write(dir.resolve("lib/no id.cbz"), "Image", "Saga", 2012, "2", 2012, 0, 1, 2);
        ArchiveBuilder.cbz().randomPages(1, 32, 3).writeTo(dir.resolve("lib/untagged.cbz"));
        Cli.Run run = run("missing", "--json", dir.resolve("lib").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.path("checked").asInt()).isEqualTo(3);
        assertThat(json.path("files").findValuesAsText("missing")).containsExactly("metron-id", "metadata");
        assertThat(json.path("files").findValuesAsText("path").get(0)).endsWith("no id.cbz");
        assertThat(run("missing", dir.resolve("lib/with id.cbz").toString()).exitCode()).isZero();
    }

    private static List<byte[]> pages(Path file) throws Exception {
        List<byte[]> pages = new ArrayList<>();
        try (ComicArchive archive = Archives.open(file)) {
            for (ArchiveEntry page : archive.pages()) {
                pages.add(archive.read(page, 1 << 20));
            }
        }
        return pages;
    }
}
