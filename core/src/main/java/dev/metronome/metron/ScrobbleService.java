package dev.metronome.metron;

import dev.metronome.metron.model.ScrobbleResult;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks issues as read on the user's Metron collection ({@code POST collection/scrobble/}). A rejected issue is a
 * result, not the end of the batch; bad credentials and a spent quota stop it.
 */
public final class ScrobbleService {

    private final MetronClient client;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param client the client
     * @param clock  the clock for the default read date
     */
    public ScrobbleService(MetronClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * One read to record.
     *
     * @param issueId  the Metron issue id
     * @param dateRead when, or null for now
     * @param rating   1-5, or null
     */
    public record Scrobble(int issueId, OffsetDateTime dateRead, Integer rating) {
    }

    /**
     * The outcome of one scrobble.
     *
     * @param request the request
     * @param result  Metron's collection item, or null when it failed
     * @param error   the failure sentence, or null
     */
    public record Outcome(Scrobble request, ScrobbleResult result, String error) {
        /** Whether Metron recorded the read. */
        public boolean ok() {
            return result != null;
        }
    }

    /**
     * Scrobbles each read in turn.
     *
     * @param reads the reads
     * @return one outcome per read, in order
     * @throws MetronException for credential, quota and network failures, which would fail every later read too
     */
    public List<Outcome> scrobble(List<Scrobble> reads) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Scrobble read : reads) {
            OffsetDateTime when = read.dateRead() != null ? read.dateRead() : OffsetDateTime.now(clock);
            try {
                outcomes.add(new Outcome(read, client.scrobble(read.issueId(), when, read.rating()), null));
            } catch (MetronException e) {
                switch (e.kind()) {
                    case BAD_REQUEST, NOT_FOUND, FORBIDDEN, PROTOCOL -> outcomes.add(new Outcome(read, null,
                            e.getMessage()));
                    default -> throw e;
                }
            }
        }
        return outcomes;
    }
}
