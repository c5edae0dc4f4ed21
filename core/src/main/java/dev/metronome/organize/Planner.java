package dev.metronome.organize;

import dev.metronome.archive.Archives;
import dev.metronome.archive.TempFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * Decides where each archive goes, and never lets one file take another's name.
 *
 * <p>For each archive the template gives a target. When a file already has that name (or another archive of this
 * run claimed it): with the same bytes, the archive is a {@link PlannedFile.Status#DUPLICATE}, reported and left
 * where it is; with other bytes, the archive gets the first free {@code "name (2).cbz"}, {@code "(3)"}... Names are
 * compared ignoring letter case, as on Windows and macOS. Side files follow per {@link SidecarPolicy}.
 */
public final class Planner {

    /**
     * How to plan.
     *
     * @param template the name template
     * @param names    the naming rules and limits
     * @param into     the library to file into; empty: each folder given is its own library
     * @param sidecars what happens to files beside the archives
     * @param jobs     archives read in parallel
     */
    public record Options(NameTemplate template, SafeNames names, Optional<Path> into, SidecarPolicy sidecars, int jobs) {

        /** The default template and names, in place, side files following, one job per core. */
        public static Options defaults() {
            return new Options(NameTemplate.parse(null), SafeNames.DEFAULT, Optional.empty(), SidecarPolicy.MOVE,
                    Runtime.getRuntime().availableProcessors());
        }

        /** These options filing into another library. */
        public Options withInto(Path folder) {
            return new Options(template, names, Optional.ofNullable(folder), sidecars, jobs);
        }

        /** These options with another template. */
        public Options withTemplate(NameTemplate value) {
            return new Options(value, names, into, sidecars, jobs);
        }

        /** These options with another side-file policy. */
        public Options withSidecars(SidecarPolicy value) {
            return new Options(template, names, into, value, jobs);
        }
    }

    private record Source(Path file, Path root, boolean walked) {
    }

    private record Read(Source source, IssueFields fields, String error) {
    }

    private final Options options;
    private final Map<String, Path> claimed = new HashMap<>();
    private final Map<Path, Map<String, Path>> listings = new HashMap<>();

    /** A planner with these options. */
    public Planner(Options options) {
        this.options = options;
    }

    /** Plans the organisation of these files and folders (folders are walked). */
    public Plan plan(List<Path> paths) throws IOException {
        claimed.clear();
        listings.clear();
        List<Source> sources = new ArrayList<>();
        Set<Path> roots = new LinkedHashSet<>();
        Optional<Path> into = options.into().map(p -> p.toAbsolutePath().normalize());
        into.ifPresent(roots::add);
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                roots.add(path);
                Path root = into.orElse(path);
                Archives.under(path).forEach(p -> sources.add(new Source(p, root, true)));
            } else if (Files.isRegularFile(path)) {
                roots.add(path.getParent());
                sources.add(new Source(path, into.orElse(path.getParent()), false));
            } else {
                throw new java.nio.file.NoSuchFileException(given.toString());
            }
        }
        List<Read> reads = readAll(sources);
        List<PlannedFile> files = new ArrayList<>();
        for (Read read : reads) {
            files.add(decide(read));
        }
        if (options.sidecars() == SidecarPolicy.MOVE) {
            files.addAll(sidecars(reads, files));
        }
        return new Plan(List.copyOf(files), List.copyOf(roots));
    }

    private List<Read> readAll(List<Source> sources) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.jobs()));
        try {
            return pool.submit(() -> sources.parallelStream().map(Planner::read).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Read read(Source source) {
        try {
            return new Read(source, ArchiveMetadata.fields(source.file()), null);
        } catch (IOException | RuntimeException e) {
            return new Read(source, null, Runs.oneLine(e));
        }
    }

    private PlannedFile decide(Read read) {
        Path file = read.source().file();
        if (read.fields() == null) {
            return new PlannedFile(file, null, PlannedFile.Status.ERROR, false, read.error());
        }
        if (!read.fields().hasMetadata()) {
            return new PlannedFile(file, null, PlannedFile.Status.SKIPPED, false, "no metadata (no series in ComicInfo or MetronInfo)");
        }
        Path target = read.source().root();
        for (String name : options.template().render(read.fields(), options.names())) {
            target = target.resolve(name);
        }
        return place(file, target, false);
    }

    /** Claims a target for a file: in place, a duplicate, the target, or the first free suffixed name. */
    private PlannedFile place(Path file, Path target, boolean sidecar) {
        String ext = ArchiveMetadata.extension(target.getFileName().toString());
        String stem = target.getFileName().toString();
        stem = ext.isEmpty() ? stem : stem.substring(0, stem.length() - ext.length() - 1);
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? target : target.resolveSibling(options.names().file(stem + " (" + n + ")", ext));
            if (candidate.equals(file)) {
                claim(candidate, file);
                return new PlannedFile(file, candidate, PlannedFile.Status.IN_PLACE, sidecar, "");
            }
            Path holder = claimed.get(key(candidate));
            Path existing = existing(candidate);
            if (holder == null && existing == null) {
                claim(candidate, file);
                return new PlannedFile(file, candidate, n == 1 ? PlannedFile.Status.MOVE : PlannedFile.Status.MOVE_WITH_SUFFIX,
                        sidecar, n == 1 ? "" : target.getFileName() + " is another file");
            }
            try {
                if (holder == null && Files.isSameFile(existing, file)) {
                    claim(candidate, file); // the file itself, its name in another letter case
                    return new PlannedFile(file, existing, PlannedFile.Status.IN_PLACE, sidecar, "");
                }
                Path other = holder != null ? holder : existing;
                if (FileMover.sameContent(file, other)) {
                    return new PlannedFile(file, other, PlannedFile.Status.DUPLICATE, sidecar, "the same bytes as " + other);
                }
            } catch (IOException e) {
                // unreadable: treated as other content, so a suffix keeps both
            }
        }
    }

    /** The file that has this name now, compared ignoring letter case and Unicode form; null if none. */
    private Path existing(Path candidate) {
        if (Files.exists(candidate)) {
            return candidate;
        }
        Map<String, Path> listing = listings.computeIfAbsent(candidate.getParent(), folder -> {
            Map<String, Path> names = new HashMap<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.forEach(p -> names.put(key(p.getFileName()), p));
                } catch (IOException | UncheckedIOException e) {
                    // unreadable folder: the reservation at move time still refuses a taken name
                }
            }
            return names;
        });
        return listing.get(key(candidate.getFileName()));
    }

    private void claim(Path target, Path file) {
        claimed.put(key(target), file);
    }

    private static String key(Path path) {
        return java.text.Normalizer.normalize(path.toString(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Side files: named like a moving archive, they follow it; the rest follow when a whole folder moves to one place. */
    private List<PlannedFile> sidecars(List<Read> reads, List<PlannedFile> decided) throws IOException {
        Map<Path, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            byFolder.computeIfAbsent(reads.get(i).source().file().getParent(), f -> new ArrayList<>()).add(i);
        }
        List<PlannedFile> result = new ArrayList<>();
        for (Map.Entry<Path, List<Integer>> folder : byFolder.entrySet()) {
            List<Path> others;
            try (Stream<Path> list = Files.list(folder.getKey())) {
                others = list.filter(Files::isRegularFile).filter(p -> isSideFile(p.getFileName().toString())).sorted().toList();
            }
            Set<Path> taken = new LinkedHashSet<>();
            for (int i : folder.getValue()) {
                PlannedFile archive = decided.get(i);
                if (!archive.moves()) {
                    continue;
                }
                String sourceStem = ArchiveMetadata.stem(archive.source().getFileName().toString());
                String targetStem = ArchiveMetadata.stem(archive.target().getFileName().toString());
                for (Path other : others) {
                    String name = other.getFileName().toString();
                    if (!taken.contains(other) && name.startsWith(sourceStem + ".")) {
                        taken.add(other);
                        Path target = archive.target().resolveSibling(options.names().file(
                                targetStem + ArchiveMetadata.stem(name).substring(sourceStem.length()), ArchiveMetadata.extension(name)));
                        result.add(place(other, target, true));
                    }
                }
            }
            boolean walked = folder.getValue().stream().allMatch(i -> reads.get(i).source().walked());
            Set<Path> targetFolders = new LinkedHashSet<>();
            boolean allMove = true;
            for (int i : folder.getValue()) {
                allMove &= decided.get(i).moves();
                if (decided.get(i).target() != null) {
                    targetFolders.add(decided.get(i).target().getParent());
                }
            }
            if (walked && allMove && targetFolders.size() == 1 && !targetFolders.contains(folder.getKey())) {
                Path into = targetFolders.iterator().next();
                for (Path other : others) {
                    if (!taken.contains(other)) {
                        result.add(place(other, into.resolve(other.getFileName().toString()), true));
                    }
                }
            }
        }
        return result;
    }

    private static boolean isSideFile(String name) {
        return !name.startsWith(".") && !ArchiveMetadata.isArchiveName(name) && !name.endsWith(TempFiles.SUFFIX)
                && !name.endsWith(Journal.EXTENSION) && !name.equals("organize.lock");
    }
}
