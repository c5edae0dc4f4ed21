package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The creator record of {@code creator/{id}/}.
 *
 * @param id          the creator id
 * @param name        the name
 * @param birth       the birth date, or null
 * @param death       the death date, or null
 * @param desc        the biography
 * @param image       a portrait URL, or null
 * @param alias       other names
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the creator
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Creator(Integer id, String name, LocalDate birth, LocalDate death, String desc, String image,
                      List<String> alias, Integer cvId, Integer gcdId, String resourceUrl,
                      OffsetDateTime modified) {
}
