package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An issue reprinted in another.
 *
 * @param id    the reprinted issue's id
 * @param issue its display text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reprint(Integer id, String issue) {
}
