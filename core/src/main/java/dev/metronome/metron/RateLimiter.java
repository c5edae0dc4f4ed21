package dev.metronome.metron;

/**
 * The one gate every Metron request passes: it blocks until a request may be sent without exceeding the account's
 * limits, and learns those limits from the {@code X-RateLimit-*} headers of every response.
 */
public interface RateLimiter {

    /**
     * Waits until one request may be sent, and reserves it.
     *
     * @throws InterruptedException when the wait is interrupted
     */
    void acquire() throws InterruptedException;

    /**
     * Learns from a response's rate-limit headers (every status, 429 included).
     *
     * @param response the response
     */
    void update(Response response);

    /** Records that the last acquired request got no response at all (a network error). */
    void abandon();
}
