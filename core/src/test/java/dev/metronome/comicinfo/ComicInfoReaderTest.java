package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.PartialDate;
import dev.metronome.api.ReadingDirection;
import dev.metronome.api.Resource;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.WebLink;
import dev.metronome.api.YesNo;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Field-by-field checks of chosen corpus files. */
class ComicInfoReaderTest {

    private final ComicInfoReader reader = new ComicInfoReader();

    private ReadResult read(String file) throws MetadataException {
        return reader.read(TestFiles.bytes("/comicinfo-corpus/" + file), file);
    }

    @Test
    void comicRackFileWithBomAndPages() throws MetadataException {
        ReadResult result = read("comicrack-classic.xml");
        ComicMetadata m = result.metadata();
        assertThat(result.warnings()).isEmpty();
        assertThat(m.series().name()).isEqualTo("The Spectacular Spider-Man");
        assertThat(m.series().volume()).hasValue(1976);
        assertThat(m.number().raw()).isEqualTo("47");
        assertThat(m.storyTitles()).containsExactly("A Night on the Prowl!");
        assertThat(m.coverDate()).contains(PartialDate.ofMonth(1980, 10));
        assertThat(m.credits()).extracting(Credit::name).containsExactly("Roger Stern", "Marie Severin", "Bruce Patterson",
                "Glynis Oliver", "Al Milgrom", "Dennis O'Neil");
        assertThat(m.credits().get(2).roleNames()).containsExactly("Inker", "Letterer");
        assertThat(m.creditsWithRole("Cover")).extracting(Credit::name).containsExactly("Al Milgrom");
        assertThat(m.publisher()).isEqualTo(Resource.of("Marvel"));
        assertThat(m.series().language()).isEqualTo("en");
        assertThat(m.scanInformation()).isEqualTo("c2c Scanned by DCP");
        assertThat(m.pages()).hasSize(3);
        PageInfo cover = m.pages().get(0);
        assertThat(cover.types()).containsExactly(PageType.FRONT_COVER);
        assertThat(cover.size()).hasValue(383616);
        assertThat(cover.width()).hasValue(1280);
        assertThat(cover.height()).hasValue(1988);
        assertThat(m.pages().get(2).doublePage()).isTrue();
    }

    @Test
    void htmlSummaryBecomesCleanTextWithParagraphs() throws MetadataException {
        ComicMetadata m = read("comictagger-html-summary.xml").metadata();
        assertThat(m.summary()).isEqualTo("The end. The party faces the Master.\n\nSecond paragraph with a link.\nNew line.\n\nOne\nTwo");
    }

    @Test
    void cdataHtmlSummaryIsCleanedToo() throws MetadataException {
        assertThat(read("cdata-summary.xml").metadata().summary()).isEqualTo("First bold paragraph.\n\nSecond & last.");
    }

    @Test
    void utf16WithAndWithoutBom() throws MetadataException {
        ReadResult le = read("utf16-le-bom.xml");
        assertThat(le.warnings()).isEmpty();
        assertThat(le.metadata().series().name()).isEqualTo("Astérix");
        assertThat(le.metadata().credits()).extracting(Credit::name).containsExactly("René Goscinny", "Albert Uderzo");
        assertThat(read("utf16-be-nobom.xml").metadata().credits()).extracting(Credit::name).containsExactly("Hergé");
    }

    @Test
    void latin1BytesUnderAUtf8DeclarationAreRecovered() throws MetadataException {
        ReadResult result = read("latin1-declared-utf8.xml");
        assertThat(result.metadata().credits()).extracting(Credit::name).containsExactly("Hergé");
        assertThat(result.metadata().summary()).contains("écrit en 1929");
        assertThat(result.warnings()).singleElement().asString().contains("Windows-1252");
        assertThat(read("iso-8859-1-declared.xml").metadata().credits()).extracting(Credit::name).containsExactly("André Franquin");
    }

    @Test
    void lowerCaseRootAndElementsAreRead() throws MetadataException {
        ReadResult result = read("lowercase-root.xml");
        assertThat(result.metadata().series().name()).isEqualTo("Saga");
        assertThat(result.metadata().coverDate()).contains(PartialDate.ofYear(2012));
        assertThat(result.warnings()).singleElement().asString().contains("<comicinfo>");
    }

    @Test
    void namespacesAreIgnored() throws MetadataException {
        assertThat(read("default-namespace.xml").metadata().series().name()).isEqualTo("Hellboy");
        assertThat(read("prefixed-namespace.xml").metadata().credits()).extracting(Credit::name).containsExactly("Jeff Smith");
        assertThat(read("undeclared-prefix.xml").metadata().credits()).hasSize(2);
    }

    @Test
    void badNumbersAreSkippedWithWarnings() throws MetadataException {
        ReadResult result = read("bad-numbers.xml");
        ComicMetadata m = result.metadata();
        assertThat(m.series().issueCount()).isEmpty();
        assertThat(m.series().volume()).isEmpty();
        assertThat(m.alternateCount()).isEmpty();
        assertThat(m.coverDate()).isEmpty();
        assertThat(m.pageCount()).isEmpty();
        assertThat(m.communityRating()).isEmpty();
        assertThat(m.pages()).singleElement().satisfies(page -> {
            assertThat(page.index()).isEqualTo(1);
            assertThat(page.width()).isEmpty();
            assertThat(page.height()).hasValue(1200);
            assertThat(page.size()).isEmpty();
        });
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("Count 'twelve'"))
                .anySatisfy(w -> assertThat(w).contains("Volume '2018a'"))
                .anySatisfy(w -> assertThat(w).contains("CommunityRating '9'"))
                .anySatisfy(w -> assertThat(w).contains("negative PageCount"));
    }

    @Test
    void badEnumsAreSkippedWithWarnings() throws MetadataException {
        ReadResult result = read("bad-enums.xml");
        ComicMetadata m = result.metadata();
        assertThat(m.blackAndWhite()).isEqualTo(YesNo.UNKNOWN);
        assertThat(m.manga()).isEqualTo(YesNo.UNKNOWN);
        assertThat(m.ageRating()).isEqualTo(AgeRating.UNKNOWN);
        assertThat(m.pages().get(0).types()).isEmpty();
        assertThat(m.pages().get(1).types()).containsExactly(PageType.STORY);
        assertThat(result.warnings()).hasSize(5);
    }

    @Test
    void unknownElementsAreKeptVerbatim() throws MetadataException {
        ComicMetadata m = read("unknown-elements.xml").metadata();
        assertThat(m.unknownElements()).extracting(UnknownElement::name).containsExactly("MyRating", "Collection", "ReadCount");
        assertThat(m.unknownElements().get(0).xml()).isEqualTo("<MyRating stars=\"4\">Good &amp; fun</MyRating>");
        assertThat(m.unknownElements().get(1).xml()).contains("<Item id=\"1\">Box 3</Item>").contains("<Item id=\"2\"/>");
        String written = ComicInfoWriter.defaults().write(m).text();
        assertThat(written).contains("<MyRating stars=\"4\">Good &amp; fun</MyRating>").contains("<ReadCount>3</ReadCount>");
        assertThat(ComicInfoWriter.strict().write(m).text()).doesNotContain("MyRating");
    }

    @Test
    void truncatedFileKeepsWhatCameBeforeTheBreak() throws MetadataException {
        ReadResult result = read("truncated.xml");
        assertThat(result.metadata().series().name()).isEqualTo("Truncated");
        assertThat(result.metadata().credits()).extracting(Credit::name).containsExactly("Half Written");
        assertThat(result.metadata().summary()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("cut short").contains("kept the 3 elements");
    }

    @Test
    void strayWhitespaceIsTrimmed() throws MetadataException {
        ComicMetadata m = read("stray-whitespace.xml").metadata();
        assertThat(m.series().name()).isEqualTo("Spaced Out");
        assertThat(m.number().raw()).isEqualTo("7");
        assertThat(m.coverDate()).contains(PartialDate.ofYear(2001));
        assertThat(m.credits()).extracting(Credit::name).containsExactly("A. Writer", "B. Writer");
    }

    @Test
    void htmlEntitiesBareAmpersandsAndControlCharactersAreRepaired() throws MetadataException {
        ReadResult entities = read("html-entities.xml");
        assertThat(entities.metadata().series().name()).isEqualTo("Tom & Jerry");
        assertThat(entities.metadata().summary()).isEqualTo("Café scene — fun © 2020 & more &unknownentity;");
        assertThat(entities.metadata().credits()).extracting(Credit::name).containsExactly("José Muñoz");
        ReadResult control = read("control-chars.xml");
        assertThat(control.metadata().series().name()).isEqualTo("ControlChars");
        assertThat(control.metadata().number().raw()).isEqualTo("1");
        assertThat(control.warnings()).singleElement().asString().contains("dropped 4 characters");
    }

    @Test
    void duplicatesKeepTheFirst() throws MetadataException {
        ReadResult result = read("duplicate-elements.xml");
        assertThat(result.metadata().series().name()).isEqualTo("First Series");
        assertThat(result.metadata().credits()).extracting(Credit::name).containsExactly("Writer One");
        assertThat(result.warnings()).hasSize(2);
    }

    @Test
    void emptyAndDefaultValuesMeanUnknown() throws MetadataException {
        ReadResult result = read("empty-elements.xml");
        ComicMetadata m = result.metadata();
        assertThat(result.warnings()).isEmpty();
        assertThat(m.number().isEmpty()).isTrue();
        assertThat(m.series().issueCount()).isEmpty();
        assertThat(m.series().volume()).isEmpty();
        assertThat(m.coverDate()).isEmpty();
        assertThat(m.storyTitles()).isEmpty();
        assertThat(m.pages()).isEmpty();
    }

    @Test
    void namesWithCommasAndDuplicates() throws MetadataException {
        ComicMetadata m = read("credits-commas.xml").metadata();
        assertThat(m.creditsWithRole("Writer")).extracting(Credit::name).containsExactly("Roy Thomas, Jr.", "Gil Kane");
        assertThat(m.creditsWithRole("Penciller")).extracting(Credit::name).containsExactly("Barry Windsor-Smith");
        assertThat(m.creditsWithRole("Inker")).extracting(Credit::name).containsExactly("Dan Adkins", "Sal Buscema");
        assertThat(m.creditsWithRole("Editor")).extracting(Credit::name).containsExactly("Stan Lee");
        // one credit per person, in order of first appearance: Gil Kane was first seen as a writer
        assertThat(m.creditsWithRole("Cover")).extracting(Credit::name).containsExactly("Gil Kane", "John Romita Sr.");
        assertThat(m.credits()).filteredOn(c -> c.name().equals("Gil Kane")).singleElement()
                .satisfies(c -> assertThat(c.roleNames()).containsExactly("Writer", "Cover"));
        assertThat(ComicInfoWriter.defaults().write(m).text()).contains("<Writer>Roy Thomas, Jr., Gil Kane</Writer>");
    }

    @Test
    void listsSeparatedBySemicolons() throws MetadataException {
        ComicMetadata m = read("semicolon-lists.xml").metadata();
        assertThat(m.characters()).extracting(Resource::name).containsExactly("Cyclops", "Jean Grey", "Wolverine", "Phoenix");
        assertThat(m.teams()).extracting(Resource::name).containsExactly("X-Men", "Hellfire Club");
        assertThat(m.genres()).extracting(Resource::name).containsExactly("Super-Hero", "Science Fiction");
    }

    @Test
    void storyArcsArePairedWithTheirNumbers() throws MetadataException {
        ComicMetadata m = read("multiple-arcs.xml").metadata();
        assertThat(m.storyArcs()).containsExactly(new StoryArc("Knightfall", "11", ""), new StoryArc("Batman: Broken Bat", "1", ""));
        assertThat(m.seriesGroup()).isEqualTo("Bat-Family");
    }

    @Test
    void pagesWithBookmarksTypesAndDuplicates() throws MetadataException {
        ReadResult result = read("pages-bookmarks.xml");
        assertThat(result.metadata().pages()).extracting(PageInfo::index).containsExactly(0, 1, 2);
        PageInfo cover = result.metadata().pages().get(0);
        assertThat(cover.types()).containsExactly(PageType.FRONT_COVER, PageType.STORY);
        assertThat(cover.bookmark()).isEqualTo("Cover love");
        assertThat(cover.key()).isEqualTo("abc");
        assertThat(result.metadata().pages().get(1).bookmark()).isEqualTo("Great splash");
        assertThat(result.metadata().pages().get(1).doublePage()).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("two <Page Image=\"1\">");
    }

    @Test
    void webLinksSplitOnSpacesAndCommas() throws MetadataException {
        ComicMetadata m = read("web-multiple.xml").metadata();
        assertThat(m.webLinks()).extracting(WebLink::url).containsExactly("https://metron.cloud/issue/links-1/",
                "https://comicvine.gamespot.com/links-1/4000-1/", "https://www.comics.org/issue/1/", "https://leagueofcomicgeeks.com/comic/1");
        assertThat(ComicInfoWriter.defaults().write(m).text()).contains("<Web>https://metron.cloud/issue/links-1/ https://comicvine.gamespot.com/links-1/4000-1/ "
                + "https://www.comics.org/issue/1/ https://leagueofcomicgeeks.com/comic/1</Web>");
    }

    @Test
    void mangaRightToLeft() throws MetadataException {
        ComicMetadata m = read("manga-rtl.xml").metadata();
        assertThat(m.manga()).isEqualTo(YesNo.YES);
        assertThat(m.readingDirection()).isEqualTo(ReadingDirection.RIGHT_TO_LEFT);
        assertThat(m.blackAndWhite()).isEqualTo(YesNo.YES);
        assertThat(m.ageRating()).isEqualTo(AgeRating.TEEN);
        assertThat(ComicInfoWriter.defaults().write(m).text()).contains("<Manga>YesAndRightToLeft</Manga>");
        assertThat(new ComicInfoWriter(ComicInfoVersion.V1_0, false).write(m).text()).contains("<Manga>Yes</Manga>");
    }

    @Test
    void gtinGoesToIsbnOrUpcAsText() throws MetadataException {
        assertThat(read("gtin-isbn.xml").metadata().gtin().isbn()).isEqualTo("978-1-68415-816-4");
        assertThat(read("gtin-upc-leading-zeros.xml").metadata().gtin().upc()).isEqualTo("0012345678905");
        assertThat(read("komga-export.xml").metadata().gtin().upc()).isEqualTo("75960609036504711");
    }

    @Test
    void v21FieldsFromKomga() throws MetadataException {
        ComicMetadata m = read("komga-export.xml").metadata();
        assertThat(m.tags()).extracting(Resource::name).containsExactly("favourite", "to-reread");
        assertThat(m.creditsWithRole("Translator")).extracting(Credit::name).containsExactly("Jean Dupont");
        assertThat(m.coverDate()).contains(new PartialDate(2022, OptionalInt.of(11), OptionalInt.of(1)));
        assertThat(m.alternateNumber().raw()).isEqualTo("692");
        assertThat(m.communityRating()).hasValueSatisfying(r -> assertThat(r.average()).isEqualByComparingTo(new BigDecimal("4.5")));
    }

    @Test
    void impossibleDateKeepsTheYear() throws MetadataException {
        ReadResult result = read("impossible-date.xml");
        assertThat(result.metadata().coverDate()).contains(PartialDate.ofYear(2021));
        assertThat(result.warnings()).singleElement().asString().contains("impossible date");
    }

    @Test
    void decimalsThatAreWholeNumbersAndCommaDecimals() throws MetadataException {
        ComicMetadata m = read("decimal-counts.xml").metadata();
        assertThat(m.series().issueCount()).hasValue(12);
        assertThat(m.pageCount()).hasValue(24);
        assertThat(m.communityRating()).hasValueSatisfying(r -> assertThat(r.average()).isEqualByComparingTo(new BigDecimal("3.75")));
    }

    @Test
    void commentsAndProcessingInstructionsAreIgnored() throws MetadataException {
        ReadResult result = read("comments-pi.xml");
        assertThat(result.metadata().number().raw()).isEqualTo("1");
        assertThat(result.metadata().unknownElements()).isEmpty();
    }

    @Test
    void crlfParagraphsBecomeUnixParagraphs() throws MetadataException {
        assertThat(read("crlf-line-endings.xml").metadata().summary()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    }
}
