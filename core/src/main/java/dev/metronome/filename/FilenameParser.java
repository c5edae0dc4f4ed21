package dev.metronome.filename;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads series, issue number, volume, year, counts, title, flags and bracketed information out of a
 * comic archive's file name, using its parent folders as context.
 *
 * <p>Stateless, so one instance can be shared by any number of threads. It never throws and runs in
 * time linear in the name's length (names are cut to {@value NameAnalyzer#MAX_LENGTH} characters): a
 * tokenizer and a few passes over the tokens, no backtracking regular expressions.
 *
 * <p>Folder context ({@link #parse(Path)}): Mylar-style {@code Series (Year)/Series 001 (Year).cbz},
 * {@code Publisher/Series (Year)/...} and {@code Series v2/...}. A file whose own name gives no series
 * ({@code 001.cbz}, {@code Issue 12.cbz}) takes series, year and volume from the nearest folder; a
 * folder's year becomes the volume (series start year) when the folder names the same series as the
 * file; a known publisher name two levels up becomes the publisher.
 */
public final class FilenameParser {

    /** Folders that are containers, not series or publishers. */
    private static final Set<String> GENERIC_FOLDERS = Set.of("comics", "comic", "library", "libraries",
            "downloads", "download", "books", "media", "data", "home", "users", "mnt", "volumes", "storage",
            "manga", "collection", "new", "incoming", "unsorted", "tmp", "temp", "srv", "share", "shares",
            "documents", "desktop", "files", "archive", "archives", "torrents", "complete", "completed", "mylar",
            "komga", "kavita", "ubooquity", "publishers", "series", "");

    /** Creates a parser; it holds no state. */
    public FilenameParser() {
        // stateless
    }

    /**
     * Parses a bare file name, without folder context.
     *
     * @param name the file name, e.g. {@code Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz};
     *             {@code null} is treated as empty
     * @return what was understood; never null
     */
    public ParsedName parse(String name) {
        try {
            return NameAnalyzer.analyze(name, true).toParsedName(List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(name, e);
        }
    }

    /**
     * Parses a path's file name and uses up to two parent folders as context.
     *
     * @param path the archive path (need not exist); {@code null} is treated as empty
     * @return what was understood; never null
     */
    public ParsedName parse(Path path) {
        String fileName = "";
        try {
            if (path == null || path.getFileName() == null) {
                return parse(fileName);
            }
            fileName = path.getFileName().toString();
            List<String> folders = new ArrayList<>(2);
            Path parent = path.getParent();
            for (int i = 0; i < 2 && parent != null && parent.getFileName() != null; i++) {
                folders.add(parent.getFileName().toString());
                parent = parent.getParent();
            }
            return parse(fileName, folders);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(fileName, e);
        }
    }

    /**
     * Parses a file name with explicit folder context.
     *
     * @param name    the file name
     * @param folders parent folder names, nearest first (at most the first two are used)
     * @return what was understood; never null
     */
    public ParsedName parse(String name, List<String> folders) {
        try {
            NameParts file = NameAnalyzer.analyze(name, true);
            List<String> used = new ArrayList<>(2);
            if (folders != null) {
                for (String folder : folders) {
                    if (used.size() < 2 && folder != null) {
                        used.add(folder);
                    }
                }
            }
            if (!used.isEmpty()) {
                FolderContext.apply(file, used, GENERIC_FOLDERS);
            }
            return file.toParsedName(used);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(name, e);
        }
    }

    private static ParsedName failed(String name, Throwable e) {
        NameParts parts = new NameParts();
        parts.input = name == null ? "" : name;
        parts.remainder = parts.input;
        parts.note("could not parse: " + e.getClass().getSimpleName());
        return parts.toParsedName(List.of());
    }

    /** Lower-case letters and digits only, for comparing series names loosely. */
    static String looseKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
