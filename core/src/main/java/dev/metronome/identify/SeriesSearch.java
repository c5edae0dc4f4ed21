package dev.metronome.identify;

import dev.metronome.metron.model.SeriesListItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the series a name may mean: as written (words in either order), then a misspelling of a name searched
 * earlier in the run, then an alternative name ({@code TMNT}), then by parts of a misspelt word or with one word
 * left out.
 */
final class SeriesSearch {

    /**
     * Series found for a name.
     *
     * @param series            the series
     * @param byAlternativeName whether they were found by an alternative name
     */
    record Found(List<SeriesListItem> series, boolean byAlternativeName) {
    }

    private final MetronLookups lookups;

    SeriesSearch(MetronLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * Searches a series name.
     *
     * @param name the name as the archive wrote it
     * @return the series found (none when nothing is close)
     */
    Found search(String name) {
        return search(name, false);
    }

    /**
     * Searches a series name, as written only when a shorter reading of the same name is still to be tried (the
     * series without its format word, {@code Batman TPB} then {@code Batman}; the part before a dash,
     * {@code Saga - Chapter One} then {@code Saga}): the misspelling fallbacks (alternative names, one word left
     * out) are for the name that is left, since a story title or a format word is not a misspelt series name.
     *
     * @param name          the name as the archive wrote it
     * @param shorterFollows whether a shorter reading of this name will be searched if this one finds nothing
     * @return the series found (none when nothing is close)
     */
    Found search(String name, boolean shorterFollows) {
        List<String> words = SeriesNames.queryWords(name);
        if (words.isEmpty()) {
            return new Found(List.of(), false);
        }
        List<SeriesListItem> found = lookups.transposedSearch(words);
        if (!found.isEmpty()) {
            return new Found(found, false);
        }
        found = lookups.searchSeries(words);
        if (!found.isEmpty()) {
            return new Found(found, false);
        }
        // not found as written: a misspelling of a name searched earlier in this run?
        found = lookups.nearestSearch(words);
        if (!found.isEmpty() || shorterFollows) {
            return new Found(found, false);
        }
        // no series is called so: one that is also known by this name ("TMNT", "Marvelman")?
        found = lookups.searchAltNames(name);
        if (!found.isEmpty()) {
            return new Found(found, true);
        }
        if (words.size() == 1) {
            // one misspelt word: its first three letters, then its last three, find the series it was meant to be
            String word = words.get(0);
            if (word.length() < 6) {
                return new Found(found, false);
            }
            found = lookups.searchSeries(List.of(word.substring(0, 3)));
            return new Found(found.isEmpty() ? lookups.searchSeries(List.of(word.substring(word.length() - 3)))
                    : found, false);
        }
        // a misspelt word finds nothing: leave out one word at a time (longest words first), stop at the first hit
        List<String> byLength = new ArrayList<>(words);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        for (String left : byLength.subList(0, Math.min(2, byLength.size()))) {
            List<String> fewer = new ArrayList<>(words);
            fewer.remove(left);
            found = lookups.searchSeries(fewer);
            if (!found.isEmpty()) {
                return new Found(found, false);
            }
        }
        return new Found(List.of(), false);
    }
}
