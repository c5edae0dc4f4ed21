package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FaultyMetronServer;
import dev.metronome.fixtures.metron.FaultyMetronServer.Mode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A library of small archives tagged, through the real {@code tag} command in-process, against a dead or hostile
 * Metron ({@link FaultyMetronServer}): what {@link DeadMetronTest} checks and {@link DeadMetronBench} times.
 */
final class DeadMetronRuns {

    /** What one run printed and did. */
    record Outcome(Mode mode, int exitCode, String out, JsonNode report, List<String> errLines, int serverRequests,
                   long wallMs) {

        int errors() {
            return report.path("summary").path("errors").asInt(-1);
        }

        int notReached() {
            return report.path("summary").path("not_reached").asInt(-1);
        }

        long ioErrors() {
            return report.path("summary").path("requests").path("by_outcome").path("io-error").asLong(0);
        }
    }

    private DeadMetronRuns() {
    }

    /** The words the one stop line uses for each mode's cause. */
    static String cause(Mode mode) {
        return switch (mode) {
            case REFUSED -> "connection refused";
            case STALL -> "timed out";
            case SERVER_ERRORS -> "HTTP 500";
            case UNAVAILABLE_RETRY_AFTER -> "HTTP 503 with Retry-After";
            case HUGE_BODY -> "larger than 32 MB";
            default -> throw new IllegalArgumentException(mode.name());
        };
    }

    /** Creates {@code count} small archives, each of its own series, in {@code folder}. */
    static Path library(Path folder, int count) {
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                String series = "Series " + (char) ('A' + i / 26 % 26) + (char) ('a' + i % 26);
                ArchiveBuilder.cbz().page("001.jpg", (series + " cover").getBytes(StandardCharsets.UTF_8))
                        .writeTo(folder.resolve(series + " 001 (2012).cbz"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tags the library against a Metron in this mode.
     *
     * @param mode       what every request meets
     * @param library    the archives
     * @param work       a folder for the config file, the cache and the home folder
     * @param config     config file keys (e.g. {@code metron.timeout}); empty for the defaults
     * @param retryAfter the Retry-After seconds of the 503s
     * @param json       whether to ask for the JSON report (else the text one)
     * @return what happened
     */
    static Outcome run(Mode mode, Path library, Path work, Map<String, String> config, int retryAfter,
                       boolean json) {
        try {
            Path home = Files.createDirectories(work.resolve(mode.name().toLowerCase(java.util.Locale.ROOT)
                    + (json ? "-json" : "-text")));
            Path configFile = Files.writeString(home.resolve("config.properties"), config.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue() + "\n").collect(Collectors.joining()));
            try (FaultyMetronServer server = FaultyMetronServer.start(mode).retryAfterSeconds(retryAfter)) {
                Map<String, String> env = Map.of("METRON_URL", server.baseUrl(), "METRON_USER", "tagger",
                        "METRON_PASS", "tagger-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString());
                long start = System.nanoTime();
                Cli.Run run = json ? Cli.run(env, home, "tag", "--json", "--config", configFile.toString(),
                        library.toString()) : Cli.run(env, home, "tag", "--config", configFile.toString(),
                        library.toString());
                long wallMs = (System.nanoTime() - start) / 1_000_000;
                JsonNode report = !json || run.out().isBlank() ? Json.mapper().createObjectNode()
                        : Json.mapper().readTree(run.out());
                return new Outcome(mode, run.exitCode(), run.out(), report, run.err().lines().toList(),
                        server.requests(), wallMs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
