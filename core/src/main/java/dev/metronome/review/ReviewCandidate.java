package dev.metronome.review;

import java.time.LocalDate;

/**
 * One candidate issue as the review page shows it.
 *
 * @param issueId      the Metron issue id
 * @param seriesId     the Metron series id, or null when unknown
 * @param series       the series name
 * @param volume       the series volume, or null
 * @param years        the series' years as text ({@code 2018–}), may be empty
 * @param number       the issue number
 * @param coverDate    the cover date, or null
 * @param score        the engine's score (0 to 1), or null for a search result
 * @param hashDistance the Hamming distance between the archive's cover and this issue's cover hash, or null
 * @param image        the issue's cover URL at Metron (fetched by the server, never given to the browser), or null
 */
public record ReviewCandidate(long issueId, Integer seriesId, String series, Integer volume, String years,
                             String number, LocalDate coverDate, Double score, Integer hashDistance, String image) {
}
