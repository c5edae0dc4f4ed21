package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A reference by id and name, as Metron nests publishers, imprints, ratings, series types and genres.
 *
 * @param id   the Metron id
 * @param name the display name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamedRef(Integer id, String name) {
}
