package dev.metronome.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules about entry names: which are pages, which are junk, and how a name is made safe so that it can
 * never escape a folder.
 */
public final class EntryNames {

    /** Extensions of the image entries that count as pages. */
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "jxl");

    private EntryNames() {
    }

    /** Normalizes separators to {@code /} and strips a leading {@code ./}. Does not make the name safe. */
    public static String normalize(String raw) {
        String name = raw.replace('\\', '/');
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name;
    }

    /** Whether the entry is operating-system junk: {@code __MACOSX}, dot files, {@code Thumbs.db}, {@code desktop.ini}. */
    public static boolean isJunk(String name) {
        for (String segment : name.split("/")) {
            if (segment.equals("__MACOSX") || segment.startsWith(".")) {
                return true;
            }
        }
        String file = fileName(name).toLowerCase(Locale.ROOT);
        return file.equals("thumbs.db") || file.equals("desktop.ini");
    }

    /** Whether the entry is a page image (by extension, not junk, and safely named). */
    public static boolean isPage(String name) {
        return !isJunk(name) && isSafe(name) && IMAGE_EXTENSIONS.contains(extension(name));
    }

    /**
     * The name as a safe relative path: no absolute path, drive letter, {@code ..} or empty segment; or empty if
     * nothing safe is left.
     */
    public static Optional<String> safe(String raw) {
        String name = normalize(raw);
        List<String> kept = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.indexOf('\0') >= 0 || segment.matches("[A-Za-z]:")) {
                return Optional.empty();
            }
            kept.add(segment);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join("/", kept));
    }

    /** Whether the raw name is safe as it stands (relative, no {@code ..}). */
    public static boolean isSafe(String raw) {
        String name = normalize(raw);
        return !name.startsWith("/") && safe(name).map(name::equals).orElse(false);
    }

    static String fileName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    static String extension(String name) {
        String file = fileName(name);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
