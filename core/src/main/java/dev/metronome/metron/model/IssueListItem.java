package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The small issue record of {@code issue/} searches and {@code .../issue_list/}.
 *
 * @param id        the Metron issue id
 * @param series    the series (its id only in recent responses)
 * @param number    the issue number, as text
 * @param issue     the display text, e.g. {@code "Batman (2011) #1"}
 * @param coverDate the cover date, or null
 * @param storeDate the store date, or null
 * @param image     the primary cover URL, or null
 * @param coverHash the cover's perceptual hash, may be empty
 * @param modified  when Metron last changed the issue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueListItem(Integer id, SeriesRef series, String number, String issue, LocalDate coverDate,
                            LocalDate storeDate, String image, String coverHash, OffsetDateTime modified) {
}
