package dev.metronome.spi;

/** A library server refused, failed or could not be reached; the message is one clear sentence. */
public class ServerException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message one sentence naming the server/book and the cause
     */
    public ServerException(String message) {
        super(message);
    }

    /**
     * An exception with a message and cause.
     *
     * @param message one sentence naming the server/book and the cause
     * @param cause   the underlying failure
     */
    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
