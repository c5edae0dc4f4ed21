package dev.metronome.metron;

import java.io.IOException;

/** Counts every request actually sent, by endpoint and outcome. */
public final class CountingLayer implements Exchange {

    private final RequestStats stats;
    private final Exchange next;

    /**
     * Creates the layer.
     *
     * @param stats where to count
     * @param next  the next layer
     */
    public CountingLayer(RequestStats stats, Exchange next) {
        this.stats = stats;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        try {
            Response response = next.send(request);
            stats.record(request.endpoint(), response.status());
            return response;
        } catch (IOException e) {
            stats.record(request.endpoint(), "io-error");
            throw e;
        }
    }
}
