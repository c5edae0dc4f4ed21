package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BasicCommandsTest {

    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("--version").out()).startsWith("Metronome ");
        Cli.Run help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("show", "parse", "sync", "scrobble", "config", "mock-metron", "Exit codes");
        for (String command : new String[] {"show", "parse", "sync", "scrobble", "config", "mock-metron", "mock-komga"}) {
            Cli.Run commandHelp = Cli.run(command, "--help");
            assertThat(commandHelp.exitCode()).as(command).isZero();
            assertThat(commandHelp.out()).as(command).contains("Usage: metronome " + command);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Run unknown = Cli.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("show").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("parse", "--no-such-option", "x").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void parsePrintsWhatWasUnderstoodInTextAndJson() throws Exception {
        Cli.Run text = Cli.run("parse", "Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Amazing Spider-Man").contains("2018");

        // the global option works after the subcommand, and before it
        for (String[] args : new String[][] {{"parse", "--json", "X-Men v2 #1 (1991) (c2c).cbr"},
                {"--json", "parse", "X-Men v2 #1 (1991) (c2c).cbr"}}) {
            Cli.Run json = Cli.run(args);
            JsonNode node = Json.mapper().readTree(json.out());
            assertThat(node.at("/series/value").asText()).isEqualTo("X-Men");
            assertThat(node.at("/issue/value/normalized").asText()).isEqualTo("1");
            assertThat(node.at("/volume/value").asInt()).isEqualTo(2);
            assertThat(node.at("/year/value").asInt()).isEqualTo(1991);
        }
        Cli.Run folder = Cli.run("--json", "parse", "Saga (2012)/001.cbz", "Batman - The Long Halloween 01 (of 13) (1996).cbz");
        JsonNode both = Json.mapper().readTree(folder.out());
        assertThat(both).hasSize(2);
        assertThat(both.get(0).at("/series/value").asText()).isEqualTo("Saga");
        assertThat(both.get(1).at("/issue_count/value").asInt()).isEqualTo(13);
    }

    @Test
    void showDescribesAnArchiveAndReportsABadOneInOneLine() throws Exception {
        Path cbz = ArchiveBuilder.cbz().page("page2.jpg", new byte[] {2}).page("page10.jpg", new byte[] {10})
                .entry("ComicInfo.xml", "<ComicInfo><Series>Saga</Series><Number>1</Number></ComicInfo>")
                .writeTo(dir.resolve("Saga 001.cbr"));
        Cli.Run text = Cli.run("show", "--pages", cbz.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("CBZ (the extension says otherwise)").contains("page2.jpg").contains("ComicInfo.xml");
        assertThat(text.out().indexOf("page2.jpg")).isLessThan(text.out().indexOf("page10.jpg"));
        assertThat(text.out()).containsPattern("series +Saga").containsPattern("number +1");

        Cli.Run json = Cli.run("show", "--json", cbz.toString());
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.get("format").asText()).isEqualTo("CBZ");
        assertThat(node.get("page_count").asInt()).isEqualTo(2);
        assertThat(node.get("extension_mismatch").asBoolean()).isTrue();
        assertThat(node.at("/comic_info/series/name").asText()).isEqualTo("Saga");
        assertThat(node.at("/comic_info/number/raw").asText()).isEqualTo("1");
        assertThat(node.get("metron_info").isNull()).isTrue();

        Path bad = Files.writeString(dir.resolve("broken.cbz"), "not a zip");
        Cli.Run failed = Cli.run("show", bad.toString());
        assertThat(failed.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(failed.err().strip()).startsWith("metronome: ").contains("broken.cbz").contains("not a comic archive")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void completionScriptIsGenerated() {
        Cli.Run completion = Cli.run("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete").contains("metronome");
    }
}
