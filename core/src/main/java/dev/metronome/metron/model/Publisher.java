package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The publisher record of {@code publisher/{id}/}.
 *
 * @param id          the publisher id
 * @param name        the name
 * @param founded     the founding year, or null
 * @param country     ISO-3166 alpha-2 country code
 * @param altNames    alternative names (recent; null in older responses)
 * @param desc        the description
 * @param image       the logo URL, or null
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the publisher
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Publisher(Integer id, String name, Integer founded, String country, List<String> altNames, String desc,
                        String image, Integer cvId, Integer gcdId, String resourceUrl, OffsetDateTime modified) {
}
