package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.CorpusGenerator;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.QuotaWait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --wait-for-quota} across a daily reset, against the fake with a small daily limit and a hand-moved clock:
 * the run waits for the daily window and goes on; Ctrl-C during the wait stops cleanly; the next day's run, with or
 * without the flag, redoes nothing that was done.
 */
class WaitForQuotaTest {

    private static final int DAILY = 25;
    private static final int FILES = 40;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    private FakeMetronServer server() {
        return FakeMetronServer.builder().clock(clock).account("u", "p-123456").daily(DAILY, Duration.ofDays(1))
                .start();
    }

    private Metronome engine(FakeMetronServer server, Path cache, QuotaWait quotaWait) {
        return Metronome.builder().settings(MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl())))
                .credentials(MetronCredentials.basic("u", "p-123456")).cacheDir(cache).clock(clock)
                .sleeper(clock::advance).quotaWait(quotaWait).jobs(2).build();
    }

    private static List<LabelledArchive> library(Path dir) {
        return new CorpusGenerator(Catalogue.bundled()).createTagged(dir, FILES, 77);
    }

    @Test
    void theRunWaitsForTheDailyResetAndGoesOn(@TempDir Path dir) {
        List<LabelledArchive> archives = library(dir.resolve("lib"));
        List<Instant> announced = new CopyOnWriteArrayList<>();
        try (FakeMetronServer server = server();
             Metronome engine = engine(server, dir.resolve("cache"), QuotaWait.waiting(clock, clock::advance,
                     announced::add))) {
            RunReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(dir.resolve("lib")));
            assertThat(report.summary().matched()).isEqualTo(archives.size());
            assertThat(announced).isNotEmpty();
            Instant resume = announced.get(0);
            List<RequestLogEntry> log = server.requestLog();
            // a day's worth of requests, then the wait, then the rest after the reset
            assertThat(resume).isAfter(Instant.parse("2026-03-02T11:59:00Z"))
                    .isBefore(Instant.parse("2026-03-02T12:10:00Z"));
            assertThat(log.stream().filter(e -> e.time().isBefore(resume)).count()).isEqualTo(DAILY);
            assertThat(log.stream().filter(e -> !e.time().isBefore(resume)).count()).isPositive();
            assertThat(log).noneMatch(e -> e.status() == 429);
            assertThat(server.bans()).isEmpty();
            System.out.printf("wait-for-quota: %d files, daily limit %d, %d requests, resumed at %s, all matched%n",
                    archives.size(), DAILY, log.size(), resume);
        }
    }

    @Test
    void withoutTheFlagTheRunStopsAndTheNextDayRedoesNothing(@TempDir Path dir) {
        List<LabelledArchive> archives = library(dir.resolve("lib"));
        try (FakeMetronServer server = server()) {
            try (Metronome engine = engine(server, dir.resolve("cache"), QuotaWait.STOP)) {
                assertThatThrownBy(() -> engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                        .run(List.of(dir.resolve("lib")))).isInstanceOf(MetronException.class)
                        .hasMessageContaining("daily request quota is spent").hasMessageContaining("--wait-for-quota");
            }
            List<String> fetched = server.requestLog().stream().filter(e -> e.status() == 200)
                    .map(RequestLogEntry::pathAndQuery).filter(p -> p.matches("/api/issue/\\d+/")).toList();
            assertThat(fetched).isNotEmpty();
            int before = server.requestLog().size();
            clock.advance(Duration.ofDays(1));
            try (Metronome engine = engine(server, dir.resolve("cache"), QuotaWait.STOP)) {
                RunReport second = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                        .run(List.of(dir.resolve("lib")));
                assertThat(second.summary().matched()).isEqualTo(archives.size());
            }
            assertThat(server.requestLog().subList(before, server.requestLog().size()))
                    .extracting(RequestLogEntry::pathAndQuery).doesNotContainAnyElementsOf(fetched);
        }
    }

    @Test
    void ctrlCDuringTheWaitStopsCleanlyAndTheNextDayRedoesNothing(@TempDir Path dir) {
        List<LabelledArchive> archives = library(dir.resolve("lib"));
        AtomicReference<TaggingRun> running = new AtomicReference<>();
        AtomicReference<QuotaWait.Waiting> waiting = new AtomicReference<>();
        // Ctrl-C as the wait starts: what the CLI's handler does (cancel the run and the wait)
        waiting.set(QuotaWait.waiting(clock, clock::advance, at -> {
            running.get().cancel();
            waiting.get().cancel();
        }));
        try (FakeMetronServer server = server()) {
            RunReport first;
            try (Metronome engine = engine(server, dir.resolve("cache"), waiting.get())) {
                TaggingRun run = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null);
                running.set(run);
                first = run.run(List.of(dir.resolve("lib")));
                assertThat(run.cancelled()).isTrue();
            }
            // stopped cleanly: no error, the files in hand reported, the rest left for later and counted as such
            assertThat(first.files()).hasSize(archives.size()).allMatch(f -> FileReport.MATCHED.equals(f.status())
                    || FileReport.NOT_REACHED.equals(f.status()));
            List<FileReport> matched = first.files().stream().filter(f -> FileReport.MATCHED.equals(f.status()))
                    .toList();
            assertThat(matched).isNotEmpty().hasSizeLessThan(archives.size());
            assertThat(first.summary().notReached()).isEqualTo(archives.size() - matched.size());
            Set<Long> done = matched.stream().map(FileReport::issueId).collect(Collectors.toSet());
            int before = server.requestLog().size();

            clock.advance(Duration.ofDays(1));
            try (Metronome engine = engine(server, dir.resolve("cache"), QuotaWait.STOP)) {
                RunReport second = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                        .run(List.of(dir.resolve("lib")));
                assertThat(second.summary().matched()).isEqualTo(archives.size());
            }
            List<RequestLogEntry> secondRun = server.requestLog().subList(before, server.requestLog().size());
            // nothing done on the first day is asked for again
            assertThat(secondRun).noneMatch(e -> done.stream().anyMatch(id -> e.pathAndQuery()
                    .equals("/api/issue/" + id + "/")));
            assertThat(secondRun.size()).isLessThanOrEqualTo(archives.size() - done.size() + 2);
        }
    }
}
