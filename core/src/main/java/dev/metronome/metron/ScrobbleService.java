package dev.metronome.metron;

import dev.metronome.metron.model.ScrobbleResult;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marks issues as read on the user's Metron collection ({@code POST collection/scrobble/}). A rejected issue is a
 * result, not the end of the batch; bad credentials and a spent quota stop it.
 *
 * <p>No read is sent twice: the {@link ScrobbleLedger} remembers every read sent (in the cache, across runs). A read
 * already recorded is skipped; a read whose answer was lost (network failure or 5xx after sending) may have been
 * recorded, so it is reported as uncertain and not sent again, neither now nor on the next run. The client never
 * retries a POST on a network error or 5xx.
 */
public final class ScrobbleService {

    private final MetronClient client;
    private final Clock clock;
    private final ScrobbleLedger ledger;

    /**
     * Creates the service with a ledger kept in memory (one process).
     *
     * @param client the client
     * @param clock  the clock for the default read date
     */
    public ScrobbleService(MetronClient client, Clock clock) {
        this(client, clock, ScrobbleLedger.inMemory());
    }

    /**
     * Creates the service.
     *
     * @param client the client
     * @param clock  the clock for the default read date
     * @param ledger where sent scrobbles are remembered (the cache, across runs)
     */
    public ScrobbleService(MetronClient client, Clock clock, ScrobbleLedger ledger) {
        this.client = client;
        this.clock = clock;
        this.ledger = ledger;
    }

    /**
     * One read to record.
     *
     * @param issueId  the Metron issue id
     * @param dateRead when, or null for now
     * @param rating   1-5, or null
     */
    public record Scrobble(int issueId, OffsetDateTime dateRead, Integer rating) {
        /** The ledger key of this read: its date as given, or {@code ""} for "now" (one such read per issue). */
        String key() {
            return dateRead == null ? "" : MetronJson.format(dateRead);
        }
    }

    /** What became of one read. */
    public enum Status {
        /** Metron recorded it now. */
        RECORDED,
        /** Metron recorded it before (a previous run or call); not sent again. */
        ALREADY_RECORDED,
        /** Sent before, answer lost: Metron may have recorded it; not sent again. */
        UNCERTAIN,
        /** Metron refused it; nothing was recorded. */
        FAILED
    }

    /**
     * The outcome of one scrobble.
     *
     * @param request the request
     * @param result  Metron's collection item, or null when none was received
     * @param error   the failure or explanation sentence, or null
     * @param status  what became of it
     */
    public record Outcome(Scrobble request, ScrobbleResult result, String error, Status status) {
        /** Whether Metron holds the read (recorded now or before). */
        public boolean ok() {
            return status == Status.RECORDED || status == Status.ALREADY_RECORDED;
        }
    }

    /**
     * Scrobbles each read in turn, skipping the ones sent before.
     *
     * @param reads the reads
     * @return one outcome per read, in order
     * @throws MetronException for credential, quota and network failures, which would fail every later read too
     */
    public List<Outcome> scrobble(List<Scrobble> reads) {
        List<Outcome> outcomes = new ArrayList<>();
        String stopped = null;
        for (Scrobble read : reads) {
            String key = read.key();
            if (stopped != null) {
                outcomes.add(new Outcome(read, null, "not sent: " + stopped, Status.FAILED));
                continue;
            }
            Optional<ScrobbleLedger.State> before = ledger.state(read.issueId(), key);
            if (before.isPresent()) {
                outcomes.add(before.get() == ScrobbleLedger.State.SENT
                        ? new Outcome(read, null, "already recorded by an earlier scrobble; not sent again"
                                + (read.dateRead() == null ? " (give --date-read to record another read)" : ""),
                                Status.ALREADY_RECORDED)
                        : uncertain(read));
                continue;
            }
            OffsetDateTime when = read.dateRead() != null ? read.dateRead() : OffsetDateTime.now(clock);
            ledger.record(read.issueId(), key, ScrobbleLedger.State.PENDING);
            try {
                ScrobbleResult result = client.scrobble(read.issueId(), when, read.rating());
                ledger.record(read.issueId(), key, ScrobbleLedger.State.SENT);
                outcomes.add(new Outcome(read, result, null, Status.RECORDED));
            } catch (MetronException e) {
                switch (e.kind()) {
                    case BAD_REQUEST, NOT_FOUND, FORBIDDEN -> {
                        ledger.forget(read.issueId(), key);
                        outcomes.add(new Outcome(read, null, e.getMessage(), Status.FAILED));
                    }
                    case PROTOCOL -> {
                        if (e.status() >= 200 && e.status() < 300) {
                            // Metron answered 2xx: the read is recorded even if the answer could not be read
                            ledger.record(read.issueId(), key, ScrobbleLedger.State.SENT);
                            outcomes.add(new Outcome(read, null, null, Status.RECORDED));
                        } else {
                            ledger.forget(read.issueId(), key);
                            outcomes.add(new Outcome(read, null, e.getMessage(), Status.FAILED));
                        }
                    }
                    case NETWORK, SERVER -> {
                        if (neverSent(e)) {
                            ledger.forget(read.issueId(), key);
                            outcomes.add(new Outcome(read, null, e.getMessage(), Status.FAILED));
                        } else {
                            outcomes.add(uncertain(read));
                        }
                        stopped = e.getMessage();
                    }
                    default -> {
                        // 401 and 429 are answered before the view runs: nothing was recorded
                        ledger.forget(read.issueId(), key);
                        throw e;
                    }
                }
            }
        }
        return outcomes;
    }

    /** Whether the request cannot have reached Metron: the connection was never made. */
    private static boolean neverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Outcome uncertain(Scrobble read) {
        return new Outcome(read, null, "sent before, but Metron's answer was lost: it may already be recorded."
                + " Check your collection on metron.cloud; it is not sent again, so the read is never recorded twice",
                Status.UNCERTAIN);
    }
}
