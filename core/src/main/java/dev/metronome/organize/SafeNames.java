package dev.metronome.organize;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File and folder names that work on Windows (NTFS, SMB shares), macOS (APFS, HFS+), Linux and common NAS file
 * systems:
 * <ul>
 *   <li>the characters Windows or macOS forbid are replaced: {@code ": "} becomes {@code " - "}, {@code :} {@code /}
 *       {@code \} {@code |} become {@code -}, {@code "} becomes {@code '}, {@code ? * < >} and control characters
 *       are dropped;</li>
 *   <li>Unicode is NFC (macOS would otherwise show two names for one);</li>
 *   <li>runs of spaces collapse; leading dots (hidden files) and trailing dots and spaces (Windows) go;</li>
 *   <li>Windows device names ({@code CON}, {@code NUL}, {@code COM1}... with or without an extension) get a
 *       {@code _};</li>
 *   <li>a name is cut to {@link #maxNameBytes()} UTF-8 bytes (255 by default: ext4, NTFS, APFS) at a character
 *       boundary, never inside an emoji or an accented letter, keeping the extension;</li>
 *   <li>a path is kept under {@link #maxPathChars()} characters (Windows' 260 by default) by shortening its
 *       longest names first.</li>
 * </ul>
 *
 * @param maxNameBytes the longest file or folder name in UTF-8 bytes (143 suits eCryptfs-encrypted NAS shares)
 * @param maxPathChars the longest path, counted from the library root, in UTF-16 characters
 */
public record SafeNames(int maxNameBytes, int maxPathChars) {

    /** 255-byte names, paths of at most 240 characters below the library root (room for a share prefix). */
    public static final SafeNames DEFAULT = new SafeNames(255, 240);

    private static final int MIN_SHORTENED = 16;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> RESERVED = reserved();

    /** Checks the limits. */
    public SafeNames {
        if (maxNameBytes < 32 || maxPathChars < 64) {
            throw new IllegalArgumentException("names need at least 32 bytes and paths 64 characters");
        }
    }

    /** A token's value made safe to stand inside a name: no separators, no forbidden characters, NFC. */
    public String value(String raw) {
        return replaceForbidden(Normalizer.normalize(raw, Normalizer.Form.NFC));
    }

    /** A folder name; "" when nothing printable is left (the caller drops the level). */
    public String folder(String raw) {
        return cut(tidy(raw), maxNameBytes);
    }

    /**
     * A file name: the stem tidied and cut so that {@code stem + "." + ext} fits; the extension kept as given
     * (lower case). An empty stem becomes {@code "_"}.
     */
    public String file(String stem, String ext) {
        String suffix = ext.isEmpty() ? "" : "." + ext.toLowerCase(Locale.ROOT);
        String tidy = tidy(stem);
        if (tidy.isEmpty()) {
            tidy = "_";
        }
        String cut = cut(tidy, maxNameBytes - suffix.getBytes(StandardCharsets.UTF_8).length);
        return cut + suffix;
    }

    /**
     * Shortens the longest names of a relative path (the file's stem first, then folders) until the whole path,
     * joined with {@code /}, is at most {@link #maxPathChars()} characters; no name gets shorter than 16.
     */
    public List<String> fitPath(List<String> names, String ext) {
        List<String> fitted = new ArrayList<>(names);
        String suffix = ext.isEmpty() ? "" : "." + ext.toLowerCase(Locale.ROOT);
        while (length(fitted) > maxPathChars) {
            int longest = -1;
            for (int i = 0; i < fitted.size(); i++) {
                int len = stemLength(fitted, i, suffix);
                if (len > MIN_SHORTENED && (longest < 0 || len > stemLength(fitted, longest, suffix))) {
                    longest = i;
                }
            }
            if (longest < 0) {
                break;
            }
            int excess = length(fitted) - maxPathChars;
            boolean isFile = longest == fitted.size() - 1;
            String name = fitted.get(longest);
            String stem = isFile ? name.substring(0, name.length() - suffix.length()) : name;
            int target = Math.max(MIN_SHORTENED, stem.length() - excess);
            String shorter = tidyEnd(cutChars(stem, target));
            fitted.set(longest, isFile ? (shorter.isEmpty() ? "_" : shorter) + suffix : shorter);
        }
        return fitted;
    }

    private static int stemLength(List<String> names, int i, String suffix) {
        return names.get(i).length() - (i == names.size() - 1 ? suffix.length() : 0);
    }

    private static int length(List<String> names) {
        return String.join("/", names).length();
    }

    /** NFC, forbidden characters replaced, spaces collapsed, no leading dots, no trailing dots or spaces, no device name. */
    String tidy(String raw) {
        String text = replaceForbidden(Normalizer.normalize(raw, Normalizer.Form.NFC));
        text = SPACES.matcher(text).replaceAll(" ").strip();
        while (text.startsWith(".")) {
            text = text.substring(1).strip();
        }
        text = tidyEnd(text);
        return avoidReserved(text);
    }

    private static String tidyEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String replaceForbidden(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ':' -> {
                    boolean spaced = i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
                    if (spaced) {
                        trimTrailingSpace(out);
                        out.append(" -");
                    } else {
                        out.append('-');
                    }
                }
                case '/', '\\', '|' -> out.append('-');
                case '"' -> out.append('\'');
                case '?', '*', '<', '>' -> {
                    // dropped
                }
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String avoidReserved(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            return stem.strip() + "_" + (dot < 0 ? "" : name.substring(dot));
        }
        return name;
    }

    /** The longest prefix of whole characters (grapheme clusters) that fits in {@code maxBytes} UTF-8 bytes. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int kept = 0;
        int bytes = 0;
        int start = 0;
        for (int end : characterEnds(text)) {
            bytes += text.substring(start, end).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                break;
            }
            kept = end;
            start = end;
        }
        return tidyEnd(text.substring(0, kept));
    }

    /** The longest prefix of whole characters of at most {@code maxChars} UTF-16 units. */
    private static String cutChars(String text, int maxChars) {
        int kept = 0;
        for (int end : characterEnds(text)) {
            if (end > maxChars) {
                break;
            }
            kept = end;
        }
        return text.substring(0, kept);
    }

    /**
     * Where each user-perceived character ends. The JDK's break iterator before Java 20 splits emoji sequences
     * (a family joined by ZWJ, a flag's tags, a skin tone): those are kept whole here.
     */
    static List<Integer> characterEnds(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        List<Integer> ends = new ArrayList<>();
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            if (end < text.length() && joinsPrevious(text, end)) {
                continue;
            }
            ends.add(end);
        }
        return ends;
    }

    private static boolean joinsPrevious(String text, int at) {
        int next = text.codePointAt(at);
        int previous = text.codePointBefore(at);
        return previous == 0x200D || next == 0x200D || (next >= 0xFE00 && next <= 0xFE0F)
                || (next >= 0x1F3FB && next <= 0x1F3FF) || (next >= 0xE0020 && next <= 0xE007F)
                || Character.getType(next) == Character.NON_SPACING_MARK || Character.getType(next) == Character.ENCLOSING_MARK
                || Character.getType(next) == Character.COMBINING_SPACING_MARK;
    }

    private static Set<String> reserved() {
        Set<String> names = new java.util.HashSet<>(Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (String base : List.of("COM", "LPT")) {
            for (char d : "0123456789\u00b9\u00b2\u00b3".toCharArray()) {
                names.add(base + d);
            }
        }
        return Set.copyOf(names);
    }
}
