package dev.metronome.metron;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scrobbles were sent, so that none is sent twice: Metron appends one read date per call, so a scrobble sent
 * again records the read again. A scrobble is marked {@link State#PENDING} before it is sent and {@link State#SENT}
 * once Metron answered 2xx; one left pending had its answer lost (network failure, 5xx after sending), and may or may
 * not be recorded, so it is not sent again blindly.
 */
public interface ScrobbleLedger {

    /** What is known of one scrobble. */
    enum State {
        /** Sent, answer not seen: Metron may have recorded it. */
        PENDING,
        /** Metron recorded it. */
        SENT
    }

    /**
     * The state of one read.
     *
     * @param issueId the Metron issue id
     * @param readKey the read's key: its date-time as sent by the user, or {@code ""} for "now"
     * @return the state, empty when never sent
     */
    Optional<State> state(int issueId, String readKey);

    /** Records the state of one read. */
    void record(int issueId, String readKey, State state);

    /** Forgets one read (Metron refused it, so it was not recorded). */
    void forget(int issueId, String readKey);

    /** A ledger in memory, for one process. */
    static ScrobbleLedger inMemory() {
        Map<String, State> states = new ConcurrentHashMap<>();
        return new ScrobbleLedger() {
            @Override
            public Optional<State> state(int issueId, String readKey) {
                return Optional.ofNullable(states.get(issueId + "|" + readKey));
            }

            @Override
            public void record(int issueId, String readKey, State state) {
                states.put(issueId + "|" + readKey, state);
            }

            @Override
            public void forget(int issueId, String readKey) {
                states.remove(issueId + "|" + readKey);
            }
        };
    }
}
