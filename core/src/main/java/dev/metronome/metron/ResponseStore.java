package dev.metronome.metron;

import java.time.Instant;
import java.util.Optional;

/** Where conditional responses are kept: URL (without credentials) -> body and Last-Modified. */
public interface ResponseStore {

    /**
     * A stored response.
     *
     * @param body         the body bytes
     * @param lastModified the Last-Modified header as received
     * @param fetched      when it was fetched or last revalidated
     */
    record CachedResponse(byte[] body, String lastModified, Instant fetched) {
    }

    /** The stored response for a URL. */
    Optional<CachedResponse> get(String url);

    /** Stores (or replaces) the response for a URL. */
    void put(String url, CachedResponse response);

    /** A store that keeps nothing. */
    ResponseStore NONE = new ResponseStore() {
        @Override
        public Optional<CachedResponse> get(String url) {
            return Optional.empty();
        }

        @Override
        public void put(String url, CachedResponse response) {
            // keeps nothing
        }
    };
}
