package dev.metronome.spi;

/** Receives events from {@link LibraryServer#events}. Implementations must not throw. */
public interface BookEventListener {

    /**
     * One event.
     *
     * @param event the event
     */
    void onEvent(BookEvent event);

    /**
     * The stream is (re)connected. After a reconnect, events may have been missed: reconcile.
     *
     * @param reconnect false for the first connection, true afterwards
     */
    default void onConnected(boolean reconnect) {
    }

    /**
     * The stream dropped and will reconnect by itself.
     *
     * @param cause one sentence
     */
    default void onDisconnected(String cause) {
    }
}
