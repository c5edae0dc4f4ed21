package dev.metronome.metron;

import java.io.IOException;

/** Waits for the limiter before every send and feeds it every response's headers. */
public final class RateLimitLayer implements Exchange {

    private final RateLimiter limiter;
    private final Exchange next;

    /**
     * Creates the layer.
     *
     * @param limiter the account's limiter
     * @param next    the next layer
     */
    public RateLimitLayer(RateLimiter limiter, Exchange next) {
        this.limiter = limiter;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetronException(MetronException.Kind.NETWORK, 0, "Interrupted while waiting for the Metron rate limit.", e);
        }
        Response response;
        try {
            response = next.send(request);
        } catch (IOException | RuntimeException e) {
            limiter.abandon();
            throw e;
        }
        limiter.update(response);
        return response;
    }
}
