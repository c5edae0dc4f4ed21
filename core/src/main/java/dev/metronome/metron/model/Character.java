package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The character record of {@code character/{id}/}.
 *
 * @param id          the character id
 * @param name        the name
 * @param alias       other names
 * @param desc        the description
 * @param image       an image URL, or null
 * @param creators    the character's creators
 * @param teams       teams the character belongs to
 * @param universes   universes the character appears in
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the character
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Character(Integer id, String name, List<String> alias, String desc, String image,
                        List<ModifiedRef> creators, List<ModifiedRef> teams, List<ModifiedRef> universes,
                        Integer cvId, Integer gcdId, String resourceUrl, OffsetDateTime modified) {
}
