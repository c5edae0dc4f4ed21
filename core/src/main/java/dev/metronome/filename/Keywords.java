package dev.metronome.filename;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word lists and cheap character-level tests used by the lexer and the analyzer (no regular expressions). */
final class Keywords {

    /** Lowest and highest four-digit numbers read as a year. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2099;

    private static final Set<String> VOLUME_KEYWORDS = Set.of("v", "v.", "vol", "vol.", "volume", "book", "tome");
    private static final Set<String> ISSUE_KEYWORDS = Set.of("issue", "no", "no.", "prog", "nr", "nr.", "n°", "№", "chapter", "ch", "ch.");
    private static final Set<String> MONTHS = Set.of("jan", "january", "feb", "february", "mar", "march", "apr",
            "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct",
            "october", "nov", "november", "dec", "december", "spring", "summer", "fall", "autumn", "winter");
    private static final Set<String> PUBLISHER_WORDS = Set.of("dc", "marvel");
    private static final Map<String, String> PUBLISHER_GROUPS = Map.ofEntries(
            Map.entry("dc", "DC"), Map.entry("dc comics", "DC Comics"), Map.entry("marvel", "Marvel"),
            Map.entry("marvel comics", "Marvel"), Map.entry("image", "Image"), Map.entry("image comics", "Image"),
            Map.entry("dark horse", "Dark Horse"), Map.entry("dark horse comics", "Dark Horse"),
            Map.entry("idw", "IDW"), Map.entry("idw publishing", "IDW"), Map.entry("boom", "BOOM! Studios"),
            Map.entry("boom!", "BOOM! Studios"), Map.entry("boom! studios", "BOOM! Studios"),
            Map.entry("boom studios", "BOOM! Studios"), Map.entry("dynamite", "Dynamite"),
            Map.entry("dynamite entertainment", "Dynamite"), Map.entry("valiant", "Valiant"),
            Map.entry("oni press", "Oni Press"), Map.entry("archie", "Archie"), Map.entry("archie comics", "Archie"),
            Map.entry("titan", "Titan"), Map.entry("titan comics", "Titan"), Map.entry("vertigo", "Vertigo"),
            Map.entry("wildstorm", "WildStorm"), Map.entry("aftershock", "AfterShock"), Map.entry("ahoy", "AHOY"),
            Map.entry("awa", "AWA"), Map.entry("mad cave", "Mad Cave"), Map.entry("vault", "Vault"),
            Map.entry("black mask", "Black Mask"), Map.entry("avatar press", "Avatar Press"),
            Map.entry("zenescope", "Zenescope"), Map.entry("aspen", "Aspen"), Map.entry("top cow", "Top Cow"),
            Map.entry("skybound", "Skybound"), Map.entry("rebellion", "Rebellion"),
            Map.entry("fantagraphics", "Fantagraphics"), Map.entry("2000 ad", "2000 AD"));
    private static final Set<String> VARIANT_WORDS = Set.of("variant", "variants", "var", "cover", "covers",
            "virgin", "incentive", "sketch", "foil", "blank", "exclusive");
    /** Words that only mark a format; they are dropped from series and title. */
    private static final Set<String> FORMAT_WORDS = Set.of("c2c", "tpb", "hc", "gn", "ogn", "fcbd");
    /** Names that end in a number but are never followed by an issue number of that size. */
    private static final Set<String> NUMBERED_NAMES = Set.of("2099", "2077", "2259", "2019", "2029", "2039", "2049");

    private Keywords() {
    }

    static boolean isVolumeKeyword(String key) {
        return VOLUME_KEYWORDS.contains(key);
    }

    static boolean isIssueKeyword(String key) {
        return ISSUE_KEYWORDS.contains(key);
    }

    static boolean isMonth(String key) {
        return MONTHS.contains(key);
    }

    /** {@code sep}, {@code sep-oct}, {@code september/october}. */
    static boolean isMonthOrRange(String key) {
        if (isMonth(key)) {
            return true;
        }
        int sep = indexOfAny(key, '-', '/');
        return sep > 0 && isMonth(key.substring(0, sep)) && isMonth(key.substring(sep + 1));
    }

    static boolean isPublisherWord(String key) {
        return PUBLISHER_WORDS.contains(key);
    }

    /** The publisher a bracket group names exactly, e.g. {@code (DC)}, or null. */
    static String publisherGroup(String lowerContent) {
        return PUBLISHER_GROUPS.get(lowerContent);
    }

    static boolean isVariantWord(String key) {
        return VARIANT_WORDS.contains(key);
    }

    static boolean isFormatWord(String key) {
        return FORMAT_WORDS.contains(key);
    }

    static boolean isNumberedName(String key) {
        return NUMBERED_NAMES.contains(key);
    }

    /** {@code v1}, {@code V03}, {@code v1965}, {@code vol2}, {@code vol.2}: a volume marker in one word. */
    static boolean isVolumeWord(String w) {
        return volumeWordNumber(w) != null;
    }

    /** The digits of a one-word volume marker ({@code v03} → {@code 03}), or null. */
    static String volumeWordNumber(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        int p;
        if (lower.startsWith("volume")) {
            p = 6;
        } else if (lower.startsWith("vol")) {
            p = 3;
        } else if (lower.startsWith("v")) {
            p = 1;
        } else {
            return null;
        }
        if (p < lower.length() && lower.charAt(p) == '.') {
            p++;
        }
        if (p >= lower.length() || lower.length() - p > 6) {
            return null;
        }
        return allDigits(lower, p) ? lower.substring(p) : null;
    }

    static boolean allDigits(String s) {
        return !s.isEmpty() && allDigits(s, 0);
    }

    static boolean allDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A four-digit number between {@link #MIN_YEAR} and {@link #MAX_YEAR}, else -1. */
    static int year(String s) {
        if (s.length() != 4 || !allDigits(s)) {
            return -1;
        }
        int y = Integer.parseInt(s);
        return y >= MIN_YEAR && y <= MAX_YEAR ? y : -1;
    }

    /** The year of a full date {@code 2021-08-04}, {@code 2021-08} or {@code 2021.08.04}, else -1. */
    static int dateYear(String s) {
        if (s.length() < 7 || s.length() > 10 || (s.charAt(4) != '-' && s.charAt(4) != '.')) {
            return -1;
        }
        for (int i = 5; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
                return -1;
            }
        }
        return year(s.substring(0, 4));
    }

    /** {@code '89} or {@code ’89}: a two-digit year with an apostrophe. */
    static boolean isApostropheYear(String s) {
        return s.length() == 3 && (s.charAt(0) == '\'' || s.charAt(0) == '’') && allDigits(s, 1);
    }

    /** Numbers up to 9 digits as int, else -1. */
    static int smallInt(String s) {
        if (!allDigits(s) || s.length() > 9) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    /**
     * Whether a word can be an issue number: optional minus, digits (dotted parts allowed), an optional
     * fraction and a short letter suffix ({@code 001}, {@code 1.5}, {@code 1½}, {@code ½}, {@code -1},
     * {@code 1.MU}, {@code 5AU}, {@code 12b}, {@code 078.BEY}, {@code 1-6}, {@code 0.0.1}), or {@code ∞}.
     */
    static boolean isIssueLike(String w) {
        int n = w.length();
        if (n == 0 || n > 16) {
            return false;
        }
        if (w.equals("∞") || w.equals("½") || w.equals("¼") || w.equals("¾") || w.equals("1/2")) {
            return true;
        }
        int p = 0;
        if (w.charAt(0) == '-') {
            p = 1;
        }
        int digitsStart = p;
        while (p < n && isAsciiDigit(w.charAt(p))) {
            p++;
        }
        if (p == digitsStart) {
            return false;
        }
        while (p + 1 < n && w.charAt(p) == '.' && isAsciiDigit(w.charAt(p + 1))) {
            p++;
            while (p < n && isAsciiDigit(w.charAt(p))) {
                p++;
            }
        }
        if (p < n && (w.charAt(p) == '½' || w.charAt(p) == '¼' || w.charAt(p) == '¾')) {
            p++;
        }
        if (p == n) {
            return true;
        }
        if (w.charAt(p) == '-' && digitsStart == 0) {
            return allDigits(w, p + 1) && n - p - 1 <= 4;
        }
        if (w.charAt(p) == '.' || w.charAt(p) == '-') {
            p++;
        }
        int letters = n - p;
        if (letters == 0 || letters > 4 || isOrdinalSuffix(w.substring(p))) {
            return false;
        }
        for (int i = p; i < n; i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrdinalSuffix(String suffix) {
        String s = suffix.toLowerCase(Locale.ROOT);
        return s.equals("st") || s.equals("nd") || s.equals("rd") || s.equals("th");
    }

    /**
     * A zero-padded letter-prefixed number standing alone ({@code B01}, {@code A005}); {@code F 3000},
     * {@code X2} and {@code V1} do not qualify.
     */
    static boolean isPaddedLetterPrefixed(String w) {
        return w.length() >= 3 && w.length() <= 6 && Character.isLetter(w.charAt(0)) && w.charAt(1) == '0'
                && allDigits(w, 1);
    }

    /** A letter-prefixed number after {@code #}: {@code B01}, {@code A22}. */
    static boolean isLetterPrefixed(String w) {
        int p = 0;
        while (p < w.length() && p < 3 && Character.isLetter(w.charAt(p))) {
            p++;
        }
        return p > 0 && p < w.length() && isIssueLike(w.substring(p)) && w.charAt(p) != '-';
    }

    /** Count of digits in the integer part after leading zeros: {@code 0012} → 2, {@code 1024} → 4. */
    static int significantDigits(String w) {
        int p = w.startsWith("-") ? 1 : 0;
        while (p < w.length() && w.charAt(p) == '0') {
            p++;
        }
        int count = 0;
        while (p < w.length() && isAsciiDigit(w.charAt(p))) {
            p++;
            count++;
        }
        return count;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
