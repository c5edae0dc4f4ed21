package dev.metronome.komga;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Komga version such as {@code 1.26.3}, compared numerically.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 */
record KomgaVersion(int major, int minor, int patch) implements Comparable<KomgaVersion> {

    /** The first version with {@code X-API-Key} on the REST API. */
    static final KomgaVersion API_KEYS = new KomgaVersion(1, 20, 0);
    /** The first version with {@code POST /api/v1/books/list}. */
    static final KomgaVersion BOOK_SEARCH = new KomgaVersion(1, 19, 0);

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Parses a version string; anything after the numbers (e.g. {@code -SNAPSHOT}) is ignored.
     *
     * @param text the version
     * @return the version
     * @throws IllegalArgumentException when it is not a version
     */
    static KomgaVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.strip());
        if (!m.find()) {
            throw new IllegalArgumentException("not a Komga version: '" + text + "'");
        }
        return new KomgaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(KomgaVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    boolean atLeast(KomgaVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
