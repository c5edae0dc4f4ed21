package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The imprint record of {@code imprint/{id}/}.
 *
 * @param id          the imprint id
 * @param name        the name
 * @param founded     the founding year, or null
 * @param desc        the description
 * @param image       the logo URL, or null
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param publisher   the owning publisher
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the imprint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Imprint(Integer id, String name, Integer founded, String desc, String image, Integer cvId,
                      Integer gcdId, NamedRef publisher, String resourceUrl, OffsetDateTime modified) {
}
