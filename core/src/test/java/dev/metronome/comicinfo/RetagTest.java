package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.AgeRating;
import dev.metronome.api.CommunityRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.Gtin;
import dev.metronome.api.IdSource;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Price;
import dev.metronome.api.ReadingDirection;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.WebLink;
import dev.metronome.api.YesNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
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
    void stampLineCarriesTheIdInTheFormsComicTaggerAndMetronTaggerRead() {
        assertThat(stamp.line()).isEqualTo("Tagged with Metronome 0.1 using info from Metron on 2026-11-27."
                + " [Issue ID 31047] [issue_id:31047] (ids for ComicTagger and MetronTagger)");
        assertThat(MetronomeStamp.issueId(stamp.line())).hasValue(31047);
        assertThat(NoteIds.read(stamp.line())).extracting(NoteIds.NoteId::source).containsOnly(IdSource.METRON);
        assertThat(MetronomeStamp.issueId("nothing here")).isEmpty();
    }

    @Test
    void everyFormIsStillRead() {
        assertThat(MetronomeStamp.issueId("Tagged with Metronome 0.0.9 on 2026-01-01 [metron:issue=36860]")).hasValue(36860);
        assertThat(MetronomeStamp.issueId("Tagged with MetronTagger-4.12.0 using info from Metron on 2026-07-01 10:00:00."
                + " [issue_id:48213]")).hasValue(48213);
        assertThat(MetronomeStamp.issueId("Tagged with ComicTagger 1.6.0 using info from Metron on 2024-10-01 12:00:00."
                + " [Issue ID 7771]")).hasValue(7771);
        List<NoteIds.NoteId> cv = NoteIds.read("Tagged with ComicTagger 1.3.5 using info from Comic Vine on 2023-01-02."
                + "  [Issue ID 30745]\nScraped metadata from ComicVine [CVDB338526] on 2020.01.01.");
        assertThat(cv).extracting(NoteIds.NoteId::source).containsOnly(IdSource.COMIC_VINE);
        assertThat(cv).extracting(NoteIds.NoteId::id).containsExactly(30745L, 338526L);
        assertThat(MetronomeStamp.issueId("Tagged with ComicTagger 1.3.5 using info from Comic Vine. [Issue ID 30745]"))
                .as("a Comic Vine id is not a Metron id").isEmpty();
    }

    @Test
    void reTaggingTheSameIssueKeepsTheUsersFields() throws MetadataException {
        ComicMetadata existing = new ComicInfoReader().read(TestFiles.bytes("/comicinfo-corpus/old-metronome-stamp.xml"), "old").metadata()
                .toBuilder()
                .scanInformation("scanned by me")
                .webLinks(List.of(WebLink.of("https://comicvine.gamespot.com/x/4000-20745/")))
                .pages(List.of(PageInfo.of(0).withBookmark("cover")))
                .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Custom", "<Custom>1</Custom>"))
                .build();
        ComicMetadata die = fromMetron.toBuilder().series(SeriesInfo.builder().name("Die").build()).number(IssueNumber.of("19"))
                .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "36860", true)))
                .webLinks(List.of(new WebLink("https://metron.cloud/issue/die-2018-19/", true))).build();
        ComicMetadata merged = Retag.merge(existing, die, new MetronomeStamp("0.1", LocalDate.of(2026, 11, 27), 36860));

        assertThat(merged.summary()).isEqualTo("Spider-Man goes on a wild goose chase.");
        assertThat(merged.review()).isEqualTo("Loved it.");
        assertThat(merged.scanInformation()).isEqualTo("scanned by me");
        assertThat(merged.pages()).containsExactly(PageInfo.of(0).withBookmark("cover"));
        assertThat(merged.unknownElements()).hasSize(1);
        assertThat(merged.notes()).isEqualTo("Bought at the con, signed.\nTagged with Metronome 0.1 using info from Metron on"
                + " 2026-11-27. [Issue ID 36860] [issue_id:36860] (ids for ComicTagger and MetronTagger)");

        String xml = ComicInfoWriter.defaults().write(merged).text();
        assertThat(merged.webLinks()).extracting(WebLink::url)
                .containsExactly("https://metron.cloud/issue/die-2018-19/", "https://comicvine.gamespot.com/x/4000-20745/");
        assertThat(xml).as("one address, read alike by Komga (spaces) and Kavita (commas)")
                .contains("<Web>https://metron.cloud/issue/die-2018-19/</Web>");
        assertThat(xml).contains("<Custom>1</Custom>");
    }

    @Test
    void reTaggingTwiceKeepsOneStampLine() {
        ComicMetadata once = Retag.merge(ComicMetadata.EMPTY, fromMetron, stamp);
        ComicMetadata twice = Retag.merge(once, fromMetron, new MetronomeStamp("0.2", LocalDate.of(2026, 12, 1), 31047));
        assertThat(once.notes()).isEqualTo(stamp.line());
        assertThat(twice.notes()).isEqualTo(new MetronomeStamp("0.2", LocalDate.of(2026, 12, 1), 31047).line());
    }

    @Test
    void anotherToolsTaggingLineIsReplacedAndTheUsersTextKept() {
        String notes = "Tagged with ComicTagger 1.3.5 using info from Comic Vine on 2023-01-02.  [Issue ID 30745]\n\n\nmy note\n"
                + "Tagged with MetronTagger-2.3.0 using info from Metron on 2024-01-01 10:00:00. [issue_id:999]\n"
                + "Scraped metadata from ComicVine [CVDB338526] on 2020.01.01.\n"
                + "Tagged with Metronome 0.0.9 on 2026-01-01 [metron:issue=36860]";
        String applied = stamp.applyTo(notes);
        assertThat(applied).isEqualTo("my note\n" + stamp.line());
        assertThat(NoteIds.read(applied)).extracting(NoteIds.NoteId::id).containsOnly(31047L);
    }

    /** Batman #341 in the file, retagged with --id as Fantastic Four #47: nothing of Batman's may survive. */
    @Test
    void aRetagToAnotherIssueDropsEverythingTiedToTheOldIssue() {
        ComicMetadata batman = ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Batman").volume(1).language("en").format("Single Issue").build())
                .number(IssueNumber.of("341"))
                .storyTitles(List.of("The Man-Bat's Master"))
                .coverDate(PartialDate.of(LocalDate.of(1981, 11, 1)))
                .storeDate(LocalDate.of(1981, 8, 20))
                .addPrice(new Price(new BigDecimal("0.50"), "USD", "US"))
                .credits(List.of(Credit.of("Gerry Conway", "Writer"), Credit.of("Ann Translator", "Translator")))
                .characters(List.of(Resource.of("Batman")))
                .teams(List.of(Resource.of("Justice League")))
                .locations(List.of(Resource.of("Gotham City")))
                .storyArcs(List.of(new StoryArc("Man-Bat", "1", "")))
                .seriesGroup("Batman family")
                .alternateSeries("Detective Comics")
                .ageRating(AgeRating.EVERYONE)
                .webLinks(List.of(WebLink.of("https://metron.cloud/issue/batman-1940-341/")))
                .gtin(new Gtin("9781401230258", ""))
                .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "5555", true),
                        ExternalId.issue(IdSource.COMIC_VINE, "20745")))
                .notes("my own note\nTagged with Metronome 0.0.9 on 2026-01-01 [metron:issue=5555]")
                .tags(List.of(Resource.of("favourite")))
                .review("Loved it.")
                .communityRating(new CommunityRating(new BigDecimal("4.5"), OptionalInt.empty()))
                .pages(List.of(PageInfo.of(0).withTypes(List.of(PageType.FRONT_COVER)).withBookmark("start")))
                .manga(YesNo.NO)
                .readingDirection(ReadingDirection.LEFT_TO_RIGHT)
                .blackAndWhite(YesNo.YES)
                .scanInformation("scanned by me")
                .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Custom", "<Custom>1</Custom>"))
                .build();
        ComicMetadata ff = ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Fantastic Four").volume(1).build())
                .number(IssueNumber.of("47"))
                .gtin(new Gtin("", "75960608996300111"))
                .credits(List.of(Credit.of("Stan Lee", "Writer"), Credit.of("Jack Kirby", "Artist")))
                .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "31047", true)))
                .webLinks(List.of(new WebLink("https://metron.cloud/issue/fantastic-four-1961-47/", true)))
                .build();

        ComicMetadata merged = Retag.merge(batman, ff, stamp);

        assertThat(merged.gtin()).isEqualTo(new Gtin("", "75960608996300111"));
        assertThat(merged.webLinks()).extracting(WebLink::url).containsExactly("https://metron.cloud/issue/fantastic-four-1961-47/");
        assertThat(merged.ids()).extracting(ExternalId::value).containsExactly("31047");
        assertThat(merged.locations()).isEmpty();
        assertThat(merged.storyArcs()).isEmpty();
        assertThat(merged.prices()).isEmpty();
        assertThat(merged.seriesGroup()).isEmpty();
        assertThat(merged.alternateSeries()).isEmpty();
        assertThat(merged.characters()).isEmpty();
        assertThat(merged.teams()).isEmpty();
        assertThat(merged.coverDate()).isEmpty();
        assertThat(merged.storeDate()).isEmpty();
        assertThat(merged.storyTitles()).isEmpty();
        assertThat(merged.ageRating()).isEqualTo(AgeRating.UNKNOWN);
        assertThat(merged.series().language()).isEmpty();
        assertThat(merged.credits()).extracting(Credit::name).containsExactly("Stan Lee", "Jack Kirby");
        // the user's own
        assertThat(merged.tags()).extracting(Resource::name).containsExactly("favourite");
        assertThat(merged.review()).isEqualTo("Loved it.");
        assertThat(merged.communityRating()).isEqualTo(batman.communityRating());
        assertThat(merged.pages()).isEqualTo(batman.pages());
        assertThat(merged.manga()).isEqualTo(YesNo.NO);
        assertThat(merged.blackAndWhite()).isEqualTo(YesNo.YES);
        assertThat(merged.scanInformation()).isEqualTo("scanned by me");
        assertThat(merged.unknownElements()).hasSize(1);
        assertThat(merged.notes()).isEqualTo("my own note\n" + stamp.line());
    }

    @Test
    void theOldIssueIsKnownFromTheNotesOfAComicInfoOnlyFile() {
        ComicMetadata comicInfoOnly = ComicMetadata.builder().series(SeriesInfo.builder().name("Batman").build())
                .number(IssueNumber.of("47")).locations(List.of(Resource.of("Gotham City")))
                .notes("Tagged with Metronome 0.0.9 on 2026-01-01 [metron:issue=5555]").build();
        assertThat(Retag.sameIssue(comicInfoOnly, fromMetron)).isFalse();
        assertThat(Retag.merge(comicInfoOnly, fromMetron, stamp).locations()).isEmpty();

        ComicMetadata sameByNotes = comicInfoOnly.toBuilder().notes(stamp.line()).build();
        assertThat(Retag.sameIssue(sameByNotes, fromMetron)).isTrue();
        assertThat(Retag.merge(sameByNotes, fromMetron, stamp).locations()).extracting(Resource::name).containsExactly("Gotham City");

        ComicMetadata noIdsOtherNumber = ComicMetadata.builder().series(SeriesInfo.builder().name("Spectacular Spider-Man").build())
                .number(IssueNumber.of("48")).build();
        assertThat(Retag.sameIssue(noIdsOtherNumber, fromMetron)).isFalse();
        ComicMetadata noIdsSameIssue = noIdsOtherNumber.toBuilder().number(IssueNumber.of("047")).build();
        assertThat(Retag.sameIssue(noIdsSameIssue, fromMetron)).isTrue();
    }

    @Test
    void creditsInRolesMetronDoesNotGiveAreKept() {
        ComicMetadata existing = ComicMetadata.builder().series(fromMetron.series()).number(fromMetron.number())
                .credits(List.of(Credit.of("Old Writer", "Writer"), Credit.of("Ann Translator", "Translator"),
                        Credit.of("Roger Stern", "Letterer"), Credit.of("Some Inker", "Inker")))
                .build();
        ComicMetadata metron = fromMetron.toBuilder()
                .credits(List.of(Credit.of("Roger Stern", "Writer"), Credit.of("Ed Hannigan", "Artist"))).build();

        ComicMetadata merged = Retag.merge(existing, metron, stamp);

        assertThat(merged.credits()).containsExactly(
                new Credit(Resource.of("Roger Stern"), List.of(Resource.of("Writer"), Resource.of("Letterer"))),
                Credit.of("Ed Hannigan", "Artist"),
                Credit.of("Ann Translator", "Translator"));
        String xml = ComicInfoWriter.defaults().write(merged).text();
        assertThat(xml).contains("<Translator>Ann Translator</Translator>").contains("<Inker>Ed Hannigan</Inker>")
                .doesNotContain("Old Writer").doesNotContain("Some Inker");
    }
}
