package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The collection item {@code POST collection/scrobble/} answers with (the server's {@code api/views.py}):
 * {@code id, issue, is_read, date_read, rating, created, modified}.
 *
 * @param id       the collection item id
 * @param issue    the issue, in the collection shape {@code id, series, number, cover_date, store_date, modified}
 *                 (no display text, image or cover hash)
 * @param isRead   whether the issue is now marked read
 * @param dateRead the read date that was recorded, as Metron wrote it (a date or a date-time)
 * @param rating   the user's rating 1-5, or null
 * @param created  whether this scrobble created the collection item (201); false when it added a read date to an
 *                 existing one (200). A boolean on the real server, not a time.
 * @param modified when the item was last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScrobbleResult(Integer id, IssueListItem issue, Boolean isRead, String dateRead,
                             Integer rating, Boolean created, OffsetDateTime modified) {
}
