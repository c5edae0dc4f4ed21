package dev.metronome.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoTagsTheSampleLibraryOfflineAndShowsTheResult() throws Exception {
        Path target = dir.resolve("demo");
        Cli.Run run = Cli.run("demo", target.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Summary").contains("The new ComicInfo.xml of").contains("<ComicInfo")
                .contains("metronome tag ~/comics").contains("0 wrong");
        try (var files = Files.walk(target)) {
            assertThat(files.filter(p -> p.toString().endsWith(".cbz")).count()).isGreaterThanOrEqualTo(10);
        }
        assertThat(Cli.run("demo", target.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
