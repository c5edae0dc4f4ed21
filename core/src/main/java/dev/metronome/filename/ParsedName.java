package dev.metronome.filename;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the {@link FilenameParser} understood from one file name and its folders.
 *
 * <p>A plain record of records, lists, sets and maps, so Jackson serializes it as-is for
 * {@code metronome parse --json}. Every {@link Field} is non-null; absent values have confidence 0.
 *
 * @param input           the file name that was parsed (last path element)
 * @param folders         the parent folder names used as context, nearest first (may be empty)
 * @param archive         the lower-case archive extension ({@code cbz}, {@code cbr}, ...) or ""
 * @param series          the series name
 * @param issue           the issue number
 * @param volume          the volume: {@code v2}, {@code Vol. 2}, {@code Volume 2}, or a series start year
 * @param volumeCount     the count in {@code 03 (of 06)} when that follows a title, not the issue
 * @param year            the cover or release year
 * @param issueCount      the number of issues: {@code (of 6)}, {@code 01 of 06}
 * @param title           the title or subtitle
 * @param publisher       a publisher named in the name or folders
 * @param alternateNumber a leading number that belongs to another numbering ({@code 52 Monster_Island_v1_2})
 * @param flags           the kinds of book announced (annual, TPB, c2c, ...)
 * @param flagConfidence  the confidence of each flag in {@code flags}
 * @param scanGroup       the scanner or release group ({@code Zone-Empire})
 * @param variantHints    bracketed hints about covers or variants ({@code 3 covers}, {@code Variant})
 * @param tags            other bracketed information that was not understood ({@code 2048px}, {@code noads})
 * @param remainder       text left over after everything else was taken ({@code -- The Revenge ...})
 * @param notes           one line per decision, telling a user how each field was found
 */
public record ParsedName(
        String input,
        List<String> folders,
        String archive,
        Field<String> series,
        Field<IssueNumber> issue,
        Field<Integer> volume,
        Field<Integer> volumeCount,
        Field<Integer> year,
        Field<Integer> issueCount,
        Field<String> title,
        Field<String> publisher,
        Field<String> alternateNumber,
        Set<ParseFlag> flags,
        Map<ParseFlag, Double> flagConfidence,
        Field<String> scanGroup,
        List<String> variantHints,
        List<String> tags,
        String remainder,
        List<String> notes) {

    /** Copies the collections and replaces nulls so that the record is immutable and null-free. */
    public ParsedName {
        input = input == null ? "" : input;
        folders = folders == null ? List.of() : List.copyOf(folders);
        archive = archive == null ? "" : archive;
        series = orAbsent(series);
        issue = orAbsent(issue);
        volume = orAbsent(volume);
        volumeCount = orAbsent(volumeCount);
        year = orAbsent(year);
        issueCount = orAbsent(issueCount);
        title = orAbsent(title);
        publisher = orAbsent(publisher);
        alternateNumber = orAbsent(alternateNumber);
        flags = flags == null || flags.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(ParseFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        flagConfidence = flagConfidence == null || flagConfidence.isEmpty()
                ? Collections.unmodifiableMap(new EnumMap<>(ParseFlag.class))
                : Collections.unmodifiableMap(new EnumMap<>(flagConfidence));
        scanGroup = orAbsent(scanGroup);
        variantHints = variantHints == null ? List.of() : List.copyOf(variantHints);
        tags = tags == null ? List.of() : List.copyOf(tags);
        remainder = remainder == null ? "" : remainder;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * Whether a flag was found.
     *
     * @param flag the flag
     * @return true if {@code flags} contains it
     */
    public boolean has(ParseFlag flag) {
        return flags.contains(flag);
    }

    private static <T> Field<T> orAbsent(Field<T> f) {
        return f == null ? Field.absent() : f;
    }
}
