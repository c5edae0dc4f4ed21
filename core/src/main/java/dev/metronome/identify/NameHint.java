package dev.metronome.identify;

import java.util.Optional;

/**
 * What one source (ComicInfo.xml, the file name, the folders) says about series, number and year.
 *
 * @param source    where it came from, for the evidence text ({@code ComicInfo.xml}, {@code file name})
 * @param series    the series name, or empty
 * @param number    the issue number as written, or empty
 * @param year      a year: the cover year, or the series' start year from a folder, if known
 * @param volume    the series volume number, if known
 * @param yearBegan the series' start year, if the source says so explicitly
 */
public record NameHint(String source, String series, String number, Optional<Integer> year, Optional<Integer> volume,
                       Optional<Integer> yearBegan) {

    /**
     * The source of a second reading of the file name, tried only when the others decide nothing ({@code Saga} for
     * {@code Saga - Chapter One 001}).
     */
    public static final String OTHERWISE = "file name, read otherwise";

    /** Normalizes nulls. */
    public NameHint {
        series = series == null ? "" : series.strip();
        number = number == null ? "" : number.strip();
        year = year == null ? Optional.empty() : year;
        volume = volume == null ? Optional.empty() : volume;
        yearBegan = yearBegan == null ? Optional.empty() : yearBegan;
    }

    /** Whether there is enough to search: a series name. */
    public boolean usable() {
        return !series.isBlank();
    }

    /** The issue number normalized as Metron stores it ({@code 001} -> {@code 1}); {@code 1} when absent. */
    public String metronNumber() {
        return IssueNumbers.normalize(number.isBlank() ? "1" : number);
    }

    /** Whether it gives no year, start year or volume (so same-named series cannot be told apart by it). */
    public boolean undated() {
        return year.isEmpty() && yearBegan.isEmpty() && volume.isEmpty();
    }

    /** Whether it comes from the file name (read one way or another), not from metadata. */
    public boolean fromFileName() {
        return source.startsWith("file name");
    }

    /** Whether the number was missing (and {@code 1} is assumed). */
    public boolean numberAssumed() {
        return number.isBlank();
    }
}
