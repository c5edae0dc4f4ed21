package dev.metronome.archive;

import java.util.Comparator;

/**
 * Natural reading order of entry paths: folders first compared segment by segment, digit runs compared
 * by value ({@code page2} before {@code page10}), letters case-insensitively.
 */
public final class NaturalOrder implements Comparator<String> {

    /** The shared instance. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        int common = Math.min(left.length, right.length);
        for (int i = 0; i < common; i++) {
            boolean leftIsFolder = i < left.length - 1;
            boolean rightIsFolder = i < right.length - 1;
            if (leftIsFolder != rightIsFolder) {
                // a file beside a folder: the file (root pages) comes first
                return leftIsFolder ? 1 : -1;
            }
            int bySegment = compareSegment(left[i], right[i]);
            if (bySegment != 0) {
                return bySegment;
            }
        }
        int byDepth = Integer.compare(left.length, right.length);
        return byDepth != 0 ? byDepth : a.compareTo(b);
    }

    /** Compares two names: digit runs by numeric value, everything else case-insensitively. */
    static int compareSegment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int byValue = compareDigitRuns(a, i, endA, b, j, endB);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
                continue;
            }
            int byChar = Character.compare(Character.toLowerCase(Character.toUpperCase(ca)),
                    Character.toLowerCase(Character.toUpperCase(cb)));
            if (byChar != 0) {
                return byChar;
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitRunEnd(String s, int start) {
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int compareDigitRuns(String a, int startA, int endA, String b, int startB, int endB) {
        int sa = skipZeros(a, startA, endA);
        int sb = skipZeros(b, startB, endB);
        int byLength = Integer.compare(endA - sa, endB - sb);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endA - sa; k++) {
            int byDigit = Integer.compare(Character.digit(a.charAt(sa + k), 10), Character.digit(b.charAt(sb + k), 10));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        // equal values: fewer leading zeros first ("1" before "01"), for a stable total order
        return Integer.compare(endA - startA, endB - startB);
    }

    private static int skipZeros(String s, int start, int end) {
        int i = start;
        while (i < end - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
