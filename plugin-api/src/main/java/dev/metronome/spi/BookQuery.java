package dev.metronome.spi;

import java.util.List;

/**
 * Which books to list, and which page.
 *
 * @param libraryIds           restrict to these libraries (empty: all)
 * @param withoutMetronIdOnly  only books that carry no Metron id yet (filtered on our side if the server cannot)
 * @param page                 the 0-based page
 * @param size                 the page size, 1 to 1000
 */
public record BookQuery(List<String> libraryIds, boolean withoutMetronIdOnly, int page, int size) {

    /** Validates the paging. */
    public BookQuery {
        libraryIds = List.copyOf(libraryIds);
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be >= 0 and size 1..1000, got " + page + "/" + size);
        }
    }

    /**
     * The first page of books that lack a Metron id.
     *
     * @param libraryIds the libraries (empty: all)
     * @return the query
     */
    public static BookQuery untagged(List<String> libraryIds) {
        return new BookQuery(libraryIds, true, 0, 100);
    }

    /**
     * The same query for the next page.
     *
     * @return the query
     */
    public BookQuery next() {
        return new BookQuery(libraryIds, withoutMetronIdOnly, page + 1, size);
    }
}
