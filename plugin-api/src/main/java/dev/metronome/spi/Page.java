package dev.metronome.spi;

import java.util.List;

/**
 * One page of results.
 *
 * @param content the items
 * @param number  the 0-based page number
 * @param last    whether this is the last page
 * @param <T>     the item type
 */
public record Page<T>(List<T> content, int number, boolean last) {

    /** Copies the content. */
    public Page {
        content = List.copyOf(content);
    }
}
