package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * A reference with its modification time: the arcs, characters, teams and universes of an issue, and every
 * {@code publisher/}, {@code imprint/}, {@code arc/}, {@code character/}, {@code creator/} list item.
 *
 * @param id       the Metron id
 * @param name     the display name
 * @param modified when Metron last changed the record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModifiedRef(Integer id, String name, OffsetDateTime modified) {
}
