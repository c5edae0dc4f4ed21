package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The universe record of {@code universe/{id}/}.
 *
 * @param id          the universe id
 * @param publisher   the owning publisher
 * @param name        the name
 * @param designation the designation, e.g. "Earth 55"
 * @param desc        the description
 * @param gcdId       the Grand Comics Database id, or null
 * @param image       an image URL, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the universe
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Universe(Integer id, NamedRef publisher, String name, String designation, String desc, Integer gcdId,
                       String image, String resourceUrl, OffsetDateTime modified) {
}
