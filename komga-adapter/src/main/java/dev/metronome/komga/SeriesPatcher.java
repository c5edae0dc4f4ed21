package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
import dev.metronome.spi.Book;
import dev.metronome.spi.ServerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Patches each Komga series from all the issues tagged in it, the way Komga aggregates ComicInfo itself
 * ({@code ComicInfoProvider.kt}): the most frequent series wins (the first seen on a tie, so a mixed folder does not
 * flip with each book), the age rating is the highest across the books, and a series whose name another tagged
 * series of the library shares is titled {@code "Name (year)"} (or the volume without a year). A series is patched
 * once a batch of its books has been tagged (when no book of it was added for a short quiet time), and only when its
 * aggregate changed. Fields the user locked are never sent unless locks are overridden.
 */
final class SeriesPatcher implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SeriesPatcher.class);

    /** A Metron series as far as the title is concerned. */
    private record SeriesKey(String name, Integer year, Integer volume) {
    }

    private static final class Aggregate {
        final String libraryId;
        final Map<SeriesKey, Integer> counts = new LinkedHashMap<>();
        final Map<SeriesKey, ComicMetadata> sample = new HashMap<>();
        Integer maxAge;
        Set<String> userLocks;
        ObjectNode lastSent;

        Aggregate(String libraryId) {
            this.libraryId = libraryId;
        }

        SeriesKey top() {
            SeriesKey best = null;
            int most = 0;
            for (Map.Entry<SeriesKey, Integer> e : counts.entrySet()) {
                if (e.getValue() > most) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            return best;
        }
    }

    private final KomgaClient client;
    private final boolean overrideLocks;
    private final Map<String, Aggregate> bySeries = new HashMap<>();
    private final Map<String, java.util.concurrent.ScheduledFuture<?>> pending = new HashMap<>();
    private final java.time.Duration quiet;
    private final java.util.concurrent.ScheduledExecutorService timer;

    SeriesPatcher(KomgaClient client, boolean overrideLocks, java.time.Duration quiet) {
        this.client = client;
        this.overrideLocks = overrideLocks;
        this.quiet = quiet;
        this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "komga-series-patches");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends the patches still waiting for their quiet time, then stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(pending.keySet());
        }
        ids.forEach(this::flush);
    }

    private synchronized void schedule(String seriesId) {
        java.util.concurrent.ScheduledFuture<?> previous = pending.remove(seriesId);
        if (previous != null) {
            previous.cancel(false);
        }
        if (!timer.isShutdown()) {
            pending.put(seriesId, timer.schedule(() -> flush(seriesId), quiet.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }

    private synchronized void flush(String seriesId) {
        pending.remove(seriesId);
        Aggregate a = bySeries.get(seriesId);
        if (a == null) {
            return;
        }
        try {
            patchIfChanged(seriesId, a);
        } catch (ServerException e) {
            LOG.warn("Series {} not patched: {}", seriesId, e.getMessage());
        }
    }

    /**
     * Adds a tagged book's issue to its series, and schedules the series (and any series whose title now collides
     * with it) to be patched after the quiet time.
     *
     * @param book the book
     * @param m    the metadata
     * @throws ServerException when Komga refuses
     */
    synchronized void add(Book book, ComicMetadata m) throws ServerException {
        if (book.seriesId() == null) {
            return;
        }
        Aggregate a = bySeries.computeIfAbsent(book.seriesId(), id -> new Aggregate(book.libraryId()));
        if (a.userLocks == null) {
            a.userLocks = overrideLocks ? Set.of() : locks(client.getJson("/api/v1/series/" + book.seriesId()));
        }
        if (!m.series().name().isBlank()) {
            SeriesKey key = new SeriesKey(m.series().name().strip(), boxed(m.series().yearBegan()),
                    boxed(m.series().volume()));
            a.counts.merge(key, 1, Integer::sum);
            a.sample.putIfAbsent(key, m);
        }
        KomgaMetadataMapper.ageRating(m.ageRating()).ifPresent(age -> a.maxAge = a.maxAge == null ? age : Math.max(a.maxAge, age));
        Set<String> touched = new HashSet<>();
        touched.add(book.seriesId());
        SeriesKey top = a.top();
        if (top != null) {
            bySeries.forEach((id, other) -> {
                SeriesKey t = other.top();
                if (other != a && other.libraryId.equals(a.libraryId) && t != null && sameName(t, top)) {
                    touched.add(id);
                }
            });
        }
        if (a.counts.isEmpty()) {
            a.sample.putIfAbsent(new SeriesKey("", null, null), m);
        }
        touched.forEach(this::schedule);
    }

    private void patchIfChanged(String seriesId, Aggregate a) throws ServerException {
        SeriesKey top = a.top();
        ComicMetadata base = top != null ? a.sample.get(top) : a.sample.get(new SeriesKey("", null, null));
        if (base == null) {
            return;
        }
        ObjectNode patch = KomgaMetadataMapper.seriesPatch(base);
        if (top != null) {
            String title = title(a, top);
            patch.put("title", title).put("titleLock", true).put("titleSort", title).put("titleSortLock", true);
        }
        if (a.maxAge != null) {
            patch.put("ageRating", a.maxAge).put("ageRatingLock", true);
        }
        KomgaMetadataMapper.withoutFields(patch, a.userLocks);
        if (patch.isEmpty() || patch.equals(a.lastSent)) {
            return;
        }
        client.patchJson("/api/v1/series/" + seriesId + "/metadata", patch);
        a.lastSent = patch;
    }

    private String title(Aggregate a, SeriesKey top) {
        boolean collides = bySeries.values().stream().anyMatch(other -> other != a
                && other.libraryId.equals(a.libraryId) && other.top() != null && sameName(other.top(), top)
                && !other.top().equals(top));
        if (!collides) {
            return top.name();
        }
        Integer suffix = top.year() != null ? top.year() : top.volume();
        return suffix == null ? top.name() : top.name() + " (" + suffix + ")";
    }

    private static boolean sameName(SeriesKey a, SeriesKey b) {
        return a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT));
    }

    private static Integer boxed(java.util.OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    /** The fields locked on a series DTO (before we patch it: the user's locks). */
    private static Set<String> locks(JsonNode seriesDto) {
        Set<String> out = new HashSet<>();
        seriesDto.path("metadata").properties().forEach(f -> {
            if (f.getKey().endsWith("Lock") && f.getValue().asBoolean(false)) {
                out.add(f.getKey().substring(0, f.getKey().length() - 4));
            }
        });
        return out;
    }
}
