package dev.metronome.spi;

/** A running event stream; closing it stops reconnecting. */
public interface Subscription extends AutoCloseable {

    /**
     * Whether the stream is connected right now.
     *
     * @return true while connected
     */
    boolean isConnected();

    /** Stops the stream. */
    @Override
    void close();
}
