package dev.metronome.identify;

import dev.metronome.cache.MetronCache;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Metron series matches resolved each series name to, per folder and per batch: "Remember the answer per folder
 * and in the cache". A file whose name alone cannot tell same-named series apart ({@code Uncanny X-Men #6}, no year)
 * is then read as the series its neighbours turned out to be, when they all turned out to be one series. The folder
 * answers are also kept in the cache, so a file added to a folder later is read the same way in another run.
 */
final class SeriesMemory {

    /**
     * The one series the other files of a name resolved to.
     *
     * @param seriesId the Metron series
     * @param files    how many files of this run resolved to it (0: files of earlier runs)
     * @param where    {@code "in this folder"} or {@code "in this batch"}
     */
    record Preferred(int seriesId, int files, String where) {
    }

    private final Map<String, Map<Integer, Integer>> byFolder = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> byBatch = new ConcurrentHashMap<>();
    private final MetronCache cache;

    /**
     * A memory, kept in a cache as well.
     *
     * @param cache the cache for the folder answers, or null for this run only
     */
    SeriesMemory(MetronCache cache) {
        this.cache = cache;
    }

    /**
     * Records that a file of this folder, named this way, is an issue of this series.
     *
     * @param folder   the file's folder (may be null)
     * @param name     the series name as the file or its metadata wrote it
     * @param seriesId the Metron series it resolved to
     */
    void record(Path folder, String name, int seriesId) {
        String key = SeriesNames.key(name);
        if (key.isEmpty()) {
            return;
        }
        int files = byFolder.computeIfAbsent(folderKey(folder, key), k -> new ConcurrentHashMap<>()).merge(seriesId, 1,
                Integer::sum);
        if (cache != null && folder != null && files == 1) {
            cache.rememberSeriesInFolder(folderName(folder), key, seriesId);
        }
        byBatch.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).merge(seriesId, 1, Integer::sum);
    }

    /**
     * The single series, among the given ones, that earlier files of these names resolved to: in the same folder if
     * any of them resolved there, else in the batch. Empty when none did, or when they resolved to more than one.
     *
     * @param folder the file's folder
     * @param names  the series name the file gives, and the names of the series still possible for it
     * @param among  which series are still possible for the file
     * @param folderOnly whether only the same folder counts (for a name without year, the weaker case)
     * @return the preferred series
     */
    Optional<Preferred> preferred(Path folder, java.util.Collection<String> names, IntPredicate among,
                                  boolean folderOnly) {
        Map<Integer, Integer> inFolder = new java.util.HashMap<>();
        Map<Integer, Integer> inBatch = new java.util.HashMap<>();
        for (String key : keysLike(names)) {
            within(byFolder.get(folderKey(folder, key)), among).forEach(inFolder::putIfAbsent);
            if (cache != null && folder != null) {
                cache.seriesInFolder(folderName(folder), key).stream().filter(among::test)
                        .forEach(id -> inFolder.putIfAbsent(id, 0));
            }
            within(byBatch.get(key), among).forEach(inBatch::putIfAbsent);
        }
        return inFolder.isEmpty() && !folderOnly ? single(inBatch, "in this batch") : single(inFolder, "in this folder");
    }

    /** The recorded name keys for these names: each name's own, and one spelt with two letters swapped. */
    private List<String> keysLike(java.util.Collection<String> names) {
        List<String> keys = new java.util.ArrayList<>();
        for (String key : names.stream().map(SeriesNames::key).filter(k -> !k.isEmpty()).distinct().toList()) {
            keys.add(key);
            byBatch.keySet().stream().filter(k -> SeriesNames.oneTransposition(key, k)).forEach(keys::add);
        }
        return keys;
    }

    private static Map<Integer, Integer> within(Map<Integer, Integer> counts, IntPredicate among) {
        Map<Integer, Integer> kept = new java.util.HashMap<>();
        if (counts != null) {
            counts.forEach((series, files) -> {
                if (among.test(series)) {
                    kept.put(series, files);
                }
            });
        }
        return kept;
    }

    private static Optional<Preferred> single(Map<Integer, Integer> counts, String where) {
        if (counts.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<Integer, Integer> only = counts.entrySet().iterator().next();
        return Optional.of(new Preferred(only.getKey(), only.getValue(), where));
    }

    private static String folderKey(Path folder, String key) {
        return (folder == null ? "" : folderName(folder)) + "\u0000" + key;
    }

    private static String folderName(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }
}
