package dev.metronome.kavita;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import dev.metronome.api.WebLink;
import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.WriteOptions;
import dev.metronome.comicinfo.ComicInfoWriter;
import dev.metronome.spi.HostServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of the core's {@link Tagger}: {@code Saga NNN...} is Metron issue 1000+NNN, anything else no match.
 * Its {@link #host()} writes ComicInfo.xml with the core's real writer, as the host does.
 */
final class IssueTagger implements Tagger {

    private static final Pattern SAGA = Pattern.compile("Saga (\\d+).*\\.cb[zr]");
    final AtomicInteger identifications = new AtomicInteger();

    @Override
    public Decision identify(Path archive) {
        identifications.incrementAndGet();
        Matcher m = SAGA.matcher(archive.getFileName().toString());
        return m.matches() ? Decision.matched(1000 + Integer.parseInt(m.group(1)), 0.99, "file name")
                : Decision.noMatch("not a Saga issue: " + archive.getFileName());
    }

    @Override
    public ComicMetadata metadata(long metronIssueId) {
        int n = (int) (metronIssueId - 1000);
        return ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Saga").yearBegan(2012).issueCount(54).language("en").build())
                .number(IssueNumber.of(String.valueOf(n)))
                .storyTitles(List.of("Chapter " + n))
                .summary("Summary of Saga #" + n)
                .coverDate(PartialDate.ofMonth(2012, 3))
                .publisher(Resource.of("Image Comics"))
                .credits(List.of(Credit.of("Brian K. Vaughan", "Writer"), Credit.of("Fiona Staples", "Artist", "Cover"),
                        Credit.of("Eric Stephenson", "Editor In Chief")))
                .characters(List.of(Resource.of("Alana"), Resource.of("Marko")))
                .tags(List.of(Resource.of("space opera")))
                .genres(List.of(Resource.of("Science Fiction")))
                .ageRating(AgeRating.MATURE_17_PLUS)
                .webLinks(List.of(WebLink.of(metronUrl(n))))
                .build();
    }

    static String metronUrl(int n) {
        return "https://metron.cloud/issue/saga-2012-" + n + "/";
    }

    @Override
    public FileResult tag(Path archive, TagOptions options) {
        throw new UnsupportedOperationException("the sync does not call tag()");
    }

    /** The host's file writer: the core's ComicInfo writer and archive writer. */
    static HostServices host() {
        return (archive, metadata, convert) -> new ArchiveWriter().write(archive,
                Map.of("ComicInfo.xml", ComicInfoWriter.defaults().write(metadata).bytes()), WriteOptions.DEFAULT).path();
    }
}
