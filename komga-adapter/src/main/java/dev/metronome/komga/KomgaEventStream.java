package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Komga's {@code /sse/v1/events} stream as {@link BookEvent}s.
 *
 * <ul>
 *   <li>Reconnects with exponential backoff after every drop (Komga closes the stream at least hourly), and tells the
 *       listener, so it can reconcile.</li>
 *   <li>Treats a silence longer than the heartbeat timeout as a dead connection.</li>
 *   <li>Buffers {@code BookAdded}/{@code BookChanged} (one entry per book) until {@code TaskQueueStatus} reports an
 *       empty queue, or until the buffer is older than the flush limit (for accounts that get no task events).</li>
 *   <li>Turns {@code ReadProgressChanged} of a book now read to the end into {@link BookEvent.Type#READ_COMPLETED}.</li>
 * </ul>
 */
final class KomgaEventStream implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(KomgaEventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Timing of the stream.
     *
     * @param minBackoff       the first wait after a drop
     * @param maxBackoff       the longest wait
     * @param heartbeatTimeout silence after which the connection counts as dead (Komga heartbeats every 15 s)
     * @param maxBufferAge     the longest book events wait for an empty task queue
     */
    record Timing(Duration minBackoff, Duration maxBackoff, Duration heartbeatTimeout, Duration maxBufferAge) {

        /** Komga's defaults: 1 s to 60 s backoff, 45 s silence, 30 s buffering. */
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(45),
                Duration.ofSeconds(30));
    }

    /** Waits between reconnects; tests replace it to observe the backoff without waiting. */
    @FunctionalInterface
    interface Sleeper {
        /** The real one. */
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    /** Fetches one book (for read-progress events). */
    interface BookLookup extends Function<String, Optional<JsonNode>> {
    }

    private final KomgaClient client;
    private final BookEventListener listener;
    private final Timing timing;
    private final BookLookup lookup;
    private final Sleeper sleeper;
    private final Map<String, BookEvent> buffer = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final Thread reader;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long bufferSinceNanos;
    private volatile InputStream current;

    KomgaEventStream(KomgaClient client, BookEventListener listener, Timing timing, BookLookup lookup) {
        this(client, listener, timing, lookup, Sleeper.SYSTEM);
    }

    KomgaEventStream(KomgaClient client, BookEventListener listener, Timing timing, BookLookup lookup, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.client = client;
        this.listener = listener;
        this.timing = timing;
        this.lookup = lookup;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "komga-sse-watchdog"));
        this.reader = daemon(this::run, "komga-sse");
    }

    KomgaEventStream start() {
        reader.start();
        long tick = Math.max(10, Math.min(timing.heartbeatTimeout().toMillis(), timing.maxBufferAge().toMillis()) / 4);
        watchdog.scheduleAtFixedRate(this::watch, tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        watchdog.shutdownNow();
        closeCurrent();
        reader.interrupt();
    }

    private void run() {
        Duration backoff = timing.minBackoff();
        boolean everConnected = false;
        while (!closed) {
            try {
                HttpResponse<InputStream> response = client.openEvents();
                current = response.body();
                lastActivityNanos = System.nanoTime();
                connected = true;
                backoff = timing.minBackoff();
                listener.onConnected(everConnected);
                everConnected = true;
                read(response.body());
                if (!closed) {
                    disconnected("the server closed the stream");
                }
            } catch (IOException e) {
                if (!closed) {
                    disconnected(e.getMessage() == null ? e.toString() : e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Komga event stream: unexpected failure, reconnecting", e);
                disconnected(e.toString());
            }
            if (closed) {
                return;
            }
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : backoff.multipliedBy(2);
        }
    }

    private void disconnected(String cause) {
        connected = false;
        closeCurrent();
        LOG.info("Komga event stream dropped ({}); reconnecting", cause);
        listener.onDisconnected(cause);
    }

    private void read(InputStream body) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (!closed && (line = in.readLine()) != null) {
                lastActivityNanos = System.nanoTime();
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        dispatch(event == null ? "message" : event, data.toString());
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue; // heartbeat or comment
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (field.equals("event")) {
                        event = value;
                    } else if (field.equals("data")) {
                        data.append(data.length() == 0 ? "" : "\n").append(value);
                    }
                }
            }
        }
    }

    private void dispatch(String event, String data) {
        JsonNode payload;
        try {
            payload = JSON.readTree(data);
        } catch (IOException e) {
            LOG.debug("Komga event {} with unreadable data ignored", event);
            return;
        }
        String bookId = payload.path("bookId").asText(null);
        switch (event) {
            case "BookAdded" -> buffer(new BookEvent(BookEvent.Type.ADDED, bookId, payload.path("libraryId").asText(null)));
            case "BookChanged" -> buffer(new BookEvent(BookEvent.Type.CHANGED, bookId, payload.path("libraryId").asText(null)));
            case "BookDeleted" -> {
                synchronized (buffer) {
                    buffer.remove(bookId);
                }
                listener.onEvent(new BookEvent(BookEvent.Type.DELETED, bookId, payload.path("libraryId").asText(null)));
            }
            case "TaskQueueStatus" -> {
                if (payload.path("count").asInt(-1) == 0) {
                    flush();
                }
            }
            case "ReadProgressChanged" -> readProgress(bookId, payload.path("userId").asText(null));
            default -> { }
        }
    }

    private void buffer(BookEvent e) {
        if (e.bookId() == null) {
            return;
        }
        synchronized (buffer) {
            if (buffer.isEmpty()) {
                bufferSinceNanos = System.nanoTime();
            }
            BookEvent previous = buffer.get(e.bookId());
            if (previous == null || previous.type() != BookEvent.Type.ADDED) {
                buffer.put(e.bookId(), e);
            }
        }
    }

    private void flush() {
        List<BookEvent> events;
        synchronized (buffer) {
            events = List.copyOf(buffer.values());
            buffer.clear();
        }
        events.forEach(listener::onEvent);
    }

    /** Komga sends read progress only to the reader, so this is always the account's own user. */
    private void readProgress(String bookId, String userId) {
        if (bookId == null) {
            return;
        }
        lookup.apply(bookId).filter(b -> b.path("readProgress").path("completed").asBoolean(false))
                .ifPresent(b -> listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, bookId,
                        b.path("libraryId").asText(null), userId)));
    }

    private void watch() {
        if (connected && System.nanoTime() - lastActivityNanos > timing.heartbeatTimeout().toNanos()) {
            LOG.info("Komga event stream silent for over {}; reconnecting", timing.heartbeatTimeout());
            closeCurrent();
        }
        boolean stale;
        synchronized (buffer) {
            stale = !buffer.isEmpty() && System.nanoTime() - bufferSinceNanos > timing.maxBufferAge().toNanos();
        }
        if (stale) {
            flush();
        }
    }

    private void closeCurrent() {
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Wraps a client call that may fail into an optional lookup. */
    static BookLookup lookupVia(KomgaClient client) {
        return id -> {
            try {
                return client.getJsonIfFound("/api/v1/books/" + id);
            } catch (ServerException e) {
                LOG.warn("Could not read book {}: {}", id, e.getMessage());
                return Optional.empty();
            }
        };
    }
}
