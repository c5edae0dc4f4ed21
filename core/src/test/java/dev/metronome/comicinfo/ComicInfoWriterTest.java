package dev.metronome.comicinfo;

import static dev.metronome.comicinfo.ComicInfoCorpusTest.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.AgeRating;
import dev.metronome.api.AlternativeName;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.CommunityRating;
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
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComicInfoWriterTest {

    /** A model with every field ComicInfo can hold, and some it cannot. */
    static ComicMetadata full() {
        return ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Fantastic Four").sortName("Fantastic Four").volume(7).yearBegan(2018)
                        .issueCount(48).format("Single Issue").language("en").addAlternativeName(AlternativeName.of("FF")).build())
                .number(IssueNumber.of("47"))
                .alternateSeries("Fantastic Four (legacy)")
                .alternateNumber(IssueNumber.of("692"))
                .alternateCount(700)
                .storyTitles(List.of("The Taking of Baxter 1-2-3-4, Part One", "Judgment Time Four"))
                .summary("First paragraph.\n\nSecond & <last>.")
                .notes("Tagged with Metronome 0.1 on 2026-11-27 [metron:issue=51658]")
                .coverDate(PartialDate.of(LocalDate.of(2022, 11, 1)))
                .storeDate(LocalDate.of(2022, 9, 21))
                .pageCount(32)
                .addPrice(new Price(new BigDecimal("3.99"), "USD", "US"))
                .publisher(Resource.of("Marvel", 1))
                .imprint(Resource.of("Marvel Knights"))
                .credits(List.of(
                        Credit.of("Dan Slott", "Writer"),
                        Credit.of("John Romita Jr.", "Artist", "Cover"),
                        Credit.of("Scott Hanna", "Finishes"),
                        Credit.of("Jesus Aburtov", "Colorist"),
                        Credit.of("Joe Caramagna", "Letterer"),
                        Credit.of("Alanna Smith", "Editor"),
                        Credit.of("C.B. Cebulski", "Editor In Chief"),
                        Credit.of("Tom Brevoort", "Consulting Editor"),
                        Credit.of("Jean Dupont", "Translator"),
                        Credit.of("Jay Bowen", "Designer")))
                .characters(List.of(Resource.of("Mister Fantastic"), Resource.of("Invisible Woman")))
                .teams(List.of(Resource.of("Fantastic Four")))
                .locations(List.of(Resource.of("Baxter Building")))
                .storyArcs(List.of(new StoryArc("A.X.E.: Judgment Day", "3", "860")))
                .genres(List.of(Resource.of("Super-Hero")))
                .tags(List.of(Resource.of("event")))
                .ageRating(AgeRating.TEEN_PLUS)
                .webLinks(List.of(WebLink.of("https://example.org/ff-47"), new WebLink("https://metron.cloud/issue/fantastic-four-2018-47/", true)))
                .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "51658", true)))
                .gtin(new Gtin("", "75960609036504711"))
                .pages(List.of(new PageInfo(0, List.of(PageType.FRONT_COVER), false, OptionalLong.of(1234), "", "", OptionalInt.of(1000), OptionalInt.of(1500)),
                        new PageInfo(1, List.of(), true, OptionalLong.of(999), "", "splash", OptionalInt.of(2000), OptionalInt.of(1500))))
                .readingDirection(ReadingDirection.LEFT_TO_RIGHT)
                .manga(YesNo.NO)
                .blackAndWhite(YesNo.NO)
                .communityRating(new CommunityRating(new BigDecimal("4.25"), OptionalInt.of(12)))
                .scanInformation("scanned by me")
                .review("Great")
                .seriesGroup("FF")
                .mainCharacterOrTeam("Fantastic Four")
                .build();
    }

    @Test
    void defaultOutputValidatesAgainstV21AndHasEveryField() throws MetadataException {
        WriteResult result = ComicInfoWriter.defaults().write(full());
        assertValid(result, ComicInfoVersion.V2_1);
        String xml = result.text();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ComicInfo xmlns:xsi=");
        assertThat(xml).contains("<Title>The Taking of Baxter 1-2-3-4, Part One; Judgment Time Four</Title>",
                "<Count>48</Count>", "<Volume>7</Volume>", "<AlternateCount>700</AlternateCount>",
                "<Summary>First paragraph.\n\nSecond &amp; &lt;last&gt;.</Summary>",
                "<Year>2022</Year>", "<Month>11</Month>", "<Day>1</Day>",
                "<Writer>Dan Slott</Writer>", "<Penciller>John Romita Jr.</Penciller>", "<Inker>John Romita Jr., Scott Hanna</Inker>",
                "<Colorist>Jesus Aburtov</Colorist>", "<Letterer>Joe Caramagna</Letterer>", "<CoverArtist>John Romita Jr.</CoverArtist>",
                "<Editor>Alanna Smith, C.B. Cebulski, Tom Brevoort</Editor>", "<Translator>Jean Dupont</Translator>",
                "<Publisher>Marvel</Publisher>", "<Imprint>Marvel Knights</Imprint>", "<Genre>Super-Hero</Genre>", "<Tags>event</Tags>",
                "<Web>https://metron.cloud/issue/fantastic-four-2018-47/</Web>",
                "<PageCount>32</PageCount>", "<LanguageISO>en</LanguageISO>", "<Format>Single Issue</Format>",
                "<BlackAndWhite>No</BlackAndWhite>", "<Manga>No</Manga>", "<Characters>Mister Fantastic, Invisible Woman</Characters>",
                "<StoryArc>A.X.E.: Judgment Day</StoryArc>", "<StoryArcNumber>3</StoryArcNumber>", "<AgeRating>MA15+</AgeRating>",
                "<Page Image=\"0\" Type=\"FrontCover\" ImageSize=\"1234\" ImageWidth=\"1000\" ImageHeight=\"1500\"/>",
                "<Page Image=\"1\" DoublePage=\"true\" ImageSize=\"999\" Bookmark=\"splash\" ImageWidth=\"2000\" ImageHeight=\"1500\"/>",
                "<CommunityRating>4.3</CommunityRating>", "<GTIN>75960609036504711</GTIN>");
        assertThat(xml).doesNotContain("Jay Bowen");
    }

    @Test
    void elementsComeInSchemaOrder() {
        String xml = ComicInfoWriter.defaults().write(full()).text();
        List<String> order = List.of("Title", "Series", "Number", "Count", "Volume", "AlternateSeries", "AlternateNumber", "AlternateCount",
                "Summary", "Notes", "Year", "Month", "Day", "Writer", "Penciller", "Inker", "Colorist", "Letterer", "CoverArtist", "Editor",
                "Translator", "Publisher", "Imprint", "Genre", "Tags", "Web", "PageCount", "LanguageISO", "Format", "BlackAndWhite", "Manga",
                "Characters", "Teams", "Locations", "ScanInformation", "StoryArc", "StoryArcNumber", "SeriesGroup", "AgeRating", "Pages",
                "CommunityRating", "MainCharacterOrTeam", "Review", "GTIN");
        Matcher matcher = Pattern.compile("(?m)^  <([A-Za-z]+)").matcher(xml);
        List<String> written = matcher.results().map(r -> r.group(1)).toList();
        assertThat(written).isEqualTo(order);
    }

    @Test
    void strictModeValidatesAgainstV20AndReportsWhatItLeftOut() throws MetadataException {
        ComicMetadata withUnknown = full().toBuilder()
                .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Custom", "<Custom>x</Custom>")).build();
        WriteResult result = ComicInfoWriter.strict().write(withUnknown);
        assertValid(result, ComicInfoVersion.V2_0);
        assertThat(result.text()).doesNotContain("<Translator>", "<Tags>", "<StoryArcNumber>", "<GTIN>", "<Custom>");
        assertThat(result.text()).contains("<CommunityRating>4.25</CommunityRating>");
        assertThat(result.warnings()).hasSize(5).allSatisfy(w -> assertThat(w).startsWith("ComicInfo.xml: "));
    }

    @Test
    void v10OutputValidates() throws MetadataException {
        WriteResult result = new ComicInfoWriter(ComicInfoVersion.V1_0, false).write(full());
        assertValid(result, ComicInfoVersion.V1_0);
        assertThat(result.text()).doesNotContain("<Day>", "Bookmark=", "<AgeRating>");
    }

    @Test
    void collectionTitleWinsOverStoryTitles() {
        ComicMetadata tpb = full().toBuilder().collectionTitle("The Butcher's Mark").build();
        assertThat(ComicInfoWriter.defaults().write(tpb).text()).contains("<Title>The Butcher's Mark</Title>");
    }

    @Test
    void isbnIsPreferredForGtin() {
        ComicMetadata book = full().toBuilder().gtin(new Gtin("9781684158164", "9781684158164")).build();
        assertThat(ComicInfoWriter.defaults().write(book).text()).contains("<GTIN>9781684158164</GTIN>");
    }

    @Test
    void emptyMetadataWritesAnEmptyValidDocument() throws MetadataException {
        WriteResult result = ComicInfoWriter.defaults().write(ComicMetadata.EMPTY);
        assertValid(result, ComicInfoVersion.V2_1);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void forbiddenCharactersNeverReachTheFile() throws MetadataException {
        ComicMetadata m = ComicMetadata.builder().series(SeriesInfo.named("Bad\u0001Chars\uFFFE")).summary("a\u0000b").build();
        WriteResult result = ComicInfoWriter.defaults().write(m);
        assertValid(result, ComicInfoVersion.V2_1);
        assertThat(result.text()).contains("<Series>BadChars</Series>", "<Summary>ab</Summary>");
    }

    @Test
    void malformedForeignUnknownElementIsLeftOutWithAWarning() throws MetadataException {
        ComicMetadata m = ComicMetadata.builder().series(SeriesInfo.named("X"))
                .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Broken", "<Broken>oops"))
                .addUnknownElement(new UnknownElement(UnknownElement.METRON_INFO, "Other", "<Other/>"))
                .build();
        WriteResult result = ComicInfoWriter.defaults().write(m);
        assertValid(result, ComicInfoVersion.V2_1);
        assertThat(result.warnings()).singleElement().asString().contains("<Broken>");
    }

    @Test
    void ageRatingsMapToComicInfoValues() {
        assertThat(ComicInfoWriter.ageRating(AgeRating.TEEN)).isEqualTo("Teen");
        assertThat(ComicInfoWriter.ageRating(AgeRating.MATURE)).isEqualTo("Mature 17+");
        assertThat(ComicInfoWriter.ageRating(AgeRating.CCA)).isEqualTo("Everyone");
        assertThat(ComicInfoWriter.ageRating(AgeRating.EXPLICIT)).isEqualTo("X18+");
        assertThat(ComicInfoWriter.ageRating(AgeRating.ADULT)).isEqualTo("Adults Only 18+");
    }
}
