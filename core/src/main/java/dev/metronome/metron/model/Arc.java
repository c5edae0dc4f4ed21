package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

/**
 * The story arc record of {@code arc/{id}/}.
 *
 * @param id          the arc id
 * @param name        the name
 * @param desc        the description
 * @param image       an image URL, or null
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the arc
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Arc(Integer id, String name, String desc, String image, Integer cvId, Integer gcdId,
                  String resourceUrl, OffsetDateTime modified) {
}
