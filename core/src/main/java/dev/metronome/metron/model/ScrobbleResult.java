package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The collection item {@code POST collection/scrobble/} answers with.
 *
 * @param id       the collection item id
 * @param issue    the issue (list-item shape)
 * @param isRead   whether the issue is now marked read
 * @param dateRead the read date that was recorded
 * @param rating   the user's rating 1-5, or null
 * @param created  when the collection item was created
 * @param modified when it was last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScrobbleResult(Integer id, IssueListItem issue, Boolean isRead, OffsetDateTime dateRead,
                             Integer rating, OffsetDateTime created, OffsetDateTime modified) {
}
