package dev.metronome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ComicMetadataTest {

    @Test
    void emptyMetadataIsNullFree() {
        ComicMetadata empty = ComicMetadata.builder().summary(null).credits(null).coverDate((PartialDate) null).build();
        assertThat(empty.summary()).isEmpty();
        assertThat(empty.credits()).isEmpty();
        assertThat(empty.coverDate()).isEmpty();
        assertThat(empty.series().name()).isEmpty();
        assertThat(empty.publisher().isEmpty()).isTrue();
        assertThat(empty.gtin().isEmpty()).isTrue();
        assertThat(empty).isEqualTo(ComicMetadata.EMPTY);
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<String> titles = new ArrayList<>(List.of("A"));
        ComicMetadata metadata = ComicMetadata.builder().storyTitles(titles).build();
        titles.add("B");
        assertThat(metadata.storyTitles()).containsExactly("A");
        assertThatThrownBy(() -> metadata.storyTitles().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        ComicMetadata metadata = ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Die").volume(1).yearBegan(2018).language("en").build())
                .number(IssueNumber.of("19"))
                .addCredit(Credit.of("Kieron Gillen", "Writer"))
                .addId(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "36860", true))
                .gtin(new Gtin("", "70985302739301911"))
                .coverDate(PartialDate.of(LocalDate.of(2021, 8, 1)))
                .addPrice(new Price(new BigDecimal("3.99"), "usd", "us"))
                .build();
        assertThat(metadata.toBuilder().build()).isEqualTo(metadata);
        assertThat(metadata.prices().get(0).currency()).isEqualTo("USD");
        assertThat(metadata.gtin().upc()).startsWith("0".repeat(0) + "7098");
        assertThat(metadata.id(IdSource.METRON, ExternalId.Kind.ISSUE)).map(ExternalId::value).contains("36860");
        assertThat(metadata.creditsWithRole("writer")).hasSize(1);
    }

    @Test
    void upcKeepsLeadingZeros() {
        assertThat(new Gtin(" 0123 ", "00012345678905").upc()).isEqualTo("00012345678905");
    }

    @Test
    void partialDateChecksItsParts() {
        assertThat(PartialDate.ofYear(1980).toLocalDate()).isEmpty();
        assertThat(PartialDate.ofMonth(1980, 10).firstDay()).isEqualTo(LocalDate.of(1980, 10, 1));
        assertThatThrownBy(() -> new PartialDate(2020, OptionalInt.of(13), OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartialDate(2021, OptionalInt.of(2), OptionalInt.of(30)))
                .isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void sourcesAndRatingsParseLeniently() {
        assertThat(IdSource.parse("comicvine")).contains(IdSource.COMIC_VINE);
        assertThat(IdSource.parse("Grand Comics Database")).contains(IdSource.GCD);
        assertThat(IdSource.parse("gcd")).contains(IdSource.GCD);
        assertThat(IdSource.parse("nope")).isEmpty();
        assertThat(AgeRating.parse("teen  plus")).contains(AgeRating.TEEN_PLUS);
        assertThat(AgeRating.parse("MA15+")).contains(AgeRating.MA15_PLUS);
        assertThat(PageType.parse("frontcover")).contains(PageType.FRONT_COVER);
    }

    @Test
    void pageTypesAreDistinctAndOrdered() {
        PageInfo page = PageInfo.of(0).withTypes(List.of(PageType.STORY, PageType.FRONT_COVER, PageType.STORY));
        assertThat(page.types()).containsExactly(PageType.FRONT_COVER, PageType.STORY);
        assertThat(PageInfo.of(3).is(PageType.STORY)).isTrue();
        assertThatThrownBy(() -> PageInfo.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
