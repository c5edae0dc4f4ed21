package dev.metronome.identify;

import dev.metronome.filename.FilenameParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Whether a folder is a series folder: its own name is the series ({@code Superman (2016)}), or its archives all
 * name one series. Only there does the series the other files of a name turned out to be say anything about a file
 * whose name gives no year: a download folder that mixes names (and so, likely, volumes) proves nothing. Each
 * folder is listed once per run. Thread-safe.
 */
final class SeriesFolders {

    private static final Set<String> ARCHIVES = Set.of("cbz", "cbr", "cb7", "cbt", "zip", "rar", "7z", "tar");

    private final FilenameParser parser = new FilenameParser();
    private final Map<Path, Set<String>> seriesOfFiles = new ConcurrentHashMap<>();

    /**
     * Whether {@code folder} is a folder of the series {@code name}.
     *
     * @param folder the file's folder (null: not a series folder)
     * @param name   the series name the file gives
     * @return true when the folder's name or all its archives name that series
     */
    boolean isSeriesFolder(Path folder, String name) {
        String key = SeriesNames.key(name);
        if (folder == null || key.isEmpty()) {
            return false;
        }
        Path own = folder.getFileName();
        if (own != null && key.equals(seriesKey(folder.resolve(own.toString() + ".cbz")))) {
            return true;
        }
        Set<String> keys = seriesOfFiles.computeIfAbsent(folder.toAbsolutePath().normalize(), this::seriesKeysOf);
        return keys.size() == 1 && keys.contains(key);
    }

    private Set<String> seriesKeysOf(Path folder) {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).filter(SeriesFolders::isArchive).forEach(f -> {
                String key = seriesKey(EvidenceCollector.dotsAsSpaces(f));
                keys.add(key);
            });
        } catch (IOException | RuntimeException e) {
            keys.add("\u0000unlisted"); // a folder that cannot be listed is not known to be a series folder
        }
        return keys;
    }

    private String seriesKey(Path file) {
        return SeriesNames.key(parser.parse(file).series().orElse(""));
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && ARCHIVES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
