package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The team record of {@code team/{id}/}.
 *
 * @param id          the team id
 * @param name        the name
 * @param desc        the description
 * @param image       an image URL, or null
 * @param creators    the team's creators
 * @param universes   universes the team appears in
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the team
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Team(Integer id, String name, String desc, String image, List<ModifiedRef> creators,
                   List<ModifiedRef> universes, Integer cvId, Integer gcdId, String resourceUrl,
                   OffsetDateTime modified) {
}
