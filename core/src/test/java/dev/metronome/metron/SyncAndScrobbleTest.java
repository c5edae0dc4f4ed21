package dev.metronome.metron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.cache.MetronCache;
import dev.metronome.fixtures.metron.RequestLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SyncService} and {@link ScrobbleService} end to end against the fake server and a real cache. */
class SyncAndScrobbleTest {

    @Test
    void syncPullsModifiedDeltasIntoTheCacheAndRemembersTheTime(@TempDir Path dir) {
        try (FakeMetron fake = new FakeMetron(); MetronCache cache = MetronCache.open(dir, fake.clock)) {
            MetronClient client = fake.client(MetronCredentials.token(FakeMetron.TOKEN)).responseStore(cache).build();
            SyncService sync = new SyncService(client, cache, fake.clock);

            SyncService.Report baseline = sync.sync(Optional.empty());
            assertThat(baseline.issues()).isZero();
            assertThat(fake.server.requestLog()).isEmpty();
            assertThat(cache.lastSync("issue")).contains(OffsetDateTime.parse("2026-03-01T12:00:00Z"));

            OffsetDateTime since = OffsetDateTime.parse("2025-10-01T00:00:00Z");
            long expectedIssues = fake.server.catalogue().issues().stream()
                    .filter(i -> OffsetDateTime.parse(i.path("modified").asText())
                            .isAfter(since.minus(SyncService.OVERLAP))).count();
            long expectedSeries = fake.server.catalogue().series().stream()
                    .filter(i -> OffsetDateTime.parse(i.path("modified").asText())
                            .isAfter(since.minus(SyncService.OVERLAP))).count();
            assertThat(expectedIssues).isPositive();
            fake.advance(Duration.ofHours(1));
            SyncService.Report report = sync.sync(Optional.of(since));
            assertThat(report.issues()).isEqualTo((int) expectedIssues);
            assertThat(report.series()).isEqualTo((int) expectedSeries);
            assertThat(cache.syncedCount("issue")).isEqualTo(expectedIssues);
            assertThat(cache.syncedCount("series")).isEqualTo(expectedSeries);
            assertThat(fake.server.requestLog()).extracting(RequestLogEntry::pathAndQuery)
                    .allSatisfy(q -> assertThat(q).contains("modified_gt=2025-09-30T23%3A55%3A00.000000%2B00%3A00"));
            assertThat(cache.lastSync("series")).contains(OffsetDateTime.parse("2026-03-01T13:00:00Z"));

            // the next sync starts from the stored time; nothing in the catalogue changed since
            int before = fake.server.requestLog().size();
            SyncService.Report next = sync.sync(Optional.empty());
            assertThat(next.issueSince()).isEqualTo(OffsetDateTime.parse("2026-03-01T13:00:00Z"));
            assertThat(next.issues()).isZero();
            assertThat(fake.server.requestLog()).hasSize(before + 2);
        }
    }

    @Test
    void scrobbleRecordsReadsAndReportsRejectedIssuesWithoutStopping() {
        try (FakeMetron fake = new FakeMetron()) {
            ScrobbleService scrobbler = new ScrobbleService(fake.client(), fake.clock);
            OffsetDateTime read = OffsetDateTime.parse("2026-02-28T21:30:00Z");
            List<ScrobbleService.Outcome> outcomes = scrobbler.scrobble(List.of(
                    new ScrobbleService.Scrobble(156270, read, 4),
                    new ScrobbleService.Scrobble(987654321, null, null),
                    new ScrobbleService.Scrobble(1, null, null)));
            assertThat(outcomes).extracting(ScrobbleService.Outcome::ok).containsExactly(true, false, true);
            assertThat(outcomes.get(0).result().issue().id()).isEqualTo(156270);
            assertThat(outcomes.get(0).result().rating()).isEqualTo(4);
            assertThat(outcomes.get(0).result().isRead()).isTrue();
            assertThat(outcomes.get(1).error()).contains("400");
            List<ObjectNode> received = fake.server.scrobbles();
            assertThat(received).hasSize(2);
            assertThat(received.get(0).path("date_read").asText()).isEqualTo("2026-02-28T21:30:00.000000+00:00");
            assertThat(received.get(1).path("date_read").asText()).isEqualTo("2026-03-01T12:00:00.000000+00:00");
            assertThat(received.get(1).has("rating")).isFalse();
        }
    }
}
