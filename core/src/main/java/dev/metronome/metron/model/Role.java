package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A credit role (Writer, Penciller, "Editor In Chief"...), as in {@code role/} and issue credits.
 *
 * @param id   the Metron role id
 * @param name the role name; map it by name, never by id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(Integer id, String name) {
}
