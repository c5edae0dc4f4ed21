package dev.metronome.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetadataMergerTest {

    private final ComicMetadata existing = ComicMetadata.builder()
            .series(SeriesInfo.builder().name("Spectacular Spider-Man").volume(1).language("en").build())
            .number(IssueNumber.of("47"))
            .summary("My own summary")
            .seriesGroup("Spidey")
            .scanInformation("Scanned by me")
            .review("Great issue")
            .notes("My notes")
            .addCredit(Credit.of("Someone Else", "Writer"))
            .addId(new ExternalId(IdSource.COMIC_VINE, ExternalId.Kind.ISSUE, "20745", true))
            .addId(ExternalId.issue(IdSource.METRON, "1"))
            .addWebLink(WebLink.of("https://comicvine.gamespot.com/x/4000-20745/"))
            .addUnknownElement(new UnknownElement(UnknownElement.COMIC_INFO, "Custom", "<Custom>x</Custom>"))
            .pages(List.of(PageInfo.of(0).withBookmark("cover!"), PageInfo.of(1).withTypes(List.of(PageType.ADVERTISEMENT))))
            .build();

    private final ComicMetadata incoming = ComicMetadata.builder()
            .series(SeriesInfo.builder().name("The Spectacular Spider-Man").yearBegan(1976).build())
            .number(IssueNumber.of("47"))
            .summary("Spider-Man goes on a wild goose chase.")
            .addCredit(Credit.of("Roger Stern", "Writer"))
            .addId(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "31047", true))
            .addWebLink(new WebLink("https://metron.cloud/issue/the-spectacular-spider-man-1976-47/", true))
            .pages(List.of(
                    new PageInfo(0, List.of(PageType.FRONT_COVER), false, OptionalLong.of(100), "", "", OptionalInt.of(800), OptionalInt.of(1200)),
                    new PageInfo(1, List.of(), false, OptionalLong.of(90), "", "", OptionalInt.of(800), OptionalInt.of(1200)),
                    new PageInfo(2, List.of(), true, OptionalLong.of(95), "", "", OptionalInt.of(1600), OptionalInt.of(1200))))
            .build();

    @Test
    void incomingWinsReplacesSourceFieldsAndKeepsTheUsers() {
        ComicMetadata merged = MetadataMerger.merge(existing, incoming, MergePolicy.INCOMING_WINS);
        assertThat(merged.series().name()).isEqualTo("The Spectacular Spider-Man");
        assertThat(merged.series().volume()).hasValue(1);
        assertThat(merged.series().yearBegan()).hasValue(1976);
        assertThat(merged.series().language()).isEqualTo("en");
        assertThat(merged.summary()).isEqualTo("Spider-Man goes on a wild goose chase.");
        assertThat(merged.credits()).extracting(Credit::name).containsExactly("Roger Stern");
        assertThat(merged.scanInformation()).isEqualTo("Scanned by me");
        assertThat(merged.review()).isEqualTo("Great issue");
        assertThat(merged.notes()).isEqualTo("My notes");
        assertThat(merged.seriesGroup()).isEqualTo("Spidey");
        assertThat(merged.unknownElements()).extracting(UnknownElement::name).containsExactly("Custom");
    }

    @Test
    void idsAreUnitedWithOnePrimary() {
        ComicMetadata merged = MetadataMerger.merge(existing, incoming, MergePolicy.INCOMING_WINS);
        assertThat(merged.ids()).containsExactly(
                new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "31047", true),
                new ExternalId(IdSource.COMIC_VINE, ExternalId.Kind.ISSUE, "20745", false));
    }

    @Test
    void webLinksAreUnitedIncomingFirst() {
        ComicMetadata merged = MetadataMerger.merge(existing, incoming, MergePolicy.INCOMING_WINS);
        assertThat(merged.webLinks()).extracting(WebLink::url).containsExactly(
                "https://metron.cloud/issue/the-spectacular-spider-man-1976-47/",
                "https://comicvine.gamespot.com/x/4000-20745/");
        assertThat(merged.webLinks()).filteredOn(WebLink::primary).hasSize(1);
    }

    @Test
    void rebuiltPagesKeepTheUsersFlags() {
        List<PageInfo> pages = MetadataMerger.merge(existing, incoming, MergePolicy.INCOMING_WINS).pages();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).bookmark()).isEqualTo("cover!");
        assertThat(pages.get(0).types()).containsExactly(PageType.FRONT_COVER);
        assertThat(pages.get(0).width()).hasValue(800);
        assertThat(pages.get(1).types()).containsExactly(PageType.ADVERTISEMENT);
        assertThat(pages.get(1).size()).hasValue(90);
        assertThat(pages.get(2).doublePage()).isTrue();
    }

    @Test
    void existingWinsOnlyFillsGaps() {
        ComicMetadata merged = MetadataMerger.merge(existing, incoming, MergePolicy.EXISTING_WINS);
        assertThat(merged.series().name()).isEqualTo("Spectacular Spider-Man");
        assertThat(merged.series().yearBegan()).hasValue(1976);
        assertThat(merged.summary()).isEqualTo("My own summary");
        assertThat(merged.credits()).extracting(Credit::name).containsExactly("Someone Else");
        assertThat(merged.id(IdSource.METRON, ExternalId.Kind.ISSUE)).map(ExternalId::value).contains("1");
        assertThat(merged.ids()).filteredOn(ExternalId::primary).extracting(ExternalId::source).containsExactly(IdSource.COMIC_VINE);
    }

    @Test
    void replaceClearsSourceFieldsButNotTheUsers() {
        ComicMetadata merged = MetadataMerger.merge(existing, incoming, MergePolicy.REPLACE);
        assertThat(merged.series().volume()).isEmpty();
        assertThat(merged.series().language()).isEmpty();
        assertThat(merged.scanInformation()).isEqualTo("Scanned by me");
        assertThat(merged.ids()).hasSize(2);
    }

    @Test
    void emptyNotesTakeTheIncomingNotes() {
        ComicMetadata merged = MetadataMerger.merge(ComicMetadata.EMPTY, ComicMetadata.builder().notes("n").build(), MergePolicy.INCOMING_WINS);
        assertThat(merged.notes()).isEqualTo("n");
    }
}
