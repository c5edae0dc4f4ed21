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
