package dev.metronome.cli;

import dev.metronome.cache.MetronCache;
import dev.metronome.spi.SyncState;

import java.time.Instant;
import java.util.Optional;

/** The library-server sync's per-book memory, kept in Metronome's cache so that a restart tags nothing twice. */
final class CacheSyncState implements SyncState {

    private final MetronCache cache;

    CacheSyncState(MetronCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<Entry> get(String serverKey, String bookId) {
        return cache.libraryBook(serverKey, bookId).flatMap(CacheSyncState::decode);
    }

    @Override
    public void put(String serverKey, String bookId, Entry entry) {
        cache.rememberLibraryBook(serverKey, bookId, encode(entry));
    }

    static String encode(Entry entry) {
        return entry.outcome().name() + "|" + (entry.issueId() == null ? "" : entry.issueId()) + "|"
                + entry.at().toEpochMilli() + "|" + entry.scrobbled();
    }

    static Optional<Entry> decode(String text) {
        String[] parts = text.split("\\|", -1);
        try {
            return Optional.of(new Entry(Outcome.valueOf(parts[0]), parts[1].isEmpty() ? null : Long.valueOf(parts[1]),
                    Instant.ofEpochMilli(Long.parseLong(parts[2])), Boolean.parseBoolean(parts[3])));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // treated as never seen: the book is looked at again
        }
    }
}
