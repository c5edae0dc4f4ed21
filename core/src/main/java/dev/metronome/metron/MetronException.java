package dev.metronome.metron;

/**
 * A problem talking to Metron, with one clear sentence for the user. Never carries a secret.
 */
public final class MetronException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 401: the credentials are wrong or missing; the run stops. */
        AUTH,
        /** 403: the account may not do this. */
        FORBIDDEN,
        /** 404: no such record. */
        NOT_FOUND,
        /** 400: the request was rejected. */
        BAD_REQUEST,
        /** 429 beyond the retry budget, or the daily quota is spent. */
        RATE_LIMITED,
        /** 5xx beyond the retry budget. */
        SERVER,
        /** Network failure beyond the retry budget. */
        NETWORK,
        /**
         * Metron answered, then stopped answering (connections refused, dropped or timing out): what a ban by its
         * firewall looks like. The run stops; nothing more is sent.
         */
        BLOCKED,
        /**
         * Metron is unreachable or failing: several requests in a row were refused, timed out or answered 5xx after
         * their retries, or a 503 asked to come back later than is worth waiting for. A run stops (the files not
         * reached are reported); a long-lived host pauses, then probes.
         */
        UNAVAILABLE,
        /** A response that is not the JSON expected. */
        PROTOCOL,
        /** The client's own configuration is unusable. */
        CONFIGURATION,
        /** The user stopped a wait (Ctrl-C while waiting for the daily quota); nothing was sent. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;

    /**
     * Creates an exception.
     *
     * @param kind    what went wrong
     * @param status  the HTTP status, or 0 when there was none
     * @param message one clear sentence, without secrets
     */
    public MetronException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param kind    what went wrong
     * @param status  the HTTP status, or 0 when there was none
     * @param message one clear sentence, without secrets
     * @param cause   the underlying failure
     */
    public MetronException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }
}
