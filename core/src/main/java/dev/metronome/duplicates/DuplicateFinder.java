package dev.metronome.duplicates;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveFormat;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.ImageHeaders;
import dev.metronome.organize.ArchiveMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Finds archives that are the same issue: the same Metron issue id, or, when ids are missing, the same series,
 * number and year (names compared without case, accents or punctuation). A copy with an id and one without join a
 * group through their series, number and year.
 *
 * <p>The best copy has, in order: the highest page resolution (the widest of the cover and a middle page), then
 * the most pages, then a writable format (CBZ), then a MetronInfo.xml, then the largest file, then the shortest path.
 */
public final class DuplicateFinder {

    /** Archives that could not be read, with the reason. */
    public record Unreadable(Path path, String reason) {
    }

    /** What a search found. */
    public record Result(List<DuplicateGroup> groups, List<Unreadable> unreadable, int archives) {
    }

    private static final Comparator<Copy> BEST_FIRST = Comparator
            .comparingLong((Copy c) -> (long) c.width() * c.height()).reversed()
            .thenComparing(Comparator.comparingInt(Copy::pages).reversed())
            .thenComparing(c -> !c.format().equals(ArchiveFormat.CBZ.name()))
            .thenComparing(c -> !c.hasMetronInfo())
            .thenComparing(Comparator.comparingLong(Copy::size).reversed())
            .thenComparing(c -> c.path().toString().length())
            .thenComparing(c -> c.path().toString());

    private final int jobs;

    /** A finder reading {@code jobs} archives at a time. */
    public DuplicateFinder(int jobs) {
        this.jobs = Math.max(1, jobs);
    }

    /** Walks the paths and groups the archives that are the same issue. */
    public Result find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(Archives.under(path));
            } else {
                files.add(path);
            }
        }
        List<Object> read;
        ForkJoinPool pool = new ForkJoinPool(jobs);
        try {
            read = pool.submit(() -> files.parallelStream().map(DuplicateFinder::describe).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Copy> copies = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Object o : read) {
            if (o instanceof Copy copy) {
                copies.add(copy);
            } else if (o instanceof Unreadable u) {
                unreadable.add(u);
            }
        }
        return new Result(group(copies), unreadable, files.size());
    }

    /** Groups copies sharing an id or a series-number-year key (union-find over both keys). */
    static List<DuplicateGroup> group(List<Copy> copies) {
        int[] parent = new int[copies.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            for (String key : keys(copies.get(i))) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        Map<Integer, List<Copy>> groups = new LinkedHashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(copies.get(i));
        }
        List<DuplicateGroup> result = new ArrayList<>();
        for (List<Copy> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<Copy> sorted = new ArrayList<>(group);
            sorted.sort(BEST_FIRST);
            Copy best = sorted.get(0);
            String issue = group.stream().map(Copy::metronId).filter(id -> !id.isEmpty()).findFirst()
                    .map(id -> "metron:" + id + " " + best.key()).orElse(best.key());
            result.add(new DuplicateGroup(issue.strip(), best, List.copyOf(sorted.subList(1, sorted.size())), reason(best, sorted.get(1))));
        }
        return result;
    }

    private static List<String> keys(Copy copy) {
        List<String> keys = new ArrayList<>();
        if (!copy.metronId().isEmpty()) {
            keys.add("id:" + copy.metronId());
        }
        if (!copy.key().isEmpty()) {
            keys.add("sny:" + copy.key());
        }
        return keys;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static String reason(Copy best, Copy next) {
        if ((long) best.width() * best.height() != (long) next.width() * next.height()) {
            return "highest resolution (" + best.resolution() + ")";
        }
        if (best.pages() != next.pages()) {
            return "most pages (" + best.pages() + ")";
        }
        if (!best.format().equals(next.format())) {
            return best.format() + " (writable)";
        }
        if (best.hasMetronInfo() != next.hasMetronInfo()) {
            return "has MetronInfo.xml";
        }
        if (best.size() != next.size()) {
            return "largest file";
        }
        return "equal copies: the first by path";
    }

    private static Object describe(Path path) {
        try (ComicArchive archive = Archives.open(path)) {
            ArchiveMetadata.Models models = ArchiveMetadata.read(archive);
            ComicMetadata m = models.metronInfo() != null ? models.metronInfo() : models.comicInfo();
            if (m == null) {
                return null; // untagged: not an issue we can compare
            }
            String id = metronId(models.metronInfo()).or(() -> metronId(models.comicInfo())).orElse("");
            String series = normalise(m.series().name());
            String key = series.isEmpty() || m.number().isEmpty() ? ""
                    : series + " #" + m.number().sortKey().map(k -> k.stripTrailingZeros().toPlainString()).orElse(m.number().raw())
                    + m.coverDate().map(d -> " (" + d.year() + ")").orElse("");
            List<ArchiveEntry> pages = archive.pages();
            int width = 0;
            int height = 0;
            String imageFormat = "";
            for (int index : pages.isEmpty() ? List.<Integer>of() : List.of(0, pages.size() / 2)) {
                try (InputStream in = archive.open(pages.get(index))) {
                    Optional<ImageHeaders.ImageSize> size = ImageHeaders.read(in);
                    if (size.isPresent() && (long) size.get().width() * size.get().height() > (long) width * height) {
                        width = size.get().width();
                        height = size.get().height();
                        imageFormat = size.get().format();
                    }
                }
            }
            return new Copy(path, archive.format().name(), pages.size(), Files.size(path), width, height, imageFormat, id, key,
                    models.metronInfo() != null);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Unreadable(path, message.lines().findFirst().orElse(message));
        }
    }

    private static Optional<String> metronId(ComicMetadata metadata) {
        return metadata == null ? Optional.empty() : metadata.id(IdSource.METRON, ExternalId.Kind.ISSUE).map(ExternalId::value);
    }

    /** Series names compared without case, accents, punctuation or a leading "The". */
    static String normalise(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        text = text.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return text.startsWith("the ") ? text.substring(4) : text;
    }
}
