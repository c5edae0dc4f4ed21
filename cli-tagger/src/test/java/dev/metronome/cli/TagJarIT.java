package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.archive.TempFiles;

import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tag} through the fat jar as a separate process: JSON output, exit codes, and Ctrl-C mid-run. */
class TagJarIT {

    @TempDir
    Path dir;

    private static ProcessBuilder metronome(Path workDir, FakeMetronServer metron, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("metronome.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("METRON_URL", metron.baseUrl());
        builder.environment().put("METRON_USER", "jar");
        builder.environment().put("METRON_PASS", "jar-pass");
        builder.environment().put("METRONOME_CACHE_DIR", workDir.resolve("cache").toString());
        builder.environment().put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
        return builder;
    }

    @Test
    void jsonReportThroughTheJar() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        int count = SampleLibrary.create(library).size();
        try (FakeMetronServer metron = FakeMetronServer.builder().account("jar", "jar-pass")
                .burst(1000, Duration.ofSeconds(10)).start()) {
            Path out = dir.resolve("out.json");
            Process process = metronome(dir, metron, "identify", "--json", library.toString())
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isIn(ExitCode.OK, ExitCode.SOME_NOT_TAGGED);
            JsonNode report = Json.mapper().readTree(out.toFile());
            assertThat(report.at("/summary/files").asInt()).isEqualTo(count);
            assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("\r").doesNotContain("Exception");
        }
    }

    @Test
    void ctrlCStopsAfterTheFileInHandAndLeavesEveryArchiveWhole() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        SampleLibrary.create(library);
        // a slow server, so that the run is still going when the signal comes
        try (FakeMetronServer metron = FakeMetronServer.builder().account("jar", "jar-pass")
                .burst(1000, Duration.ofSeconds(10)).latency(Duration.ofMillis(400)).start()) {
            Process process = metronome(dir, metron, "tag", library.toString())
                    .redirectOutput(dir.resolve("out.txt").toFile()).start();
            int seen = 0;
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.startsWith("[") && ++seen == 2) {
                        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
                    }
                }
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).as("files finished before stopping").isGreaterThanOrEqualTo(2);
            String out = Files.readString(dir.resolve("out.txt"));
            assertThat(out).contains("Summary");
            assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        }
        try (var files = Files.walk(library)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("broken.cbz")).toList()) {
                assertThat(TempFiles.isTempFile(file)).as(file.toString()).isFalse();
                try (ComicArchive archive = Archives.open(file)) {
                    for (var entry : archive.entries()) {
                        archive.read(entry, 64 << 20);
                    }
                } catch (ArchiveException e) {
                    throw new AssertionError("not whole after Ctrl-C: " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void sigtermInterruptsANetworkWaitAndStillPrintsTheSummary() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        SampleLibrary.create(library);
        // every answer takes 20 s: a run that waited them out would take minutes
        try (FakeMetronServer metron = FakeMetronServer.builder().account("jar", "jar-pass")
                .burst(1000, Duration.ofSeconds(10)).latency(Duration.ofSeconds(20)).start()) {
            Process process = metronome(dir, metron, "tag", library.toString())
                    .redirectOutput(dir.resolve("out.txt").toFile()).start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null && !line.contains("files to do")) {
                    // until the run has started
                }
                // the first request is on its way (it takes 20 s): stop the run as a service manager would
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (metron.inFlight() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                long signalled = System.nanoTime();
                new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(15));
                while (err.readLine() != null) {
                    // drain
                }
            }
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("Summary");
            assertThat(process.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        }
    }

    @Test
    void sigtermAfterTheFirstFileCountsAndListsTheRestAsNotReached() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        int count = SampleLibrary.create(library).size();
        Path reportFile = dir.resolve("report.json");
        // a slow Metron and one file at a time: the run is still going when the first file is done
        try (FakeMetronServer metron = FakeMetronServer.builder().account("jar", "jar-pass")
                .burst(1000, Duration.ofSeconds(10)).latency(Duration.ofSeconds(1)).start()) {
            Process process = metronome(dir, metron, "tag", "--jobs", "1", "--report", reportFile.toString(),
                    library.toString()).redirectOutput(dir.resolve("out.txt").toFile()).start();
            List<String> errLines = new ArrayList<>();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null && !line.startsWith("[")) {
                    errLines.add(line);
                }
                assertThat(line).as("a first file was done: " + errLines).isNotNull();
                // SIGTERM, as a service manager stops a job (Process.destroy() would also close our end of stderr)
                new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
                while ((line = err.readLine()) != null) {
                    errLines.add(line);
                }
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join("\n", errLines)).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(errLines).last().asString().startsWith("metronome: interrupted (SIGTERM)")
                    .contains("run the same command again");

            // the JSON report has every file: the first done, the rest counted and listed as not reached
            JsonNode report = Json.mapper().readTree(reportFile.toFile());
            assertThat(report.at("/summary/files").asInt()).isEqualTo(count);
            assertThat(report.path("files")).hasSize(count);
            int notReached = report.at("/summary/not_reached").asInt();
            assertThat(notReached).isBetween(1, count - 1);
            List<String> listed = new ArrayList<>();
            report.path("files").forEach(f -> {
                if (f.path("status").asText().equals("not_reached")) {
                    listed.add(f.path("path").asText());
                }
            });
            assertThat(listed).hasSize(notReached);
            assertThat(report.path("stopped").asText()).startsWith("interrupted (SIGTERM)");
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("Summary")
                    .containsPattern("not reached +" + notReached + " ");
        }
    }
}
