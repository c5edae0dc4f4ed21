package dev.metronome.metron;

import java.io.IOException;

/**
 * One layer of the HTTP stack: sends a request and returns the response. Each concern (conditional requests,
 * retries, rate limiting, authentication, transport) is a layer that wraps the next one.
 */
@FunctionalInterface
public interface Exchange {

    /**
     * Sends the request.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws IOException when the network fails
     */
    Response send(Request request) throws IOException;
}
