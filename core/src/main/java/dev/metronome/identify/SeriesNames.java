package dev.metronome.identify;

import dev.metronome.cache.SeriesKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Series names compared the way people write them: case, punctuation, diacritics, a leading "The", "&" and "and"
 * do not count; what is left is compared by edit distance.
 */
public final class SeriesNames {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "a", "an", "of");
    private static final Set<String> PLACEHOLDERS = Set.of("scan", "scans", "img", "image", "page", "comic", "file",
            "untitled", "document", "dsc", "photo", "download");
    private static final Pattern DISPLAY_YEAR = Pattern.compile("\\s*\\((\\d{4})\\)\\s*");

    private SeriesNames() {
    }

    /** The comparable form: {@code "The Amazing Spider-Man & Co."} -> {@code "amazing spider man co"}. */
    public static String key(String name) {
        String normalized = SeriesKey.normalize(name == null ? "" : name.replace("&", " and "));
        List<String> words = new ArrayList<>(Arrays.asList(normalized.split(" ")));
        words.removeIf(w -> w.isEmpty() || STOP_WORDS.contains(w));
        return String.join(" ", words);
    }

    /**
     * Whether a name is a scanner's, camera's or downloader's default ({@code scan_0042}, {@code IMG 0042},
     * {@code comic_00012}) rather than a series: not worth a search.
     *
     * @param name the series name a file name gave
     * @return whether it is a placeholder
     */
    public static boolean placeholder(String name) {
        return PLACEHOLDERS.contains(key(name));
    }

    /**
     * Whether two texts differ only by two neighbouring letters swapped ({@code spiedr}, {@code spider}).
     *
     * @param a one text
     * @param b the other
     * @return whether one is the other with one such typo
     */
    public static boolean oneTransposition(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && Character.isLetter(a.charAt(i)) && Character.isLetter(a.charAt(i + 1))
                && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** The words to send to Metron's {@code name} filter (every word must be a substring of the name). */
    public static List<String> queryWords(String name) {
        String k = key(name);
        return k.isEmpty() ? List.of() : List.of(k.split(" "));
    }

    /** The series name of a list item's display text: {@code "Death of the Inhumans (2018)"} without the year. */
    public static String fromDisplay(String display) {
        if (display == null) {
            return "";
        }
        return DISPLAY_YEAR.matcher(display).replaceAll(" ").strip();
    }

    /**
     * How alike two names are, 0 to 1 (1 = the same after normalization).
     *
     * @param a one name
     * @param b the other
     * @return the similarity
     */
    public static double similarity(String a, String b) {
        String x = key(a);
        String y = key(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        String xs = x.replace(" ", "");
        String ys = y.replace(" ", "");
        if (xs.equals(ys)) {
            return 0.98;
        }
        int distance = levenshtein(xs, ys);
        return Math.max(0, 1.0 - (double) distance / Math.max(xs.length(), ys.length()));
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    private static int levenshtein(String a, String b) {
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            int[] swap = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
