package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The series as an issue detail carries it.
 *
 * @param id         the series id
 * @param name       the series name
 * @param sortName   the name used for ordering
 * @param volume     the volume number
 * @param yearBegan  the first year
 * @param seriesType the type (Limited Series, Trade Paperback...)
 * @param genres     the genres
 * @param altNames   alternative names (recent; null in older responses)
 * @param language   the language code (recent; null in older responses)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueSeries(Integer id, String name, String sortName, Integer volume, Integer yearBegan,
                          NamedRef seriesType, List<NamedRef> genres, List<String> altNames, String language) {
}
