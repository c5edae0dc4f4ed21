package dev.metronome.metron;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FiltersTest {

    @Test
    void issueFiltersEncodeAsMetronExpects() {
        IssueFilter filter = IssueFilter.create().seriesName("action comics").seriesYearBegan(1938).number("1")
                .upcStartsWith("759606212521003").storeDateRangeAfter(LocalDate.of(2025, 1, 1))
                .modifiedGt(OffsetDateTime.parse("2025-10-26T10:48:00.747644-04:00")).roleIds(1, 8)
                .missingCvId(true);
        assertThat(filter.query()).isEqualTo("missing_cv_id=true&modified_gt=2025-10-26T10%3A48%3A00.747644-04%3A00"
                + "&number=1&role_id=1%2C8&series_name=action+comics&series_year_began=1938"
                + "&store_date_range_after=2025-01-01&upc_starts_with=759606212521003");
        assertThat(IssueFilter.create().query()).isEmpty();
    }

    @Test
    void everyDocumentedIssueFilterHasATypedMethod() {
        IssueFilter f = IssueFilter.create().seriesName("a").seriesAltNames("a").seriesQ("a").seriesId(1)
                .seriesVolume(1).seriesYearBegan(1).number("1").altNumber("1").coverYear(1).coverMonth(1)
                .storeDate(LocalDate.EPOCH).focDate(LocalDate.EPOCH).storeDateRangeAfter(LocalDate.EPOCH)
                .storeDateRangeBefore(LocalDate.EPOCH).focDateRangeAfter(LocalDate.EPOCH)
                .focDateRangeBefore(LocalDate.EPOCH).modifiedGt(OffsetDateTime.parse("2025-01-01T00:00:00Z"))
                .publisherName("a").imprintName("a").publisherId(1).imprintId(1).upc("1").upcStartsWith("1").sku("a")
                .cvId(1).gcdId(1).missingCvId(true).missingGcdId(true).coverHash("a").rating("Teen").creatorId(1)
                .characterId(1).teamId(1).universeId(1).roleIds(1);
        assertThat(f.params()).hasSize(35);
        SeriesFilter s = SeriesFilter.create().name("a").altNames("a").q("a").volume(1).yearBegan(1).yearEnd(1)
                .publisherId(1).imprintId(1).seriesTypeId(1).publisherName("a").imprintName("a").seriesType("a")
                .status(SeriesFilter.Status.ONGOING).language("en").cvId(1).gcdId(1).missingCvId(true)
                .missingGcdId(false).creatorId(1).characterId(1).teamId(1).universeId(1).roleIds(1, 2)
                .modifiedGt(OffsetDateTime.parse("2025-01-01T00:00:00Z"));
        assertThat(s.params()).hasSize(24).containsEntry("status", "4").containsEntry("role_id", "1,2");
    }
}
