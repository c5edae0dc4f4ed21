package dev.metronome.metron;

import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Incremental sync: pulls {@code issue/?modified_gt=<last sync>} and {@code series/?modified_gt=<last sync>}
 * (100 per page, one paged walk each) into the store, then records the sync's start time.
 *
 * <p>The first sync has no last time; rather than walking the whole database it records a baseline (unless a start
 * time is given). Each query reaches back {@link #OVERLAP} before the last sync, because Metron caches list responses
 * for two minutes and clocks differ; re-stored items are simply replaced.
 */
public final class SyncService {

    /** How far each query reaches back before the last sync. */
    public static final Duration OVERLAP = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final MetronClient client;
    private final SyncStore store;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param client the client
     * @param store  where deltas and sync times go
     * @param clock  the clock for the sync time
     */
    public SyncService(MetronClient client, SyncStore store, Clock clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
    }

    /**
     * What one sync did.
     *
     * @param issueSince   the modified_gt used for issues, or null for a baseline
     * @param seriesSince  the modified_gt used for series, or null for a baseline
     * @param issues       changed issues stored
     * @param series       changed series stored
     * @param syncedAt     the sync time recorded
     */
    public record Report(OffsetDateTime issueSince, OffsetDateTime seriesSince, int issues, int series,
                         OffsetDateTime syncedAt) {
    }

    /**
     * Syncs issues and series.
     *
     * @param since a start time overriding the stored one, or empty
     * @return what was done
     */
    public Report sync(Optional<OffsetDateTime> since) {
        OffsetDateTime start = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime issueSince = since.or(() -> store.lastSync("issue")).orElse(null);
        OffsetDateTime seriesSince = since.or(() -> store.lastSync("series")).orElse(null);
        int issues = 0;
        int series = 0;
        if (issueSince != null) {
            List<IssueListItem> changed = client.issues(IssueFilter.create().modifiedGt(issueSince.minus(OVERLAP)), 0);
            store.storeIssues(changed);
            issues = changed.size();
        }
        store.recordSync("issue", start);
        if (seriesSince != null) {
            List<SeriesListItem> changed = client.series(SeriesFilter.create().modifiedGt(seriesSince.minus(OVERLAP)),
                    0);
            store.storeSeries(changed);
            series = changed.size();
        }
        store.recordSync("series", start);
        LOG.info("Synced {} changed issues and {} changed series{}", issues, series,
                issueSince == null ? " (first sync: baseline recorded)" : "");
        return new Report(issueSince, seriesSince, issues, series, start);
    }
}
