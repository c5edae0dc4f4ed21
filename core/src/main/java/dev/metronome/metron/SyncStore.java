package dev.metronome.metron;

import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where {@link SyncService} keeps deltas and the time of the last successful sync (the cache implements it). */
public interface SyncStore {

    /** When a resource ({@code issue}, {@code series}) was last synced successfully. */
    Optional<OffsetDateTime> lastSync(String resource);

    /** Records a successful sync. */
    void recordSync(String resource, OffsetDateTime at);

    /** Stores changed issues. */
    void storeIssues(List<IssueListItem> items);

    /** Stores changed series. */
    void storeSeries(List<SeriesListItem> items);
}
