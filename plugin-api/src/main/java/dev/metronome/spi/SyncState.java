package dev.metronome.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link LibraryServerSync} remembers per book, so a restart tags nothing twice. The host implements it over
 * its cache; {@link #inMemory()} is enough for tests and one-off runs.
 */
public interface SyncState {

    /**
     * The record for a book.
     *
     * @param serverKey identifies the server (e.g. {@code komga@http://host:25600})
     * @param bookId    the server's book id
     * @return the record, if the book was handled before
     */
    Optional<Entry> get(String serverKey, String bookId);

    /**
     * Stores the record for a book, replacing any earlier one.
     *
     * @param serverKey identifies the server
     * @param bookId    the server's book id
     * @param entry     what happened
     */
    void put(String serverKey, String bookId, Entry entry);

    /**
     * What happened to one book.
     *
     * @param outcome   what happened
     * @param issueId   the Metron issue id, when known
     * @param at        when
     * @param scrobbled whether the book was reported to Metron as read
     */
    record Entry(Outcome outcome, Long issueId, Instant at, boolean scrobbled) {

        /** Rejects nulls. */
        public Entry {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(at, "at");
        }

        /**
         * An entry not yet scrobbled.
         *
         * @param outcome what happened
         * @param issueId the Metron issue id, or null
         * @param at      when
         */
        public Entry(Outcome outcome, Long issueId, Instant at) {
            this(outcome, issueId, at, false);
        }

        /**
         * This entry, marked as scrobbled.
         *
         * @return the new entry
         */
        public Entry asScrobbled() {
            return new Entry(outcome, issueId, at, true);
        }

        /**
         * Whether the book needs no more work (anything but a failure).
         *
         * @return true when final
         */
        public boolean isFinal() {
            return outcome != Outcome.FAILED;
        }
    }

    /** The per-book outcomes. */
    enum Outcome {
        /** Metadata applied. */
        TAGGED,
        /** The book already carried a Metron id. */
        ALREADY_TAGGED,
        /** Several candidates; left for a person. */
        AMBIGUOUS,
        /** Not in Metron. */
        NO_MATCH,
        /** An error; retried on the next catch-up. */
        FAILED
    }

    /**
     * A state held in memory only.
     *
     * @return a new, empty state
     */
    static SyncState inMemory() {
        Map<String, Entry> map = new ConcurrentHashMap<>();
        return new SyncState() {
            @Override
            public Optional<Entry> get(String serverKey, String bookId) {
                return Optional.ofNullable(map.get(serverKey + '\n' + bookId));
            }

            @Override
            public void put(String serverKey, String bookId, Entry entry) {
                map.put(serverKey + '\n' + bookId, entry);
            }
        };
    }
}
