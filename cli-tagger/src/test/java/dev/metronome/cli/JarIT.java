package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the fat jar as a user would: a separate process, its exit code and output. */
class JarIT {

    @TempDir
    Path dir;

    /** The outcome of one process. */
    record Result(int exitCode, String out, String err) {
    }

    static Result metronome(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("metronome.jar")));
        command.addAll(List.of(args));
        Path out = workDir.resolve("out-" + System.nanoTime());
        Path err = workDir.resolve("err-" + System.nanoTime());
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionHelpAndExitCodes() throws Exception {
        Result version = metronome(dir, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Metronome 0.");
        assertThat(metronome(dir, "--help").out()).contains("Usage: metronome");
        assertThat(metronome(dir, "no-such-command").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void parseJsonAndABadArchiveInOneLine() throws Exception {
        Result parsed = metronome(dir, "parse", "--json", "Batman - The Long Halloween 01 (of 13) (1996).cbz");
        assertThat(parsed.exitCode()).isZero();
        JsonNode node = Json.mapper().readTree(parsed.out());
        assertThat(node.at("/series/value").asText()).isEqualTo("Batman - The Long Halloween");
        assertThat(node.at("/year/value").asInt()).isEqualTo(1996);

        Path bad = Files.writeString(dir.resolve("bad.cbz"), "garbage");
        Result shown = metronome(dir, "show", bad.toString());
        assertThat(shown.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(shown.err().strip().lines()).hasSize(1);
        assertThat(shown.err()).contains("bad.cbz").doesNotContain("at dev.metronome");
    }

    @Test
    void mockMetronPrintsItsUrlAndServesTheBundledCatalogue() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("metronome.jar"), "mock-metron", "--port", "0", "--burst-limit", "100");
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("mock.err").toFile()).start();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = reader.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/api/");
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "issue/516881/"))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)))
                            .header("User-Agent", "JarIT").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(response.body()).at("/series/name").asText()).isEqualTo("Saga");
            assertThat(response.headers().firstValue("X-RateLimit-Burst-Remaining")).isPresent();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void mockKomgaPrintsItsUrlAndAnApiKeyThatWorks() throws Exception {
        Path library = Files.createDirectories(dir.resolve("komga-library"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("metronome.jar"), "mock-komga", "--library", library.toString(), "--port", "0");
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("komga.err").toFile()).start();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = reader.readLine();
            String keyLine = reader.readLine();
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(keyLine).startsWith("API key: ");
            String base = url.endsWith("/") ? url : url + "/";
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            var withKey = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/v1/libraries"))
                    .header("X-API-Key", keyLine.substring("API key: ".length())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(withKey.statusCode()).isEqualTo(200);
            assertThat(withKey.body()).contains("komga-library");
            var withoutKey = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/v1/libraries")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(withoutKey.statusCode()).isEqualTo(401);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
