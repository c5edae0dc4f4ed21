package dev.metronome.kavita;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kavita reads ComicInfo.xml only from .cbz/.cbr/.cb7/.cbt: a chapter whose file is a .zip gets nothing written into
 * it in file mode (Kavita would never read it); it is patched through the API instead, and the result says so.
 */
class KavitaFileModeFallbackTest {

    @TempDir
    Path root;

    @Test
    void aZipChapterInFileModeIsPatchedAndItsFileLeftAlone() throws Exception {
        Path zip = CbzFiles.write(root.resolve("Saga/Saga 009.zip"), Map.of(), 2);
        byte[] before = Files.readAllBytes(zip);
        try (FakeKavitaServer fake = FakeKavitaServer.builder().library("Comics", root).start();
             LibraryServer server = new KavitaProvider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                     "api-key", fake.apiKey(), "path-map", root + "=" + root)), IssueTagger.host())) {
            List<Book> books = server.books(BookQuery.untagged(List.of())).content();
            assertThat(books).hasSize(1);
            ApplyResult result = server.apply(books.get(0), new IssueTagger().metadata(1009), ApplyMode.FILE);

            assertThat(result.modeUsed()).isEqualTo(ApplyMode.PATCH);
            assertThat(result.message()).contains("only from CBZ/CBR/CB7/CBT");
            assertThat(Files.readAllBytes(zip)).isEqualTo(before);
            int chapter = fake.chapterIdByFileName("Saga 009.zip").orElseThrow();
            assertThat(fake.chapterMetadata(chapter).orElseThrow().path("webLinks").asText())
                    .contains(IssueTagger.metronUrl(9));
            assertThat(fake.violations()).isEmpty();
        }
    }
}
