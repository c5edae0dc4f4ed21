package dev.metronome.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.cache.MetronCache;
import dev.metronome.tagging.CandidateScore;
import dev.metronome.tagging.FileReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The undecided archives the page offers, in order: those the cache keeps from the last runs, or those of a JSON
 * report, limited to some folders. A file settled or marked on the page leaves it; a skipped one goes last. Only the
 * files of this queue are ever shown or written: the page names them by {@link ReviewItem#key}, never by path.
 */
public final class ReviewQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<ReviewItem>> source;
    private final List<Path> under;
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> skipped = new ConcurrentHashMap<>();
    private long skips;

    private ReviewQueue(Supplier<List<ReviewItem>> source, List<Path> under) {
        this.source = source;
        this.under = under.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * The undecided archives the cache keeps from the last runs (read again on every look, so files a running
     * server leaves undecided join the page as they come).
     *
     * @param cache the cache
     * @param under folders (or files) to limit the queue to; empty for all
     * @return the queue
     */
    public static ReviewQueue fromCache(MetronCache cache, List<Path> under) {
        return new ReviewQueue(() -> {
            List<ReviewItem> items = new ArrayList<>();
            for (String[] row : cache.openReviews()) {
                parse(row[2], row[1]).ifPresent(items::add);
            }
            return items;
        }, under);
    }

    /**
     * The undecided archives of a JSON report ({@code metronome tag --report FILE}).
     *
     * @param report the report file
     * @param under  folders (or files) to limit the queue to; empty for all
     * @return the queue
     * @throws IOException when the report cannot be read or is not a report
     */
    public static ReviewQueue fromReport(Path report, List<Path> under) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(report));
        JsonNode files = root == null ? null : root.path("files");
        if (files == null || !files.isArray()) {
            throw new IOException(report + " is not a Metronome report (no \"files\" list)");
        }
        List<ReviewItem> items = new ArrayList<>();
        for (JsonNode file : files) {
            item(file, null).ifPresent(items::add);
        }
        List<ReviewItem> fixed = List.copyOf(items);
        return new ReviewQueue(() -> fixed, under);
    }

    /**
     * This queue limited to the archives a host can settle (a library server's: the books it left undecided).
     *
     * @param keep whether an archive (absolute path) belongs on the page
     * @return the limited queue, read again on every look as this one is
     */
    public ReviewQueue only(Predicate<Path> keep) {
        return new ReviewQueue(() -> source.get().stream().filter(i -> keep.test(i.file())).toList(), under);
    }

    /** A queue of given items (tests, hosts). */
    static ReviewQueue of(List<ReviewItem> items) {
        List<ReviewItem> fixed = List.copyOf(items);
        return new ReviewQueue(() -> fixed, List.of());
    }

    private static Optional<ReviewItem> parse(String json, String fingerprint) {
        try {
            return item(JSON.readTree(json), fingerprint);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An undecided file of a report, or empty for a decided one or a record that is not a file report. */
    private static Optional<ReviewItem> item(JsonNode file, String fingerprint) {
        String status = file.path("status").asText("");
        String path = file.path("path").asText("");
        if (path.isEmpty() || !FileReport.AMBIGUOUS.equals(status) && !FileReport.NO_MATCH.equals(status)) {
            return Optional.empty();
        }
        List<CandidateScore> candidates = new ArrayList<>();
        for (JsonNode c : file.path("candidates")) {
            long id = c.has("issue_id") ? c.path("issue_id").asLong() : c.path("issueId").asLong();
            if (id > 0) {
                candidates.add(new CandidateScore(id, c.path("score").asDouble(), c.path("label").asText("")));
            }
        }
        List<String> reasons = new ArrayList<>();
        file.path("evidence").forEach(r -> reasons.add(r.asText()));
        return Optional.of(ReviewItem.of(Path.of(path), fingerprint, status, candidates, reasons));
    }

    /** The files still to settle, in order: existing files under the folders asked for, skipped ones last. */
    public List<ReviewItem> items() {
        Map<String, ReviewItem> byKey = new LinkedHashMap<>();
        for (ReviewItem item : source.get()) {
            if (!settled.contains(item.key()) && within(item.file()) && Files.isRegularFile(item.file())) {
                byKey.putIfAbsent(item.key(), item);
            }
        }
        List<ReviewItem> ordered = new ArrayList<>(byKey.values());
        ordered.sort(java.util.Comparator.comparingLong(i -> skipped.getOrDefault(i.key(), 0L)));
        return ordered;
    }

    private boolean within(Path file) {
        return under.isEmpty() || under.stream().anyMatch(file::startsWith);
    }

    /** The item with this key, if it is still in the queue. */
    public Optional<ReviewItem> find(String key) {
        return items().stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** The other files of the queue in the same folder. */
    public List<ReviewItem> siblings(ReviewItem item) {
        return items().stream().filter(i -> !i.key().equals(item.key()) && i.folder().equals(item.folder()))
                .toList();
    }

    /** Takes a file out of the queue (settled or marked). */
    public void settled(String key) {
        settled.add(key);
    }

    /** Puts a file at the end of the queue. */
    public synchronized void skipped(String key) {
        skipped.put(key, ++skips);
    }

    /** How many files are left. */
    public int size() {
        return items().size();
    }
}
