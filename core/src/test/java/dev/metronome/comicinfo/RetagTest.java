package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PageInfo;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.WebLink;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetagTest {

    private final MetronomeStamp stamp = new MetronomeStamp("0.1", LocalDate.of(2026, 11, 27), 31047);

    private final ComicMetadata fromMetron = ComicMetadata.builder()
            .series(SeriesInfo.builder().name("The Spectacular Spider-Man").volume(1).build())
            .number(IssueNumber.of("47"))
            .summary("Spider-Man goes on a wild goose chase.")
            .credits(List.of(Credit.of("Roger Stern", "Writer")))
            .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "31047", true)))
            .webLinks(List.of(new WebLink("https://metron.cloud/issue/the-spectacular-spider-man-1976-47/", true)))
            .build();

    @Test
    void stampLineIsStableAndMachineReadable() {
        assertThat(stamp.line()).isEqualTo("Tagged with Metronome 0.1 on 2026-11-27 [metron:issue=31047]");
        assertThat(MetronomeStamp.issueId(stamp.line())).hasValue(31047);
        assertThat(MetronomeStamp.issueId("nothing here")).isEmpty();
    }

    @Test
    void reTaggingAFileFromTheCorpusKeepsTheUsersFields() throws MetadataException {
        ComicMetadata existing = new ComicInfoReader().read(TestFiles.bytes("/comicinfo-corpus/old-metronome-stamp.xml"), "old").metadata()
                .toBuilder()
                .scanInformation("scanned by me")
                .webLinks(List.of(WebLink.of("https://comicvine.gamespot.com/x/4000-20745/")))
                .pages(List.of(PageInfo.of(0).withBookmark("cover")))
                .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Custom", "<Custom>1</Custom>"))
                .build();
        ComicMetadata merged = Retag.merge(existing, fromMetron, stamp);

        assertThat(merged.series().name()).isEqualTo("The Spectacular Spider-Man");
        assertThat(merged.summary()).isEqualTo("Spider-Man goes on a wild goose chase.");
        assertThat(merged.review()).isEqualTo("Loved it.");
        assertThat(merged.scanInformation()).isEqualTo("scanned by me");
        assertThat(merged.pages()).containsExactly(PageInfo.of(0).withBookmark("cover"));
        assertThat(merged.unknownElements()).hasSize(1);
        assertThat(merged.notes()).isEqualTo("Bought at the con, signed.\nTagged with Metronome 0.1 on 2026-11-27 [metron:issue=31047]");

        String xml = ComicInfoWriter.defaults().write(merged).text();
        assertThat(xml).contains("<Web>https://metron.cloud/issue/the-spectacular-spider-man-1976-47/ https://comicvine.gamespot.com/x/4000-20745/</Web>");
        assertThat(xml).contains("<Custom>1</Custom>");
    }

    @Test
    void reTaggingTwiceKeepsOneStampLine() {
        ComicMetadata once = Retag.merge(ComicMetadata.EMPTY, fromMetron, stamp);
        ComicMetadata twice = Retag.merge(once, fromMetron, new MetronomeStamp("0.2", LocalDate.of(2026, 12, 1), 31047));
        assertThat(once.notes()).isEqualTo(stamp.line());
        assertThat(twice.notes()).isEqualTo("Tagged with Metronome 0.2 on 2026-12-01 [metron:issue=31047]");
    }

    @Test
    void otherTaggersLinesAreTheUsersText() {
        String notes = "Tagged with ComicTagger 1.3.5 using info from Comic Vine on 2023-01-02.  [Issue ID 30745]\n\n\nmy note";
        assertThat(stamp.applyTo(notes)).isEqualTo(
                "Tagged with ComicTagger 1.3.5 using info from Comic Vine on 2023-01-02.  [Issue ID 30745]\n\nmy note\n" + stamp.line());
    }
}
