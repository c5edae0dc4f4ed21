package dev.metronome.identify;

import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.Page;
import dev.metronome.metron.model.SeriesRef;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The start-year listing: what it makes of Metron's answer, and when it gives up for a plain search. */
class MetronLookupsListingTest {

    private final MetronClient client = mock(MetronClient.class);
    private final MetronLookups lookups = new MetronLookups(() -> client, null, URI.create("http://127.0.0.1/api/"));

    private static IssueListItem item(int id, Integer seriesId, String name, String number, String display) {
        return new IssueListItem(id, new SeriesRef(seriesId, name, 1, 2014), number, display,
                LocalDate.of(2015, 1, 1), null, null, "", null);
    }

    private static Page<IssueListItem> page(IssueListItem... items) {
        return new Page<>(items.length, null, null, List.of(items));
    }

    @Test
    void eachSeriesOfTheListingIsListedWithItsIssues() {
        when(client.issuePage(any())).thenReturn(page(
                item(1, 10, "Batman '66 Meets the Green Hornet", "1", "Batman '66 Meets the Green Hornet (2014) #1"),
                item(2, 11, "Batman '66 Meets the Green Hornet", "1",
                        "Batman '66 Meets the Green Hornet (2014) Digital Chapter #1"),
                item(3, 10, "Batman '66 Meets the Green Hornet", "2", "Batman '66 Meets the Green Hornet (2014) #2")));
        var series = lookups.seriesBeganIn(List.of("batman", "66", "meets", "green", "hornet"), 2014).orElseThrow();

        assertThat(series).extracting(s -> s.id() + " " + s.series() + " " + s.issueCount() + " " + s.yearEnd())
                .containsExactly("10 Batman '66 Meets the Green Hornet (2014) 2 2015",
                        "11 Batman '66 Meets the Green Hornet (2014) Digital 1 2015");
        // the issues are known without another request
        assertThat(lookups.listed(10)).isTrue();
        assertThat(lookups.issueInSeries(10, "2", 0)).map(IssueListItem::id).contains(3);
        ArgumentCaptor<IssueFilter> asked = ArgumentCaptor.forClass(IssueFilter.class);
        verify(client, times(1)).issuePage(asked.capture());
        assertThat(asked.getValue().query()).contains("series_name=batman+66+meets+green+hornet")
                .contains("series_year_began=2014");
        // asked once per run
        lookups.seriesBeganIn(List.of("batman", "66", "meets", "green", "hornet"), 2014);
        verify(client, times(1)).issuePage(any());
    }

    @Test
    void itemsWithoutTheirSeriesIdAsInOlderResponsesGiveUpForASearch() {
        when(client.issuePage(any())).thenReturn(page(item(1, null, "Saga", "1", "Saga (2012) #1")));
        assertThat(lookups.seriesBeganIn(List.of("saga"), 2012)).isEmpty();
        assertThat(lookups.listed(1)).isFalse();
    }

    @Test
    void aListingLongerThanThreePagesGivesUpForASearch() {
        when(client.issuePage(any())).thenReturn(new Page<>(301, "http://127.0.0.1/api/issue/?page=2", null,
                List.of(item(1, 10, "Batman", "1", "Batman (2016) #1"))));
        assertThat(lookups.seriesBeganIn(List.of("batman"), 2016)).isEmpty();
        verify(client, times(1)).issuePage(any());
        verify(client, times(0)).issues(any(Page.class), org.mockito.ArgumentMatchers.anyInt());
    }
}
