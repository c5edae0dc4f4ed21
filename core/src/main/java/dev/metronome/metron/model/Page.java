package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One page of a Metron list response.
 *
 * @param count    the total number of results over every page
 * @param next     the absolute URL of the next page, or null on the last
 * @param previous the absolute URL of the previous page, or null on the first
 * @param results  this page's items (at most 100)
 * @param <T>      the item type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(Integer count, String next, String previous, List<T> results) {

    /** Whether a next page exists. */
    public boolean hasNext() {
        return next != null && !next.isBlank();
    }
}
