package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.metron.FaultyMetronServer;
import dev.metronome.fixtures.metron.FaultyMetronServer.Mode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200-file {@code tag} run against a dead or hostile Metron, through the real command: it gives up after three
 * failed requests in a row, exits 4 with one line naming the cause and what to do, and its summary is honest
 * (errors + not reached = 200). Timeouts and backoffs are made short through the config keys, so the whole class
 * takes seconds; {@link DeadMetronBench} runs the same with the defaults and times it.
 */
class DeadMetronTest {

    static final int FILES = 200;
    static final int JOBS = 2;

    @TempDir
    static Path dir;
    static Path library;

    @BeforeAll
    static void library() {
        library = DeadMetronRuns.library(dir.resolve("library"), FILES);
    }

    private static Map<String, String> shortTimeouts(Mode mode) {
        return Map.of("metron.connect-timeout", "5", "metron.timeout", mode == Mode.STALL ? "1" : "20",
                "metron.retry-backoff", "10ms", "jobs", Integer.toString(JOBS));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REFUSED", "STALL", "SERVER_ERRORS", "UNAVAILABLE_RETRY_AFTER",
            "HUGE_BODY"})
    void theRunGivesUpWithExitFourOneLineAndAnHonestSummary(Mode mode) {
        DeadMetronRuns.Outcome run = DeadMetronRuns.run(mode, library, dir, shortTimeouts(mode), 1, true);

        assertThat(run.exitCode()).as(String.join("\n", run.errLines())).isEqualTo(ExitCode.FATAL);
        // one line: that Metron is unreachable or failing, why, and what to do; no stack trace
        assertThat(run.errLines()).hasSize(1);
        String line = run.errLines().get(0);
        assertThat(line).startsWith("metronome: Metron at 127.0.0.1 is ").contains(DeadMetronRuns.cause(mode),
                "the run stopped", "--wait-for-quota does not help").doesNotContain("Exception");
        assertThat(line).containsAnyOf("run again later", "Run again after");

        // honest: the files in hand failed with their cause, the rest were not reached, none is missing
        JsonNode report = run.report();
        assertThat(report.path("stopped").asText()).isEqualTo(line.substring("metronome: ".length()));
        assertThat(run.errors() + run.notReached()).isEqualTo(FILES);
        assertThat(report.path("summary").path("files").asInt()).isEqualTo(FILES);
        assertThat(run.errors()).isBetween(3, 3 + JOBS - 1);
        List<String> statuses = new ArrayList<>();
        report.path("files").forEach(f -> {
            statuses.add(f.path("status").asText());
            if (f.path("status").asText().equals("error")) {
                assertThat(f.path("error").asText()).isNotBlank();
            }
        });
        assertThat(statuses).hasSize(FILES).containsOnly("error", "not_reached");

        // bounded: three failed requests (one more per other file in hand), each with its few retries
        int requests = switch (mode) {
            case REFUSED -> (int) run.ioErrors() / 3; // three attempts each, none reaches the server
            case SERVER_ERRORS, UNAVAILABLE_RETRY_AFTER -> run.serverRequests() / 4; // three retries each
            default -> run.serverRequests(); // timeouts and oversized answers are not retried
        };
        assertThat(requests).isBetween(3, 3 + JOBS - 1);
        if (mode == Mode.REFUSED) {
            assertThat(run.serverRequests()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REFUSED", "SERVER_ERRORS"})
    void withAWarmCacheAFailingSyncStillEndsWithAnHonestSummary(Mode mode) throws Exception {
        Path home = Files.createDirectories(dir.resolve("warm-" + mode));
        Path configFile = Files.writeString(home.resolve("config.properties"), shortTimeouts(mode).entrySet()
                .stream().map(e -> e.getKey() + " = " + e.getValue() + "\n").collect(Collectors.joining()));
        int files = 6;
        Path small = DeadMetronRuns.library(home.resolve("library"), files);
        try (FaultyMetronServer server = FaultyMetronServer.start(Mode.HEALTHY)) {
            Map<String, String> env = Map.of("METRON_URL", server.baseUrl(), "METRON_USER", "tagger",
                    "METRON_PASS", "tagger-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString());
            // a first run warms the cache and records a sync point: the next run starts with a modified_gt query
            // (--id: one request for the whole run, whatever the empty answer makes of the files)
            Cli.Run first = Cli.run(env, home, "tag", "--id", "1", "--config", configFile.toString(),
                    small.toString());
            assertThat(first.err()).doesNotContain("Metron at");
            int before = server.requests();
            server.mode(mode);

            Cli.Run run = Cli.run(env, home, "tag", "--json", "--config", configFile.toString(), small.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FATAL);
            List<String> lines = run.err().lines().toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("metronome: Metron at 127.0.0.1 is ")
                    .contains(DeadMetronRuns.cause(mode), "the run stopped");
            JsonNode report = Json.mapper().readTree(run.out());
            assertThat(report.path("stopped").asText()).isEqualTo(lines.get(0).substring("metronome: ".length()));
            assertThat(report.path("summary").path("files").asInt()).isEqualTo(files);
            int errors = report.path("summary").path("errors").asInt();
            int notReached = report.path("summary").path("not_reached").asInt();
            assertThat(errors + notReached).isEqualTo(files);
            // the files in hand when Metron gave out failed with their cause; the rest were not reached
            assertThat(errors).isPositive();
            assertThat(notReached).isPositive();
            List<String> statuses = new ArrayList<>();
            report.path("files").forEach(f -> statuses.add(f.path("status").asText()));
            assertThat(statuses).hasSize(files).allMatch(s -> s.equals("error") || s.equals("not_reached"));
            if (mode == Mode.SERVER_ERRORS) {
                // the sync counts as one of the three failed requests (each sent 4 times: 3 retries)
                assertThat(server.requests() - before).isBetween(4 * 3, 4 * (3 + JOBS - 1));
            }
        }
    }

    @Test
    void theTextSummaryCountsTheFilesNotReached() {
        DeadMetronRuns.Outcome run = DeadMetronRuns.run(Mode.REFUSED, library, dir, shortTimeouts(Mode.REFUSED), 1,
                false);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FATAL);
        assertThat(run.out()).containsPattern("errors +[34]\\n").containsPattern("not reached +19[67] ")
                .contains("Errors", "connection refused");
        assertThat(run.errLines()).last().asString().startsWith("metronome: Metron at 127.0.0.1 is unreachable")
                .contains("connection refused", "Check your network");
        assertThat(run.errLines()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }
}
