package dev.metronome.example;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Embedding the core jar" example, compiled and run against the fake Metron server. Keep the block
 * between the markers identical to the README.
 */
class EmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleIdentifiesFetchesAndTags() throws Exception {
        Path book = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1, 2, 3})
                .entry("ComicInfo.xml", "<ComicInfo><Series>Saga</Series><Number>1</Number><Year>2012</Year></ComicInfo>")
                .writeTo(dir.resolve("Saga 001 (2012).cbz"));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("user", "password")
                .burst(1000, Duration.ofSeconds(10)).start()) {
            MetronSettings settings = MetronSettings.defaults().withBaseUrl(URI.create(metron.baseUrl()));
            Path cache = dir.resolve("cache");
            String printed;
            // --- README example starts ---
            try (Metronome metronome = Metronome.builder()
                    .settings(settings)                                  // omit to use https://metron.cloud/api/
                    .credentials(MetronCredentials.basic("user", "password"))
                    .cacheDir(cache)
                    .build()) {
                Decision decision = metronome.identify(book);
                if (decision.status() == Decision.Status.MATCHED) {
                    ComicMetadata metadata = metronome.metadata(decision.issueId());
                    printed = metadata.series().name() + " #" + metadata.number().raw();
                    FileResult result = metronome.tag(book, TagOptions.forIssue(decision.issueId()));
                    System.out.println(printed + ": " + result.outcome());
                } else {
                    printed = decision.status() + " " + decision.reasons();
                }
            }
            // --- README example ends ---
            assertThat(printed).isEqualTo("Saga #1");
        }
        try (ComicArchive archive = Archives.open(book)) {
            assertThat(new String(archive.readMetadata("ComicInfo.xml").orElseThrow(), StandardCharsets.UTF_8))
                    .contains("<Series>Saga</Series>").contains("[issue_id:516881]");
        }
    }
}
