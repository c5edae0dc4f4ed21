package dev.metronome.organize;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.PartialDate;
import java.util.OptionalInt;

/**
 * The values a name template can use, for one archive. Empty strings mean "unknown".
 *
 * @param series     the series name
 * @param sortName   the series' sort name
 * @param volume     the volume number ("" when unknown)
 * @param yearBegan  the year the series began
 * @param number     the issue number as printed
 * @param title      the collection title, else the story titles joined by {@code "; "}
 * @param year       the cover year
 * @param month      the cover month
 * @param publisher  the publisher's name
 * @param imprint    the imprint's name
 * @param format     the series format (Single Issue, Trade Paperback...)
 * @param issueCount the series' issue count
 * @param metronId   the Metron issue id
 * @param fileName   the archive's current file name without its extension
 * @param ext        the archive's extension, lower case, without the dot
 */
public record IssueFields(String series, String sortName, String volume, String yearBegan, String number, String title,
                          String year, String month, String publisher, String imprint, String format, String issueCount,
                          String metronId, String fileName, String ext) {

    /** Nulls become "" and every value is trimmed. */
    public IssueFields {
        series = clean(series);
        sortName = clean(sortName);
        volume = clean(volume);
        yearBegan = clean(yearBegan);
        number = clean(number);
        title = clean(title);
        year = clean(year);
        month = clean(month);
        publisher = clean(publisher);
        imprint = clean(imprint);
        format = clean(format);
        issueCount = clean(issueCount);
        metronId = clean(metronId);
        fileName = clean(fileName);
        ext = clean(ext);
    }

    /** Whether there is enough metadata to name the file: at least a series. */
    public boolean hasMetadata() {
        return !series.isEmpty();
    }

    /**
     * The fields of an archive from its metadata: each value from MetronInfo when it has one, else from ComicInfo.
     * A ComicInfo {@code Volume} of 1800 or more is a start year (Mylar and Komga users write it so).
     *
     * @param metronInfo the MetronInfo.xml model, or null
     * @param comicInfo  the ComicInfo.xml model, or null
     */
    public static IssueFields from(ComicMetadata metronInfo, ComicMetadata comicInfo, String fileName, String ext) {
        ComicMetadata none = ComicMetadata.builder().build();
        ComicMetadata m = metronInfo == null ? none : metronInfo;
        ComicMetadata c = comicInfo == null ? none : comicInfo;
        OptionalInt ciVolume = c.series().volume();
        boolean ciVolumeIsYear = ciVolume.isPresent() && ciVolume.getAsInt() >= 1800;
        return new IssueFields(
                first(m.series().name(), c.series().name()),
                first(m.series().sortName(), c.series().sortName()),
                first(num(m.series().volume()), ciVolumeIsYear ? "" : num(ciVolume)),
                first(num(m.series().yearBegan()), num(c.series().yearBegan()), ciVolumeIsYear ? num(ciVolume) : ""),
                first(m.number().raw(), c.number().raw()),
                first(title(m), title(c)),
                first(m.coverDate().map(d -> String.valueOf(d.year())).orElse(""),
                        c.coverDate().map(d -> String.valueOf(d.year())).orElse("")),
                first(month(m.coverDate().orElse(null)), month(c.coverDate().orElse(null))),
                first(m.publisher().name(), c.publisher().name()),
                first(m.imprint().name(), c.imprint().name()),
                first(m.series().format(), c.series().format()),
                first(num(m.series().issueCount()), num(c.series().issueCount())),
                first(metronId(m), metronId(c)),
                fileName, ext);
    }

    private static String metronId(ComicMetadata metadata) {
        return metadata.id(IdSource.METRON, ExternalId.Kind.ISSUE).map(ExternalId::value).orElse("");
    }

    private static String title(ComicMetadata metadata) {
        return metadata.collectionTitle().isBlank() ? String.join("; ", metadata.storyTitles()) : metadata.collectionTitle();
    }

    private static String month(PartialDate date) {
        return date == null || date.month().isEmpty() ? "" : String.valueOf(date.month().getAsInt());
    }

    private static String num(OptionalInt value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "";
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
