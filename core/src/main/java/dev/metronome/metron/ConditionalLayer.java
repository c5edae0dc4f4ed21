package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditional GETs: keeps Last-Modified with the body, sends If-Modified-Since, and answers a 304 with the stored
 * body (status 200, header {@code X-Metronome-Cache: revalidated}). A 304 still costs one request.
 */
public final class ConditionalLayer implements Exchange {

    /** Marks a response served from the cache after a 304. */
    public static final String CACHE_HEADER = "X-Metronome-Cache";

    private static final Logger LOG = LoggerFactory.getLogger(ConditionalLayer.class);

    private final ResponseStore store;
    private final Clock clock;
    private final Exchange next;

    /**
     * Creates the layer.
     *
     * @param store where responses are kept
     * @param clock the clock for fetch times
     * @param next  the next layer
     */
    public ConditionalLayer(ResponseStore store, Clock clock, Exchange next) {
        this.store = store;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        if (!request.conditional() || !request.idempotent()) {
            return next.send(request);
        }
        String key = request.cacheKey();
        Optional<ResponseStore.CachedResponse> cached = store.get(key);
        Request sent = cached.map(c -> request.withHeader("If-Modified-Since", c.lastModified())).orElse(request);
        Response response = next.send(sent);
        if (response.status() == 304 && cached.isPresent()) {
            LOG.debug("{} not modified; using the cached body", request);
            store.put(key, new ResponseStore.CachedResponse(cached.get().body(), cached.get().lastModified(),
                    clock.instant()));
            Map<String, List<String>> headers = new HashMap<>(response.headers());
            headers.put(CACHE_HEADER, List.of("revalidated"));
            return new Response(200, headers, cached.get().body());
        }
        if (response.status() == 200) {
            response.header("Last-Modified").ifPresent(lastModified -> store.put(key,
                    new ResponseStore.CachedResponse(response.body(), lastModified, clock.instant())));
        }
        return response;
    }
}
