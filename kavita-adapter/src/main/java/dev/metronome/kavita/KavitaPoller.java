package dev.metronome.kavita;

import com.fasterxml.jackson.databind.JsonNode;

import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.Subscription;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New chapters (and, when asked, the API key's user's finished reads) by cheap polling instead of SignalR: Kavita has
 * no chapter-added event before 0.9, its scan and progress events reach admins only, and a missed event is lost.
 *
 * <p>Each poll lists series sorted by {@code LastChapterAdded} (newest first, one small page) and stops at the first
 * series not newer than the last one seen; only those series' volumes are read, and their chapters created since are
 * reported as {@link BookEvent.Type#ADDED}. Reads work the same way, sorted by {@code ReadProgress}, and name the
 * user. An idle poll is one request (two with reads). Other users' reads, when asked for, come from a slow sweep
 * ({@link KavitaUserReads}: up to {@value KavitaUserReads#PER_POLL} progress requests a poll).
 *
 * <p>When Kavita cannot be reached the listener hears {@code onDisconnected}; the next successful poll resumes from the
 * last seen mark, so nothing added meanwhile is missed and no reconnect is reported (a reconnect makes the host re-walk
 * every book, which the mark makes needless).
 */
final class KavitaPoller implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(KavitaPoller.class);
    private static final int PAGE = 10;
    private static final int MAX_PAGES = 100;

    private final KavitaServer server;
    private final BookEventListener listener;
    private final Duration interval;
    private final boolean reads;
    private final String userName;
    private final KavitaUserReads otherReads;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kavita-poll");
        t.setDaemon(true);
        return t;
    });
    /** Chapters reported at the current marks, so a chapter with the same timestamp as the mark is reported once. */
    private final Map<String, Boolean> reported = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private LocalDateTime addedMark;
    private LocalDateTime readMark;
    private volatile boolean connected;
    private volatile boolean closed;
    private boolean everConnected;

    KavitaPoller(KavitaServer server, BookEventListener listener, Duration interval, boolean reads, String userName,
                 KavitaUserReads otherReads) {
        this.server = server;
        this.listener = listener;
        this.interval = interval;
        this.reads = reads;
        this.userName = userName;
        this.otherReads = otherReads;
    }

    /**
     * Takes the marks now, before the host's catch-up lists the books (the host subscribes first, then catches up):
     * a chapter added between that listing and a later first poll would otherwise be below the mark and missed. When
     * Kavita cannot be reached now, the first poll takes them.
     */
    KavitaPoller start() {
        try {
            LocalDateTime added = newest(4, "lastChapterAdded");
            readMark = reads ? newest(7, "latestReadDate") : null;
            addedMark = added;
        } catch (ServerException | RuntimeException e) {
            addedMark = null;
        }
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
        executor.shutdownNow();
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            if (addedMark == null) {
                addedMark = newest(4, "lastChapterAdded");
                readMark = reads ? newest(7, "latestReadDate") : null;
            } else {
                added();
                if (reads) {
                    read();
                }
                otherReads.poll(listener);
            }
            if (!connected) {
                connected = true;
                if (!everConnected) {
                    everConnected = true;
                    listener.onConnected(false);
                } else {
                    LOG.info("Kavita answers again; resuming from the last chapter seen");
                }
            }
        } catch (ServerException | RuntimeException e) {
            if (connected || !everConnected) {
                LOG.info("Kavita poll failed ({}); retrying every {} ms", e.getMessage(), interval.toMillis());
            }
            if (connected) {
                connected = false;
                listener.onDisconnected(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    private LocalDateTime newest(int sortField, String field) throws ServerException {
        JsonNode page = KavitaServer.parse(server.listSeries(List.of(), sortField, 1, 1).body());
        return page.isEmpty() ? LocalDateTime.MIN : date(page.get(0).path(field));
    }

    /** Series newer than the mark, newest first, paging only while every series on a page is newer. */
    private List<JsonNode> newerThan(int sortField, String field, LocalDateTime mark) throws ServerException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode series = KavitaServer.parse(server.listSeries(List.of(), sortField, page, PAGE).body());
            for (JsonNode s : series) {
                if (!date(s.path(field)).isAfter(mark)) {
                    return out;
                }
                out.add(s);
            }
            if (series.size() < PAGE) {
                return out;
            }
        }
        return out;
    }

    private void added() throws ServerException {
        LocalDateTime mark = addedMark;
        LocalDateTime next = mark;
        for (JsonNode s : newerThan(4, "lastChapterAdded", mark)) {
            LocalDateTime t = date(s.path("lastChapterAdded"));
            next = t.isAfter(next) ? t : next;
            List<String> created = new ArrayList<>();
            for (JsonNode v : server.volumes(s.path("id").asInt())) {
                for (JsonNode ch : v.path("chapters")) {
                    if (!date(ch.path("created")).isBefore(mark)) {
                        created.add(ch.path("id").asText());
                    }
                }
            }
            for (String id : created) {
                if (reported.put("a" + id, Boolean.TRUE) == null) {
                    listener.onEvent(new BookEvent(BookEvent.Type.ADDED, id, s.path("libraryId").asText(null)));
                }
            }
        }
        addedMark = next;
    }

    private void read() throws ServerException {
        LocalDateTime mark = readMark;
        LocalDateTime next = mark;
        for (JsonNode s : newerThan(7, "latestReadDate", mark)) {
            LocalDateTime t = date(s.path("latestReadDate"));
            next = t.isAfter(next) ? t : next;
            for (JsonNode v : server.volumes(s.path("id").asInt())) {
                for (JsonNode ch : v.path("chapters")) {
                    int pages = ch.path("pages").asInt();
                    boolean finished = pages > 0 && ch.path("pagesRead").asInt() >= pages;
                    String key = "r" + ch.path("id").asText() + "@" + ch.path("lastReadingProgress").asText();
                    if (finished && !date(ch.path("lastReadingProgress")).isBefore(mark) && reported.put(key, Boolean.TRUE) == null) {
                        listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, ch.path("id").asText(),
                                s.path("libraryId").asText(null), userName));
                    }
                }
            }
        }
        readMark = next;
    }

    private static LocalDateTime date(JsonNode n) {
        String t = n.asText("");
        return t.isEmpty() ? LocalDateTime.MIN : LocalDateTime.parse(t);
    }

}
