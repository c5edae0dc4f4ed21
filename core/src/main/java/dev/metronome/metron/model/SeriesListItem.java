package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The small series record of {@code series/} searches and {@code publisher/{id}/series_list/}.
 *
 * @param id         the series id
 * @param series     display text such as {@code "Death of the Inhumans (2018)"}; there is no plain name
 * @param volume     the volume number
 * @param yearBegan  the first year
 * @param yearEnd    the last year, or null (absent from older responses)
 * @param issueCount the number of issues
 * @param modified   when Metron last changed the series
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesListItem(Integer id, String series, Integer volume, Integer yearBegan, Integer yearEnd,
                             Integer issueCount, OffsetDateTime modified) {
}
