package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A re-run over an unchanged library opens no archive and costs one request. */
class UnchangedRerunTest {

    @TempDir
    Path home;

    private FakeMetronServer metron;
    private Map<String, String> env;
    private Path library;

    @BeforeEach
    void start() throws Exception {
        metron = FakeMetronServer.builder().account("tagger", "tagger-pass").burst(1000, Duration.ofSeconds(10)).start();
        env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "tagger", "METRON_PASS", "tagger-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString());
        library = Files.createDirectories(home.resolve("library"));
        SampleLibrary.create(library);
        Files.delete(library.resolve("broken.cbz"));
    }

    @AfterEach
    void stop() {
        metron.close();
    }

    private static List<String> unchanged(JsonNode report) {
        List<String> paths = new ArrayList<>();
        for (JsonNode file : report.get("files")) {
            if (file.get("evidence").toString().contains("unchanged since the last run")) {
                paths.add(file.get("path").asText());
            }
        }
        return paths;
    }

    @Test
    void anUnchangedFileIsReportedFromTheLastRunAndAChangedOneIsOpenedAgain() throws Exception {
        Cli.Run first = Cli.run(env, home, "tag", library.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

        Cli.Run second = Cli.run(env, home, "tag", "--json", library.toString());

        assertThat(second.exitCode()).isZero();
        JsonNode report = Json.mapper().readTree(second.out());
        assertThat(unchanged(report)).hasSize(7);
        assertThat(report.at("/summary/matched").asInt()).isEqualTo(7);
        assertThat(report.at("/summary/requests/total").asInt()).as(second.out()).isEqualTo(1);

        Path touched = library.resolve("scan0007.cbz");
        Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 5_000));
        JsonNode third = Json.mapper().readTree(Cli.run(env, home, "tag", "--json", library.toString()).out());
        assertThat(unchanged(third)).hasSize(6).doesNotContain(touched.toString());
        assertThat(third.at("/summary/matched").asInt()).isEqualTo(7);
    }

    @Test
    void aRunThatWritesMoreThanTheLastOneOpensTheFilesAgain() throws Exception {
        assertThat(Cli.run(env, home, "tag", library.toString()).exitCode()).isZero();

        Cli.Run withMetronInfo = Cli.run(env, home, "tag", "--metroninfo", "--json", library.toString());

        JsonNode report = Json.mapper().readTree(withMetronInfo.out());
        assertThat(unchanged(report)).isEmpty();
        try (ComicArchive archive = Archives.open(library.resolve("scan0007.cbz"))) {
            assertThat(archive.readMetadata("MetronInfo.xml")).isPresent();
        }
    }
}
