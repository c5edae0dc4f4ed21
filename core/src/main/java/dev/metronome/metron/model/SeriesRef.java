package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The series as an issue list item carries it.
 *
 * @param id        the series id (only in responses since 2026-07-02; null in older ones)
 * @param name      the series name
 * @param volume    the volume number
 * @param yearBegan the first year
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesRef(Integer id, String name, Integer volume, Integer yearBegan) {
}
