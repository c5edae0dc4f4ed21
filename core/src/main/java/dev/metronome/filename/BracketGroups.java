package dev.metronome.filename;

import java.util.Set;

/** Classifies the content of one bracket group: a year or date, a count, a format flag, a variant hint. */
final class BracketGroups {

    private static final Set<String> FLAG_WORDS = Set.of("digital", "webrip", "web-rip", "c2c", "fcbd",
            "annual", "tpb", "hc", "gn", "ogn", "omnibus", "one-shot", "oneshot", "special", "hardcover");

    private BracketGroups() {
    }

    /**
     * The year of {@code (2021)}, {@code (January 2022)}, {@code (Sep-Oct 1951)}, {@code (FCBD 2021)},
     * {@code (2021-08-04)}; -1 when the group holds anything else.
     */
    static int year(String key) {
        int year = -1;
        int start = 0;
        int n = key.length();
        if (n > 40) {
            return -1;
        }
        for (int i = 0; i <= n; i++) {
            if (i == n || key.charAt(i) == ' ' || key.charAt(i) == ',') {
                if (i > start) {
                    String w = key.substring(start, i);
                    int y = Keywords.year(w);
                    if (y < 0) {
                        y = Keywords.dateYear(w);
                    }
                    if (y > 0) {
                        year = y;
                    } else if (!Keywords.isMonthOrRange(w) && !w.equals("fcbd")
                            && !(Keywords.allDigits(w) && w.length() <= 2)) {
                        return -1;
                    }
                }
                start = i + 1;
            }
        }
        return year;
    }

    /** The count in {@code (of 6)}, else null. */
    static Integer ofCount(String key) {
        if (key.startsWith("of ") && Keywords.allDigits(key.substring(3).strip())) {
            int n = Keywords.smallInt(key.substring(3).strip());
            return n >= 0 ? n : null;
        }
        return null;
    }

    /** A word that only announces a format or kind of book ({@code digital}, {@code c2c}, {@code TPB}). */
    static boolean isFlagWord(String key) {
        return FLAG_WORDS.contains(key);
    }

    /** {@code (Digital)}, {@code (c2c)}, {@code (Digital TPB)}, {@code (digital-Empire)}. */
    static boolean isFlagGroup(String key) {
        return FLAG_WORDS.contains(key) || allFlagWords(key) || flagGroupSuffix(key, key) != null;
    }

    /** The release group after a flag word: {@code (digital-Empire)} → {@code Empire}; else null. */
    static String flagGroupSuffix(String key, String text) {
        int dash = key.indexOf('-');
        if (dash > 0 && dash + 1 < key.length() && FLAG_WORDS.contains(key.substring(0, dash))
                && !FLAG_WORDS.contains(key)) {
            return text.substring(dash + 1);
        }
        return null;
    }

    private static boolean allFlagWords(String key) {
        if (key.indexOf(' ') < 0) {
            return false;
        }
        for (String w : key.split(" ")) {
            if (!FLAG_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** {@code (Variant Cover)}, {@code (3 covers)}, {@code (1:25)}, {@code (Virgin)}. */
    static boolean isVariant(String key) {
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == ' ' || key.charAt(i) == '-') {
                if (i > start && Keywords.isVariantWord(key.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        int colon = key.indexOf(':');
        return colon > 0 && Keywords.allDigits(key.substring(0, colon))
                && Keywords.allDigits(key.substring(colon + 1));
    }
}
