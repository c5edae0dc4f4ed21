package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The full series record of {@code series/{id}/}.
 *
 * @param id          the series id
 * @param name        the series name
 * @param sortName    the name used for ordering
 * @param altNames    alternative names (recent; null in older responses)
 * @param language    the language code (recent; null in older responses)
 * @param volume      the volume number
 * @param seriesType  the type
 * @param status      the status as display text ("Completed")
 * @param publisher   the publisher
 * @param imprint     the imprint, or null
 * @param yearBegan   the first year
 * @param yearEnd     the last year, or null
 * @param desc        the description
 * @param issueCount  the number of issues
 * @param genres      the genres
 * @param associated  associated series
 * @param cvId        the Comic Vine id, or null
 * @param gcdId       the Grand Comics Database id, or null
 * @param resourceUrl the web page
 * @param modified    when Metron last changed the series
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriesDetail(Integer id, String name, String sortName, List<String> altNames, String language,
                           Integer volume, NamedRef seriesType, String status, NamedRef publisher, NamedRef imprint,
                           Integer yearBegan, Integer yearEnd, String desc, Integer issueCount,
                           List<NamedRef> genres, List<AssociatedSeries> associated, Integer cvId, Integer gcdId,
                           String resourceUrl, OffsetDateTime modified) {
}
