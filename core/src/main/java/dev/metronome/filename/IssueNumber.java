package dev.metronome.filename;

/**
 * An issue number as written in a name, its normalized form and a numeric sort key.
 *
 * <p>Normalization follows the way Metron records numbers: no zero padding ({@code 001} → {@code 1},
 * {@code 078.BEY} → {@code 78.BEY}, {@code B01} → {@code B1}); letter prefixes and suffixes are kept as
 * written ({@code 1.MU}, {@code 5AU}, {@code 12b}); a minus sign is kept ({@code -1}); halves, quarters
 * and three-quarters written as {@code 1/2}, {@code 1/4}, {@code 3/4} become the vulgar-fraction
 * characters {@code ½ ¼ ¾} (as in Metron's documented numbers and ComicTagger's tests), so
 * {@code 1/2} and {@code ½} normalize to the same {@code ½}; decimals stay decimals ({@code 0.5},
 * {@code 1.5}); a range {@code 1-6} or {@code 001-006} normalizes to {@code 1-6} with
 * {@link #rangeEnd()} {@code "6"}; {@code ∞} stays {@code ∞}. A dotted number with more than one dot
 * drops its leading all-zero parts ({@code 0.0.1} → {@code 0.1}).
 *
 * <p>The sort key is the numeric value ({@code 1½} → 1.5, {@code A22} → 22, {@code -1} → -1; a range
 * sorts by its start). Numbers without any digit ({@code ∞}, {@code A}) sort last with
 * {@link Double#POSITIVE_INFINITY}.
 *
 * @param raw        the text as found in the name (without a leading {@code #})
 * @param normalized the normalized form described above
 * @param sortKey    the numeric sort key
 * @param rangeEnd   the normalized end of a range such as {@code 1-6}, or {@code null}
 */
public record IssueNumber(String raw, String normalized, double sortKey, String rangeEnd) {

    private static final int MAX_DIGITS = 15;

    /**
     * Parses an issue number; never throws.
     *
     * @param text the number as written, optionally starting with {@code #}
     * @return the parsed number, or {@code null} when {@code text} holds no letter, digit, fraction or ∞
     */
    public static IssueNumber parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int start = 0;
        while (start < s.length() && s.charAt(start) == '#') {
            start++;
        }
        s = s.substring(start).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("∞")) {
            return new IssueNumber(s, "∞", Double.POSITIVE_INFINITY, null);
        }
        String fractionWord = slashFraction(s);
        if (fractionWord != null) {
            return new IssueNumber(s, fractionWord, fractionValue(fractionWord.charAt(0)), null);
        }
        return parseGeneral(s);
    }

    private static IssueNumber parseGeneral(String s) {
        int pos = 0;
        int n = s.length();
        while (pos < n && Character.isLetter(s.charAt(pos))) {
            pos++;
        }
        String prefix = s.substring(0, pos);
        boolean negative = false;
        if (pos + 1 < n && s.charAt(pos) == '-' && (isDigit(s.charAt(pos + 1)) || s.charAt(pos + 1) == '.')) {
            negative = true;
            pos++;
        }
        java.util.List<String> segments = new java.util.ArrayList<>(3);
        int digitsStart = pos;
        while (pos < n && isDigit(s.charAt(pos))) {
            pos++;
        }
        boolean hasDigits = pos > digitsStart;
        segments.add(s.substring(digitsStart, pos));
        while (pos + 1 < n && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
            int segStart = ++pos;
            while (pos < n && isDigit(s.charAt(pos))) {
                pos++;
            }
            segments.add(s.substring(segStart, pos));
            hasDigits = true;
        }
        double fraction = 0;
        String fractionChar = "";
        if (pos < n && fractionValue(s.charAt(pos)) > 0) {
            fraction = fractionValue(s.charAt(pos));
            fractionChar = String.valueOf(s.charAt(pos));
            pos++;
        }
        String suffix = s.substring(pos);
        if (!hasDigits && fractionChar.isEmpty()) {
            return hasAlphanumeric(s) ? new IssueNumber(s, s, Double.POSITIVE_INFINITY, null) : null;
        }
        String rangeEnd = null;
        if (hasDigits && suffix.length() > 1 && suffix.charAt(0) == '-' && allDigits(suffix, 1)) {
            rangeEnd = stripZeros(suffix.substring(1));
            suffix = "";
        }
        String number = hasDigits ? joinNumber(segments) : "";
        double value = hasDigits ? numericValue(number) : 0;
        value = (negative ? -value : value) + (negative ? -fraction : fraction);
        String normalized = prefix + (negative ? "-" : "") + number + fractionChar + suffix
                + (rangeEnd != null ? "-" + rangeEnd : "");
        return new IssueNumber(s, normalized, value, rangeEnd);
    }

    private static String joinNumber(java.util.List<String> segments) {
        java.util.List<String> parts = new java.util.ArrayList<>(segments);
        while (parts.size() >= 3 && stripZeros(parts.get(0)).equals("0")) {
            parts.remove(0);
        }
        StringBuilder sb = new StringBuilder(stripZeros(parts.get(0)));
        for (int i = 1; i < parts.size(); i++) {
            sb.append('.').append(parts.get(i));
        }
        return sb.toString();
    }

    private static double numericValue(String number) {
        int dot = number.indexOf('.');
        int secondDot = dot < 0 ? -1 : number.indexOf('.', dot + 1);
        String head = secondDot < 0 ? number : number.substring(0, secondDot);
        String intPart = dot < 0 ? head : head.substring(0, dot);
        String decimals = dot < 0 ? "" : head.substring(dot + 1);
        if (intPart.length() > MAX_DIGITS) {
            return Double.MAX_VALUE;
        }
        String bounded = (intPart.isEmpty() ? "0" : intPart)
                + (decimals.isEmpty() ? "" : "." + decimals.substring(0, Math.min(decimals.length(), MAX_DIGITS)));
        return Double.parseDouble(bounded);
    }

    private static String slashFraction(String s) {
        switch (s) {
            case "1/2":
                return "½";
            case "1/4":
                return "¼";
            case "3/4":
                return "¾";
            default:
                return null;
        }
    }

    private static double fractionValue(char c) {
        switch (c) {
            case '½':
                return 0.5;
            case '¼':
                return 0.25;
            case '¾':
                return 0.75;
            default:
                return 0;
        }
    }

    /** Strips leading zeros from a digit string, keeping at least one digit. */
    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() > from;
    }

    private static boolean hasAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
