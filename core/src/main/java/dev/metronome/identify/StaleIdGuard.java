package dev.metronome.identify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps stale Metron ids from getting the client banned. Metron bans an address for an hour after 20 answers 404
 * within 120 s, and a batch of archives carrying old or wrong ids answers 404 for each. After {@link #STREAK} 404s in a
 * row for carried ids, carried ids are not asked about for {@link #PAUSE} (the length of the server's window); the
 * files fall back to their other evidence (names, barcode, cover). So carried ids cost at most {@link #STREAK} 404s in
 * any 120 s, far from the server's 20. Thread-safe.
 */
final class StaleIdGuard {

    /** How many 404s in a row for carried ids start a pause. */
    static final int STREAK = 3;
    /** How long carried ids are skipped after a streak: the server's 404 window. */
    static final Duration PAUSE = Duration.ofSeconds(120);

    /** The reason text of a skipped id. */
    static final String NOT_CHECKED = "not checked now";

    private final Clock clock;
    private int streak;
    private Instant pausedUntil = Instant.MIN;
    private long skipped;

    StaleIdGuard(Clock clock) {
        this.clock = clock;
    }

    /** Whether a carried id may be asked about now. */
    synchronized boolean mayProbe() {
        if (clock.instant().isBefore(pausedUntil)) {
            skipped++;
            return false;
        }
        return true;
    }

    /** Records the answer to a carried id: found, or 404. */
    synchronized void answered(boolean found) {
        if (found) {
            streak = 0;
            return;
        }
        streak++;
        if (streak >= STREAK) {
            pausedUntil = clock.instant().plus(PAUSE);
            streak = 0;
        }
    }

    /** How many carried ids were skipped so far. */
    synchronized long skipped() {
        return skipped;
    }
}
