package dev.metronome.filename;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one name (a file name or a folder name) into {@link NameParts}.
 *
 * <p>Works on the token list from {@link NameLexer} in a fixed number of linear passes: bracket groups,
 * volume, issue number, counts, years, series, title, publisher, flags, left-overs. Each pass marks the
 * tokens it consumed, so later passes only see what is left. One instance per name; not thread-safe.
 */
final class NameAnalyzer {

    /** Names are cut to this many characters; nothing real is longer. */
    static final int MAX_LENGTH = 1024;

    private static final Set<String> ARCHIVE_EXTENSIONS =
            Set.of("cbz", "cbr", "cb7", "cbt", "cba", "zip", "rar", "7z", "tar", "pdf", "epub");

    private final NameParts p = new NameParts();
    private final List<Token> main = new ArrayList<>();
    private final List<Token> tail = new ArrayList<>();
    private boolean[] used;
    private int markerIdx = -1;
    private int issueIdx = -1;
    private boolean issueInGroup;
    private boolean bookVolume;
    private String bookTitle;
    private final List<int[]> yearCandidates = new ArrayList<>(3);
    private final List<String> unknownGroups = new ArrayList<>(3);
    private String dashScanGroup;
    private boolean isFile;
    private boolean sceneStyle;
    private String extraRemainder = "";
    private final Set<Integer> tailUsed = new HashSet<>();

    private NameAnalyzer() {
    }

    /**
     * Analyzes a name.
     *
     * @param name   the file or folder name (no directory part)
     * @param isFile whether a known archive extension should be stripped first
     * @return the parts found
     */
    static NameParts analyze(String name, boolean isFile) {
        return new NameAnalyzer().run(name == null ? "" : name, isFile);
    }

    private NameParts run(String original, boolean isFile) {
        p.input = original;
        this.isFile = isFile;
        String s = original.length() > MAX_LENGTH ? original.substring(0, MAX_LENGTH) : original;
        s = s.strip();
        if (isFile) {
            s = stripExtension(s);
        }
        s = percentDecode(s).strip();
        s = takeAlternateNumber(s);
        sceneStyle = NameLexer.isSceneDotted(s);
        boolean inTail = false;
        for (Token t : NameLexer.lex(s)) {
            if (t.is(Token.Type.REMAINDER)) {
                inTail = true;
            } else if (inTail) {
                tail.add(t);
            } else {
                main.add(t);
            }
        }
        used = new boolean[main.size()];
        findVolume();
        classifyGroups(main, 0);
        classifyGroups(tail, main.size());
        findIssue();
        findCounts();
        findYears();
        buildSeriesAndTitle();
        findPublisher();
        findFlags();
        finishGroupsAndRemainder();
        return p;
    }

    // ---------------------------------------------------------------- preparation

    private String stripExtension(String s) {
        int dot = s.lastIndexOf('.');
        if (dot > 0 && s.length() - dot <= 5) {
            String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (ARCHIVE_EXTENSIONS.contains(ext)) {
                p.archive = ext;
                return s.substring(0, dot);
            }
        }
        return s;
    }

    /** Decodes {@code %20}-style escapes (UTF-8) when the name contains any; invalid escapes stay as written. */
    private static String percentDecode(String s) {
        int pct = s.indexOf('%');
        if (pct < 0 || pct + 2 >= s.length() || hex(s.charAt(pct + 1)) < 0 || hex(s.charAt(pct + 2)) < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * {@code 52 Monster_Island_v1_2}: a number, one space, then an underscore-separated name without
     * spaces. The leading number belongs to another numbering and is kept as the alternate number.
     */
    private String takeAlternateNumber(String s) {
        int i = 0;
        while (i < s.length() && Keywords.isAsciiDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= s.length() - 1 || s.charAt(i) != ' ') {
            return s;
        }
        String rest = s.substring(i + 1);
        if (rest.indexOf('_') > 0 && rest.indexOf(' ') < 0 && !Keywords.isAsciiDigit(rest.charAt(0))) {
            p.alternateNumber = Field.of(s.substring(0, i), 0.6);
            p.note("alternate number '" + s.substring(0, i) + "' leads an underscore-separated name");
            return rest;
        }
        return s;
    }

    // ---------------------------------------------------------------- helpers

    private Token at(int i) {
        return i >= 0 && i < main.size() ? main.get(i) : null;
    }

    private boolean isFreeWord(int i) {
        Token t = at(i);
        return t != null && t.isWord() && !used[i];
    }

    private boolean isNumberWord(int i) {
        return isFreeWord(i) && Keywords.isIssueLike(main.get(i).key());
    }

    private void setIssue(String raw, int marker, int index, double confidence, String how) {
        IssueNumber number = IssueNumber.parse(raw);
        if (number == null) {
            return;
        }
        p.issue = Field.of(number, confidence);
        markerIdx = marker;
        issueIdx = index;
        if (index >= 0 && index < used.length) {
            used[index] = true;
        }
        if (marker >= 0 && marker < used.length) {
            used[marker] = true;
        }
        p.note("issue '" + raw + "' " + how);
    }

    // ---------------------------------------------------------------- volume

    private void findVolume() {
        for (int i = 0; i < main.size(); i++) {
            if (!isFreeWord(i)) {
                continue;
            }
            Token t = main.get(i);
            String digits = Keywords.volumeWordNumber(t.key());
            if (digits != null) {
                setVolume(digits, i, -1, "'" + t.text() + "'");
                return;
            }
            if (Keywords.isVolumeKeyword(t.key()) && isFreeWord(i + 1) && Keywords.allDigits(main.get(i + 1).key())
                    && main.get(i + 1).key().length() <= 6 && (i > 0 || !t.key().equals("book"))) {
                setVolume(main.get(i + 1).key(), i, i + 1, "'" + t.text() + " " + main.get(i + 1).text() + "'");
                if (t.key().equals("book") || t.key().equals("tome")) {
                    bookVolume = true;
                    bookTitle = t.text() + " " + main.get(i + 1).text();
                }
                return;
            }
        }
    }

    private void setVolume(String digits, int first, int second, String how) {
        int v = Keywords.smallInt(digits);
        if (v < 0) {
            return;
        }
        p.volume = Field.of(v, 0.9);
        used[first] = true;
        if (second >= 0) {
            used[second] = true;
        }
        p.note("volume " + v + " from " + how);
    }

    // ---------------------------------------------------------------- bracket groups

    /** Group kinds decided before the issue search; unknown groups are sorted out at the end. */
    private void classifyGroups(List<Token> tokens, int offset) {
        for (int gi = 0; gi < tokens.size(); gi++) {
            Token g = tokens.get(gi);
            if (!g.is(Token.Type.GROUP)) {
                continue;
            }
            String key = g.key();
            int y = BracketGroups.year(key);
            if (y > 0) {
                yearCandidates.add(new int[] {offset + gi, y, 1});
                markGroup(offset + gi);
            } else if (key.isEmpty() || key.startsWith("#") || BracketGroups.ofCount(key) != null) {
                // issue and count groups are handled by findIssue / findCounts
                if (key.isEmpty()) {
                    markGroup(offset + gi);
                }
            } else if (Keywords.publisherGroup(key) != null) {
                p.publisher = Field.of(Keywords.publisherGroup(key), 0.8);
                p.note("publisher from group (" + g.text() + ")");
                markGroup(offset + gi);
            } else if (BracketGroups.isFlagGroup(key)) {
                String suffix = BracketGroups.flagGroupSuffix(key, g.text());
                dashScanGroup = suffix != null ? suffix : dashScanGroup;
                markGroup(offset + gi);
            } else if (BracketGroups.isVariant(key)) {
                p.variantHints.add(g.text());
                markGroup(offset + gi);
            }
        }
    }

    private void markGroup(int absolute) {
        if (absolute < used.length) {
            used[absolute] = true;
        } else {
            tailUsed.add(absolute - used.length);
        }
    }

    private boolean groupUsed(int absolute) {
        return absolute < used.length ? used[absolute] : tailUsed.contains(absolute - used.length);
    }

    // ---------------------------------------------------------------- issue

    private void findIssue() {
        if (findHashIssue() || findHashGroupIssue() || findBareIssue() || findNumberGroupIssue() || findFourDigitIssue()
                || findApostropheAnnual() || (isFile && findLoneNumber())) {
            return;
        }
        if (isFile && p.volume.present()) {
            setIssue(String.valueOf(p.volume.value()), -1, -1, 0.4, "taken from the volume (no other number)");
        }
    }

    /** {@code #12}: the right-most {@code #} followed by a number (letter prefixes allowed: {@code #B01}). */
    private boolean findHashIssue() {
        for (int i = main.size() - 2; i >= 0; i--) {
            if (main.get(i).is(Token.Type.HASH) && isFreeWord(i + 1)) {
                Token next = main.get(i + 1);
                if (Keywords.isIssueLike(next.key()) || Keywords.isLetterPrefixed(next.text())) {
                    setIssue(next.text(), i, i + 1, 0.95, "marked with '#'");
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code (#02)}. */
    private boolean findHashGroupIssue() {
        for (int i = 0; i < main.size(); i++) {
            Token t = main.get(i);
            if (t.is(Token.Type.GROUP) && t.key().startsWith("#") && Keywords.isIssueLike(t.key().substring(1).strip())) {
                setIssue(t.text().substring(1).strip(), i, i, 0.9, "in group (" + t.text() + ")");
                issueInGroup = true;
                return true;
            }
        }
        return false;
    }

    /** {@code (02)}: a bracketed number of at most three digits when the text holds no issue number. */
    private boolean findNumberGroupIssue() {
        for (int i = 1; i < main.size(); i++) {
            Token t = main.get(i);
            if (t.is(Token.Type.GROUP) && !used[i] && Keywords.allDigits(t.key()) && t.key().length() <= 3) {
                setIssue(t.text(), i, i, 0.6, "is the bracketed number (" + t.text() + ")");
                issueInGroup = true;
                return true;
            }
        }
        return false;
    }

    /**
     * A number without {@code #}, after some series text, with fewer than four significant digits
     * ({@code Series 001}, {@code Issue 12}, {@code No. 5}). In a run of numbers the last one is the
     * issue when the run ends the name part ({@code The Magic Order 2 06 (2022)}), the first one when
     * words follow ({@code Michel Vaillant 19 5 Meisjes}).
     */
    private boolean findBareIssue() {
        boolean hasText = false;
        for (int i = 0; i < main.size(); i++) {
            Token t = main.get(i);
            if (!t.isWord() || used[i]) {
                continue;
            }
            if (Keywords.isIssueKeyword(t.key()) && isNumberWord(i + 1)) {
                setIssue(main.get(i + 1).text(), i, i + 1, 0.85, "after '" + t.text() + "'");
                return true;
            }
            if (hasText && isIssueCandidate(i)) {
                int last = i;
                while (isIssueCandidate(last + 1)) {
                    last++;
                }
                Token after = at(last + 1);
                boolean endsRun = after == null || !after.isWord();
                int chosen = endsRun ? last : i;
                double conf = Keywords.significantDigits(main.get(chosen).key()) < 3
                        || main.get(chosen).key().startsWith("0") ? 0.8 : 0.7;
                setIssue(main.get(chosen).text(), chosen, chosen, conf, "is the first number after the series");
                return true;
            }
            hasText = true;
        }
        return false;
    }

    private boolean isIssueCandidate(int i) {
        if (isFreeWord(i) && Keywords.isPaddedLetterPrefixed(main.get(i).text())) {
            return true;
        }
        if (!isNumberWord(i)) {
            return false;
        }
        String key = main.get(i).key();
        Token prev = at(i - 1);
        return Keywords.significantDigits(key) < 4 && !(prev != null && prev.isWord() && prev.key().equals("of"));
    }

    /**
     * A four-digit number after series text, when nothing else is the issue ({@code Action Comics 1001
     * (2018)}): an issue unless it is the year of a bracketed year, or a name like {@code 2099}.
     */
    private boolean findFourDigitIssue() {
        boolean hasText = false;
        for (int i = 0; i < main.size(); i++) {
            Token t = main.get(i);
            if (!t.isWord() || used[i]) {
                continue;
            }
            String key = t.key();
            if (hasText && Keywords.allDigits(key) && key.length() <= 6 && Keywords.significantDigits(key) >= 4
                    && !Keywords.isNumberedName(key) && !isNearGroupYear(Keywords.year(key))) {
                setIssue(t.text(), i, i, 0.55, "is a four-digit number that is not a bracketed year");
                return true;
            }
            hasText = true;
        }
        return false;
    }

    private boolean isNearGroupYear(int y) {
        if (y < 0) {
            return false;
        }
        for (int[] c : yearCandidates) {
            if (Math.abs(c[1] - y) <= 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code X-Men Annual '95}: a two-digit year after "Annual" numbers the annual. */
    private boolean findApostropheAnnual() {
        for (int i = 1; i < main.size(); i++) {
            if (isFreeWord(i) && Keywords.isApostropheYear(main.get(i).key()) && isFreeWord(i - 1)
                    && main.get(i - 1).key().equals("annual")) {
                String raw = main.get(i).text();
                int yy = Integer.parseInt(raw.substring(1));
                int year = yy > 30 ? 1900 + yy : 2000 + yy;
                p.issue = Field.of(new IssueNumber(raw, String.valueOf(year), year, null), 0.6);
                markerIdx = i;
                issueIdx = i;
                used[i] = true;
                yearCandidates.add(new int[] {i, year, 0});
                p.flag(ParseFlag.ANNUAL, 0.9);
                p.note("issue '" + raw + "' is an annual's year, normalized to " + year);
                return true;
            }
        }
        return false;
    }

    /** {@code 52} or {@code 001} alone: the whole name is the number. */
    private boolean findLoneNumber() {
        int only = -1;
        for (int i = 0; i < main.size(); i++) {
            if (main.get(i).isWord() && !used[i]) {
                if (only >= 0) {
                    return false;
                }
                only = i;
            }
        }
        if (only >= 0 && Keywords.isIssueLike(main.get(only).key()) && Keywords.year(main.get(only).key()) < 0) {
            setIssue(main.get(only).text(), only, only, 0.6, "is the only word of the name");
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- counts

    private void findCounts() {
        if (issueIdx >= 0 && !issueInGroup && isFreeWord(issueIdx + 1) && main.get(issueIdx + 1).key().equals("of")
                && isFreeWord(issueIdx + 2) && Keywords.smallInt(main.get(issueIdx + 2).key()) >= 0) {
            p.issueCount = Field.of(Keywords.smallInt(main.get(issueIdx + 2).key()), 0.85);
            used[issueIdx + 1] = true;
            used[issueIdx + 2] = true;
            p.note("issue count from '" + main.get(issueIdx + 1).text() + " " + main.get(issueIdx + 2).text() + "'");
        }
        for (int gi = 0; gi < main.size() + tail.size(); gi++) {
            Token g = gi < main.size() ? main.get(gi) : tail.get(gi - main.size());
            Integer count = g.is(Token.Type.GROUP) ? BracketGroups.ofCount(g.key()) : null;
            if (count == null) {
                continue;
            }
            markGroup(gi);
            int prev = gi - 1;
            if (gi < main.size() && prev >= 0 && prev != issueIdx && issueIdx >= 0 && prev > issueIdx
                    && isFreeWord(prev) && Keywords.allDigits(main.get(prev).key())) {
                if (!p.volume.present()) {
                    p.volume = Field.of(Keywords.smallInt(main.get(prev).key()), 0.6);
                }
                p.volumeCount = Field.of(count, 0.6);
                used[prev] = true;
                p.note("volume/volume count from '" + main.get(prev).text() + " (" + g.text() + ")' after the title");
            } else if (!p.issueCount.present()) {
                p.issueCount = Field.of(count, 0.9);
                p.note("issue count from (" + g.text() + ")");
            }
        }
    }

    // ---------------------------------------------------------------- years

    private void findYears() {
        for (int i = 0; i < main.size(); i++) {
            if (!isFreeWord(i)) {
                continue;
            }
            String key = main.get(i).key();
            int dy = Keywords.dateYear(key);
            if (dy > 0) {
                used[i] = true;
                yearCandidates.add(new int[] {i, dy, 0});
            } else if (Keywords.isMonthOrRange(key) && isFreeWord(i + 1) && Keywords.year(main.get(i + 1).key()) > 0) {
                used[i] = true;
                used[i + 1] = true;
                yearCandidates.add(new int[] {i + 1, Keywords.year(main.get(i + 1).key()), 0});
                if (isFreeWord(i - 1) && Keywords.isPublisherWord(main.get(i - 1).key())) {
                    p.publisher = Field.of(main.get(i - 1).text(), 0.6);
                    used[i - 1] = true;
                }
            } else if (Keywords.year(key) > 0 && ((markerIdx >= 0 && !issueInGroup && i > markerIdx)
                    || (isFreeWord(i - 1) && main.get(i - 1).key().equals("fcbd")))) {
                used[i] = true;
                yearCandidates.add(new int[] {i, Keywords.year(key), 0});
            }
        }
        yearCandidates.sort((a, b) -> Integer.compare(a[0], b[0]));
        if (markerIdx >= 0 && !p.volume.present()) {
            for (int k = 0; k < yearCandidates.size(); k++) {
                int[] c = yearCandidates.get(k);
                if (c[2] == 1 && c[0] < markerIdx) {
                    p.volume = Field.of(c[1], 0.6);
                    p.note("volume " + c[1] + " from the bracketed year before the issue");
                    yearCandidates.remove(k);
                    break;
                }
            }
        }
        if (!yearCandidates.isEmpty()) {
            int[] last = yearCandidates.get(yearCandidates.size() - 1);
            p.year = Field.of(last[1], last[2] == 1 ? 0.9 : 0.7);
            p.note("year " + last[1] + (last[2] == 1 ? " from a bracketed year or date" : " from a date in the name"));
        }
    }

    // ---------------------------------------------------------------- series and title

    private void buildSeriesAndTitle() {
        int end = markerIdx >= 0 ? markerIdx : firstGroup();
        List<Token> seriesTokens = collect(0, end);
        int split = titleSplit(seriesTokens);
        String preTitle = "";
        if (split >= 0) {
            preTitle = join(seriesTokens.subList(split + 1, seriesTokens.size()));
            seriesTokens = seriesTokens.subList(0, split);
        }
        String series = join(seriesTokens);
        if (!series.isEmpty()) {
            double conf = p.issue.confidence() >= 0.9 ? 0.9 : p.issue.present() ? 0.8 : 0.7;
            p.series = Field.of(series, conf);
        } else if (p.issue.present() && !p.issue.value().raw().startsWith("0")
                && issueIdx >= 0 && (markerIdx == issueIdx || at(markerIdx).is(Token.Type.HASH))) {
            p.series = Field.of(p.issue.value().raw(), 0.1);
            p.note("no series text; the number doubles as the series");
        }
        String postTitle = "";
        int after = -1;
        if (issueIdx >= 0 && !issueInGroup) {
            int stop = sceneStyle ? firstYearAfter(issueIdx + 1) : firstGroupAfter(issueIdx + 1);
            postTitle = join(collect(issueIdx + 1, stop));
            after = stop;
        }
        String title = preTitle.isEmpty() ? postTitle : postTitle.isEmpty() ? preTitle : preTitle + " - " + postTitle;
        if (title.isEmpty() && bookVolume) {
            title = bookTitle;
        }
        if (!title.isEmpty()) {
            p.title = Field.of(title, preTitle.isEmpty() ? 0.7 : 0.6);
        }
        StringBuilder rest = new StringBuilder();
        int from = after >= 0 ? after : Math.max(end, markerIdx + 1);
        if (sceneStyle && isFreeWord(main.size() - 1) && main.get(main.size() - 1).key().indexOf('-') > 0
                && from < main.size()) {
            dashScanGroup = main.get(main.size() - 1).text();
            used[main.size() - 1] = true;
        }
        for (int i = from; i < main.size(); i++) {
            if (isFreeWord(i) && !Keywords.isFormatWord(main.get(i).key())
                    && !(sceneStyle && BracketGroups.isFlagWord(main.get(i).key()))) {
                append(rest, main.get(i).text());
                used[i] = true;
            }
        }
        extraRemainder = rest.toString();
    }

    /** In a scene-style dotted name the title ends at the year: {@code Title.2018.Digital.Group}. */
    private int firstYearAfter(int from) {
        for (int i = from; i < main.size(); i++) {
            Token t = main.get(i);
            if (t.is(Token.Type.GROUP) || used[i] && Keywords.year(t.key()) > 0) {
                return i;
            }
        }
        return main.size();
    }

    private int firstGroup() {
        return firstGroupAfter(0);
    }

    private int firstGroupAfter(int from) {
        for (int i = from; i < main.size(); i++) {
            if (main.get(i).is(Token.Type.GROUP)) {
                return i;
            }
        }
        return main.size();
    }

    /** Free words, dashes and colons in [from, to); format words ({@code c2c}, {@code TPB}) are consumed and left out. */
    private List<Token> collect(int from, int to) {
        List<Token> out = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(to, main.size()); i++) {
            Token t = main.get(i);
            if (t.isWord() && !used[i]) {
                used[i] = true;
                if (!Keywords.isFormatWord(t.key())) {
                    out.add(t);
                }
            } else if (t.is(Token.Type.DASH) || t.is(Token.Type.COLON)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Index of a colon, or of a dash right after a four-digit number ({@code Cyberpunk 2077 - Title}), or -1. */
    private static int titleSplit(List<Token> tokens) {
        for (int i = 1; i < tokens.size() - 1; i++) {
            if (tokens.get(i).is(Token.Type.COLON)) {
                return i;
            }
        }
        for (int i = 1; i < tokens.size() - 1; i++) {
            Token prev = tokens.get(i - 1);
            if (tokens.get(i).is(Token.Type.DASH) && prev.isWord() && prev.key().length() == 4
                    && Keywords.allDigits(prev.key())) {
                return i;
            }
        }
        return -1;
    }

    /** Joins words with single spaces; leading and trailing separators and trailing commas are dropped. */
    private static String join(List<Token> tokens) {
        int from = 0;
        int to = tokens.size();
        while (from < to && !tokens.get(from).isWord()) {
            from++;
        }
        while (to > from && !tokens.get(to - 1).isWord()) {
            to--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.is(Token.Type.COLON)) {
                sb.append(':');
            } else {
                append(sb, t.is(Token.Type.DASH) ? "-" : t.text());
            }
        }
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == ',' || sb.charAt(end - 1) == ';')) {
            end--;
        }
        return sb.substring(0, end);
    }

    private static void append(StringBuilder sb, String text) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(text);
    }

    // ---------------------------------------------------------------- publisher, flags, left-overs

    private void findPublisher() {
        if (p.publisher.present()) {
            return;
        }
        for (Token t : main) {
            if (t.isWord() && Keywords.isPublisherWord(t.key())) {
                p.publisher = Field.of(t.text(), 0.5);
                p.note("publisher '" + t.text() + "' named in the text");
                return;
            }
        }
    }

    private static final String[][] FLAG_PHRASES = {
        {" annual ", "ANNUAL"}, {" special ", "SPECIAL"}, {" one shot ", "ONE_SHOT"}, {" oneshot ", "ONE_SHOT"},
        {" tpb ", "TPB"}, {" trade paperback ", "TPB"}, {" hc ", "HC"}, {" hardcover ", "HC"},
        {" hardback ", "HC"}, {" gn ", "GN"}, {" ogn ", "GN"}, {" graphic novel ", "GN"},
        {" omnibus ", "OMNIBUS"}, {" digital ", "DIGITAL"}, {" webrip ", "DIGITAL"}, {" web rip ", "DIGITAL"},
        {" c2c ", "C2C"}, {" fcbd ", "FCBD"}, {" free comic book day ", "FCBD"},
    };

    private void findFlags() {
        StringBuilder all = new StringBuilder(p.input.length() + 8).append(' ');
        for (List<Token> list : List.of(main, tail)) {
            for (Token t : list) {
                String k = t.key();
                for (int i = 0; i < k.length(); i++) {
                    char c = k.charAt(i);
                    all.append(c == '-' || c == ',' || c == '.' || c == '!' ? ' ' : c);
                }
                all.append(' ');
            }
        }
        String text = all.toString();
        for (String[] phrase : FLAG_PHRASES) {
            if (text.contains(phrase[0])) {
                ParseFlag flag = ParseFlag.valueOf(phrase[1]);
                if (!p.flags.containsKey(flag)) {
                    p.note("flag " + flag + " from '" + phrase[0].strip() + "'");
                }
                p.flag(flag, phrase[0].indexOf(' ', 1) < phrase[0].length() - 1 ? 0.7 : 0.9);
            }
        }
    }

    private void finishGroupsAndRemainder() {
        for (int gi = 0; gi < main.size() + tail.size(); gi++) {
            Token g = gi < main.size() ? main.get(gi) : tail.get(gi - main.size());
            if (!g.is(Token.Type.GROUP) || groupUsed(gi)) {
                continue;
            }
            if (Keywords.allDigits(g.key()) || g.key().startsWith("#")) {
                p.tags.add(g.text());
            } else {
                unknownGroups.add(g.text());
            }
        }
        if (!unknownGroups.isEmpty()) {
            String scan = unknownGroups.remove(unknownGroups.size() - 1);
            p.scanGroup = Field.of(scan, scan.indexOf('-') > 0 ? 0.7 : 0.5);
            p.tags.addAll(unknownGroups);
        } else if (dashScanGroup != null) {
            p.scanGroup = Field.of(dashScanGroup, 0.6);
        }
        StringBuilder rest = new StringBuilder(extraRemainder);
        for (Token t : tail) {
            if (t.isWord() && !Keywords.isFormatWord(t.key())) {
                append(rest, t.text());
            }
        }
        p.remainder = rest.toString();
    }
}
