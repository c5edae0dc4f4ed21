package dev.metronome.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A short view of the server's current metadata for a book.
 *
 * @param title       the title, or null
 * @param number      the issue number as text, or null
 * @param releaseDate the release date, or null
 * @param links       the web links (URLs)
 * @param metronId    the Metron issue reference already on the book (a numeric id or a Metron URL), or null
 * @param lockedFields the names of fields the server keeps from being overwritten (e.g. {@code title})
 */
public record BookSummary(String title, String number, LocalDate releaseDate, List<String> links, String metronId,
                          Set<String> lockedFields) {

    /** Copies the collections. */
    public BookSummary {
        links = List.copyOf(links);
        lockedFields = Set.copyOf(lockedFields);
    }

    /** An empty summary. */
    public static final BookSummary EMPTY = new BookSummary(null, null, null, List.of(), null, Set.of());

    /**
     * The Metron reference.
     *
     * @return the existing Metron id or URL, if any
     */
    public Optional<String> metronIdIfAny() {
        return Optional.ofNullable(metronId);
    }
}
