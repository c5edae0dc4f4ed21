package dev.metronome.komga;

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
import dev.metronome.fixtures.komga.CbzFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double for the core's {@link Tagger}: identifies {@code Saga NNN.cbz} as Metron issue 1000+NNN (after checking
 * the file is a readable archive) and anything else as no match; counts identifications per file name.
 */
final class SagaTagger implements Tagger {

    private static final Pattern SAGA = Pattern.compile("Saga (\\d+)\\.cb[zr]");
    final Map<String, AtomicInteger> identified = new ConcurrentHashMap<>();

    @Override
    public Decision identify(Path archive) {
        String name = archive.getFileName().toString();
        identified.computeIfAbsent(name.replaceFirst("^metronome-book-.*", "(download)"), k -> new AtomicInteger())
                .incrementAndGet();
        try {
            if (Files.size(archive) == 0) {
                return new Decision(Decision.Status.ERROR, null, 0, List.of(), List.of("empty file"));
            }
        } catch (IOException e) {
            return new Decision(Decision.Status.ERROR, null, 0, List.of(), List.of(e.getMessage()));
        }
        Matcher m = SAGA.matcher(name);
        return m.matches() ? Decision.matched(1000 + Integer.parseInt(m.group(1)), 0.99, "file name")
                : Decision.noMatch("no Saga issue number in " + name);
    }

    int identifications() {
        return identified.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public ComicMetadata metadata(long metronIssueId) {
        int n = (int) (metronIssueId - 1000);
        return ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Saga").volume(2012).issueCount(54).language("en").build())
                .number(IssueNumber.of(String.valueOf(n)))
                .storyTitles(List.of("Chapter " + n))
                .summary("Summary of Saga #" + n)
                .coverDate(PartialDate.ofMonth(2012, 3))
                .publisher(Resource.of("Image Comics"))
                .credits(List.of(Credit.of("Brian K. Vaughan", "Writer"), Credit.of("Fiona Staples", "Artist", "Cover"),
                        Credit.of("Eric Stephenson", "Editor In Chief")))
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

    /** The host's file writer, as a test double: writes a flat ComicInfo.xml with the Metron URL. */
    static void writeComicInfo(Path archive, ComicMetadata m) throws IOException {
        CbzFiles.replaceComicInfo(archive, Map.of("Series", m.series().name(), "Number", m.number().raw(),
                "Title", String.join("; ", m.storyTitles()), "Web", m.primaryWebLink().orElseThrow().url()));
    }
}
