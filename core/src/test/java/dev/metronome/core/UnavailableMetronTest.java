package dev.metronome.core;

import dev.metronome.api.Decision;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FaultyMetronServer;
import dev.metronome.fixtures.metron.FaultyMetronServer.Mode;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.metron.Availability;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.Sleeper;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against a Metron that fails every request: a run stops with an honest report (errors, then the files
 * not reached, and why), and a long-lived host does not die: it pauses, then probes, and goes on when Metron is back.
 */
class UnavailableMetronTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    /** Moves the clock instead of sleeping (backoffs and the rate limiter). */
    private final Sleeper sleeper = d -> clock.advance(d.isNegative() ? Duration.ZERO : d);

    private Metronome engine(FaultyMetronServer server, Path cache, Duration pause) {
        MetronSettings settings = MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()))
                .withBudgets(1000, Duration.ofMinutes(1), 5000, Duration.ofDays(1));
        return Metronome.builder().settings(settings).credentials(MetronCredentials.basic("alice", "pw"))
                .cacheDir(cache).clock(clock).sleeper(sleeper).jobs(1).pauseWhenUnavailable(pause).build();
    }

    private static List<Path> archives(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            files.add(ArchiveBuilder.cbz().randomPages(1, 200, i)
                    .writeTo(dir.resolve(String.format("Saga %03d (2012).cbz", i))));
        }
        return files;
    }

    @Test
    void aRunStopsWithTheFilesNotReachedCountedAndTheReasonInOneLine(@TempDir Path dir) throws IOException {
        archives(dir.resolve("lib"), 20);
        try (FaultyMetronServer server = FaultyMetronServer.start(Mode.SERVER_ERRORS);
             Metronome engine = engine(server, dir.resolve("cache"), null)) {
            RunReport report = engine.newRun(TaggingOptions.defaults().withJobs(1).withDryRun(true), null)
                    .run(List.of(dir.resolve("lib")));

            assertThat(report.stopped()).isNotNull().doesNotContain("\n").contains("failing", "HTTP 500");
            assertThat(report.summary().files()).isEqualTo(20);
            assertThat(report.summary().errors() + report.summary().notReached()).isEqualTo(20);
            assertThat(report.summary().errors()).isEqualTo(Availability.FAILURES_IN_A_ROW);
            assertThat(report.files()).filteredOn(f -> f.status().equals(FileReport.ERROR))
                    .allSatisfy(f -> assertThat(f.error()).contains("500"));
            assertThat(report.files()).filteredOn(f -> f.status().equals(FileReport.NOT_REACHED)).hasSize(17)
                    .allSatisfy(f -> assertThat(f.error()).isNull());
            // three requests, each sent four times (three retries), and nothing after
            assertThat(server.requests()).isEqualTo(12);
        }
    }

    @Test
    void aHostPausesThenProbesAndGoesOnWithoutDying(@TempDir Path dir) throws IOException {
        List<Path> files = archives(dir.resolve("lib"), 6);
        try (FaultyMetronServer server = FaultyMetronServer.start(Mode.REFUSED);
             Metronome engine = engine(server, dir.resolve("cache"), Availability.HOST_PAUSE)) {
            for (int i = 0; i < 3; i++) {
                Decision d = engine.identify(files.get(i));
                assertThat(d.status()).isEqualTo(Decision.Status.ERROR);
            }
            Decision paused = engine.identify(files.get(3));
            assertThat(paused.status()).isEqualTo(Decision.Status.ERROR);
            assertThat(String.join(" ", paused.reasons())).contains("unreachable", "nothing is sent before");

            // Metron is back; within the pause nothing is sent, after it one probe goes and the host goes on
            server.mode(Mode.HEALTHY);
            engine.identify(files.get(3));
            assertThat(server.requests()).isZero();
            clock.advance(Availability.HOST_PAUSE);
            Decision back = engine.identify(files.get(4));
            assertThat(back.status()).isNotEqualTo(Decision.Status.ERROR);
            assertThat(server.requests()).isPositive();
            assertThat(engine.identify(files.get(5)).status()).isNotEqualTo(Decision.Status.ERROR);
        }
    }
}
