package dev.metronome.review;

import dev.metronome.identify.NameHint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The candidates the page offers for an undecided file: the engine's, plus the other issues of that number in series
 * whose name the file carries, which the engine's list can lack (its series search reads {@code Batman TPB #1} as
 * the series {@code Batman}; a folder's earlier choice narrows a file's candidates to that one series). They are
 * ordered by how well the series name fits the file's name (its words found in the file name, less half a point
 * for each word the file name lacks), then by the engine's score, and at most {@link #MAX} are shown (the keys 1
 * to 9). The engine's decision rules are untouched: this only lists more issues for a person to choose from.
 */
final class PlausibleCandidates {

    /**
     * What to search Metron's issues by.
     *
     * @param series the file name's words before its issue number
     * @param number the issue number, without leading zeros
     */
    record Query(String series, String number) {
    }

    /** The most candidates shown for a file. */
    static final int MAX = 9;

    private PlausibleCandidates() {
    }

    /**
     * The series words and number to search Metron's issues by: the file name's words before its issue number, as
     * the file has them (so {@code Batman TPB #1} searches {@code Batman TPB}, which the engine's reading of the name
     * drops). The number is the one the name hint read, else the name's first number.
     *
     * @param fileName the archive's file name
     * @param hint     what the engine read from the name, or null
     * @return the series words and number, or empty when the name gives no words before a number
     */
    static Optional<Query> query(String fileName, NameHint hint) {
        String[] words = fileName.replaceFirst("\\.[^.]+$", "").split("[^\\p{L}\\p{N}']+");
        String number = hint == null || hint.number() == null ? null : hint.number().replaceFirst("^0+(?=\\d)", "");
        for (int i = 1; i < words.length; i++) {
            String w = words[i].replaceFirst("^0+(?=\\d)", "");
            if (w.matches("\\d+") && (number == null || number.equals(w))) {
                return Optional.of(new Query(String.join(" ", Arrays.asList(words).subList(0, i)).strip(), w));
            }
        }
        return Optional.empty();
    }

    /**
     * Merges the engine's candidates and the issues found by name and number, best first, at most {@link #MAX}.
     *
     * @param fileName the archive's file name
     * @param engine   the engine's candidates, best first
     * @param found    the issues of the file's name and number
     * @return the candidates to show
     */
    static List<ReviewCandidate> merge(String fileName, List<ReviewCandidate> engine, List<ReviewCandidate> found) {
        Map<Long, ReviewCandidate> all = new LinkedHashMap<>();
        engine.forEach(c -> all.putIfAbsent(c.issueId(), c));
        found.forEach(c -> all.putIfAbsent(c.issueId(), c));
        Set<String> words = words(fileName.replaceFirst("\\.[^.]+$", ""));
        List<ReviewCandidate> ordered = new ArrayList<>(all.values());
        ordered.sort(Comparator.comparingDouble((ReviewCandidate c) -> -fit(words, c.series()))
                .thenComparingDouble(c -> c.score() == null ? 1 : -c.score()));
        return List.copyOf(ordered.subList(0, Math.min(MAX, ordered.size())));
    }

    /** How well a series name fits a file name's words. */
    static double fit(Set<String> fileWords, String series) {
        if (series == null) {
            return 0;
        }
        double fit = 0;
        for (String w : words(series)) {
            fit += fileWords.contains(w) ? 1 : -0.5;
        }
        return fit;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }
}
