package dev.metronome.kavita;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kavita version such as {@code 0.8.4.0} (four components; the fourth is the build), compared numerically.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param build the build number
 */
record KavitaVersion(int major, int minor, int patch, int build) implements Comparable<KavitaVersion> {

    /** The oldest supported version: the People rework (kavita-api.md §11). */
    static final KavitaVersion MINIMUM = new KavitaVersion(0, 8, 4, 0);
    /** The first version that accepts an {@code x-api-key} header. */
    static final KavitaVersion API_KEY_HEADER = new KavitaVersion(0, 8, 9, 0);
    /** 0.9: 404 for a missing volume or chapter, {@code libraryId} required by {@code series/scan}. */
    static final KavitaVersion V0_9 = new KavitaVersion(0, 9, 0, 0);

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /**
     * Parses a version; anything after the numbers is ignored.
     *
     * @param text e.g. {@code "0.8.3.16"} or {@code "\"0.9.1.0\""}
     * @return the version
     * @throws IllegalArgumentException when it is not a version
     */
    static KavitaVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.strip().replace("\"", ""));
        if (!m.find()) {
            throw new IllegalArgumentException("not a Kavita version: '" + text + "'");
        }
        return new KavitaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), num(m.group(3)), num(m.group(4)));
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    @Override
    public int compareTo(KavitaVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(patch, o.patch);
        return c != 0 ? c : Integer.compare(build, o.build);
    }

    boolean atLeast(KavitaVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + "." + build;
    }
}
