package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A series associated with another (an annual's main series, say).
 *
 * @param id     the associated series id
 * @param series its display text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssociatedSeries(Integer id, String series) {
}
