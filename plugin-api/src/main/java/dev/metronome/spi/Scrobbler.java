package dev.metronome.spi;

/** The host's callback for books a user finished reading (opt-in): the host tells Metron. */
@FunctionalInterface
public interface Scrobbler {

    /**
     * A book identified as this Metron issue was read to the end.
     *
     * @param metronIssueId the Metron issue id
     */
    void readCompleted(long metronIssueId);

    /**
     * A book identified as this Metron issue was read to the end by a named server user. A host that maps server
     * users to Metron accounts overrides this; by default the read goes where {@link #readCompleted(long)} sends it,
     * so scrobblers that know of one user (Komga, a folder) need not change.
     *
     * @param metronIssueId the Metron issue id
     * @param serverUser    the server user who read it (as the adapter names them), or null when the server does not say
     */
    default void readCompleted(long metronIssueId, String serverUser) {
        readCompleted(metronIssueId);
    }

    /**
     * A scrobbler that does nothing (scrobbling off).
     *
     * @return the scrobbler
     */
    static Scrobbler none() {
        return Off.NONE;
    }

    /** Holds the one "off" scrobbler, so a host can tell scrobbling is off. */
    final class Off {
        static final Scrobbler NONE = id -> { };

        private Off() {
        }
    }
}
