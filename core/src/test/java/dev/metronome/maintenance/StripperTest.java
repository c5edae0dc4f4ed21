package dev.metronome.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripperTest {

    @TempDir
    Path dir;

    /** Both rewrite paths: the splicer (classic ZIP) and the raw entry copy (ZIP64). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void metadataAtAnyDepthAndCaseGoesAndEveryOtherEntryStays(boolean zip64) throws Exception {
        Path file = ArchiveBuilder.cbz().zip64(zip64).randomPages(3, 500, 1)
                .entry("comicinfo.xml", "<ComicInfo><Series>x</Series></ComicInfo>")
                .entry("sub/ComicInfo.xml", "<ComicInfo/>")
                .entry("MetronInfo.xml", "<MetronInfo/>")
                .entry("notes.txt", "keep me")
                .writeTo(dir.resolve("book.cbz"));
        List<String> before = names(file);
        Stripper.Result result = new Stripper(new ArchiveWriter()).strip(file, Set.of("ComicInfo.xml"), false);
        assertThat(result.error()).isNull();
        assertThat(result.removed()).containsExactly("comicinfo.xml", "sub/ComicInfo.xml");
        List<String> expected = new ArrayList<>(before);
        expected.removeAll(List.of("comicinfo.xml", "sub/ComicInfo.xml"));
        assertThat(names(file)).containsExactlyElementsOf(expected);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1); // no temp file left
        }
    }

    @Test
    void aReadOnlyFormatIsReportedAndLeftAlone() throws Exception {
        Path file = ArchiveBuilder.cb7().randomPages(1, 100, 1).entry("ComicInfo.xml", "<ComicInfo/>").writeTo(dir.resolve("b.cb7"));
        byte[] before = Files.readAllBytes(file);
        Stripper.Result result = new Stripper(new ArchiveWriter()).strip(file, Set.of("ComicInfo.xml"), false);
        assertThat(result.error()).contains("read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static List<String> names(Path file) throws Exception {
        try (ComicArchive archive = Archives.open(file)) {
            return archive.entries().stream().map(ArchiveEntry::name).toList();
        }
    }
}
