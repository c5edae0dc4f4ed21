package dev.metronome.filename;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a name (extension already removed) into {@link Token}s in one linear pass.
 *
 * <p>Spaces and underscores separate words; brackets become single group tokens (an unclosed bracket
 * runs to the end); {@code #} is its own token; {@code --} and {@code __} mark the start of left-over
 * information. Words are then split further where a name style requires it: a trailing colon,
 * {@code Avengers.Hulk}, scene-style dotted names, {@code X-Men-V1-067}, {@code $1$2}.
 */
final class NameLexer {

    private NameLexer() {
    }

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        boolean sceneDots = isSceneDotted(s);
        StringBuilder word = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                flush(word, out, sceneDots);
                int close = findClose(s, i);
                String content = s.substring(i + 1, Math.min(close, n));
                out.add(Token.of(Token.Type.GROUP, cleanGroup(content)));
                i = close + 1;
            } else if (c == ')' || c == ']' || c == '}') {
                flush(word, out, sceneDots);
                i++;
            } else if ((c == '_' || c == '-') && i + 1 < n && s.charAt(i + 1) == c
                    && (c == '_' || word.length() == 0 || isSpace(prev(s, i)) || next2Space(s, i))) {
                flush(word, out, sceneDots);
                out.add(Token.of(Token.Type.REMAINDER, String.valueOf(c) + c));
                while (i < n && s.charAt(i) == c) {
                    i++;
                }
            } else if (c == '_' || isSpace(c)) {
                flush(word, out, sceneDots);
                i++;
            } else if (c == '#') {
                flush(word, out, sceneDots);
                out.add(Token.of(Token.Type.HASH, "#"));
                i++;
            } else {
                word.append(c);
                i++;
            }
        }
        flush(word, out, sceneDots);
        return out;
    }

    private static char prev(String s, int i) {
        return i == 0 ? ' ' : s.charAt(i - 1);
    }

    private static boolean next2Space(String s, int i) {
        return i + 2 >= s.length() || isSpace(s.charAt(i + 2));
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Index of the bracket closing the one at {@code open}, or {@code s.length()} if unclosed. */
    private static int findClose(String s, int open) {
        char o = s.charAt(open);
        char c = o == '(' ? ')' : o == '[' ? ']' : '}';
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String cleanGroup(String content) {
        StringBuilder sb = new StringBuilder(content.length());
        boolean space = false;
        for (int i = 0; i < content.length(); i++) {
            char ch = content.charAt(i);
            if (ch == '_' || isSpace(ch)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A name like {@code Amazing.Spider-Man.001.2018}: no spaces or underscores, two or more dots. */
    static boolean isSceneDotted(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '_') {
                return false;
            }
            if (c == '.') {
                dots++;
            }
        }
        return dots >= 2;
    }

    private static void flush(StringBuilder word, List<Token> out, boolean sceneDots) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.equals("-") || w.equals("–") || w.equals("—") || w.equals("~")) {
            out.add(Token.of(Token.Type.DASH, "-"));
            return;
        }
        boolean colon = w.length() > 1 && w.charAt(w.length() - 1) == ':';
        if (colon) {
            w = w.substring(0, w.length() - 1);
        }
        for (String part : splitDollars(w)) {
            for (String dotted : splitDots(part, sceneDots)) {
                splitHyphenVolume(dotted, out);
            }
        }
        if (colon) {
            out.add(Token.of(Token.Type.COLON, ":"));
        }
    }

    /** {@code $1$2} → {@code $1}, {@code $2}. */
    private static List<String> splitDollars(String w) {
        if (w.indexOf('$', 1) < 0) {
            return List.of(w);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < w.length(); i++) {
            if (w.charAt(i) == '$') {
                parts.add(w.substring(from, i));
                from = i;
            }
        }
        parts.add(w.substring(from));
        return parts;
    }

    /**
     * Splits at dots that join words: {@code Avengers.Hulk} (a letter run of two or more, a dot, a
     * letter). In scene-style names every dot separates except inside a short decimal ({@code 1.5}).
     * {@code Dr.}, {@code K.O.}, {@code F.1}, {@code 078.BEY} and {@code 100.000.000} stay whole.
     */
    private static List<String> splitDots(String w, boolean sceneDots) {
        if (w.indexOf('.') < 0) {
            return List.of(w);
        }
        List<String> parts = new ArrayList<>(2);
        int from = 0;
        int letterRun = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '.' && i + 1 < w.length()) {
                char next = w.charAt(i + 1);
                boolean split = sceneDots ? !isShortDecimal(w, i) : letterRun >= 2 && Character.isLetter(next);
                if (split) {
                    if (i > from) {
                        parts.add(w.substring(from, i));
                    }
                    from = i + 1;
                }
            }
            letterRun = Character.isLetter(c) ? letterRun + 1 : 0;
        }
        if (from < w.length()) {
            parts.add(w.substring(from));
        }
        return parts;
    }

    /** A dot between digits with at most three digits before and two after: {@code 1.5}, {@code 001.1}. */
    private static boolean isShortDecimal(String w, int dot) {
        int before = 0;
        for (int i = dot - 1; i >= 0 && Character.isDigit(w.charAt(i)); i--) {
            before++;
        }
        int after = 0;
        for (int i = dot + 1; i < w.length() && Character.isDigit(w.charAt(i)); i++) {
            after++;
        }
        boolean letterSuffix = after == 0 && before > 0 && dot + 1 < w.length() && Character.isLetter(w.charAt(dot + 1));
        return (before > 0 && before <= 3 && after > 0 && after <= 2) || letterSuffix && before <= 3;
    }

    /**
     * {@code X-Men-V1-067} → {@code X-Men}, {@code V1}, {@code 067}: a hyphenated word is split only
     * when one of its parts is a volume marker; {@code Spider-Man} and {@code IG-88} stay whole.
     */
    private static void splitHyphenVolume(String w, List<Token> out) {
        if (w.indexOf('-') <= 0) {
            out.add(Token.word(w));
            return;
        }
        String[] parts = w.split("-", -1);
        int vol = -1;
        for (int i = 0; i < parts.length; i++) {
            if (Keywords.isVolumeWord(parts[i])) {
                vol = i;
                break;
            }
        }
        if (vol < 0) {
            out.add(Token.word(w));
            return;
        }
        if (vol > 0) {
            out.add(Token.word(String.join("-", java.util.Arrays.copyOfRange(parts, 0, vol))));
        }
        for (int i = vol; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.add(Token.word(parts[i]));
            }
        }
    }
}
