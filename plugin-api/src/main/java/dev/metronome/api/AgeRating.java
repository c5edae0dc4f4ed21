package dev.metronome.api;

import java.util.Locale;
import java.util.Optional;

/**
 * An age rating: the union of ComicInfo's, MetronInfo's and Metron's values. The writers map each to the
 * nearest value their schema allows.
 */
public enum AgeRating {
    UNKNOWN("Unknown"),
    RATING_PENDING("Rating Pending"),
    EARLY_CHILDHOOD("Early Childhood"),
    EVERYONE("Everyone"),
    G("G"),
    KIDS_TO_ADULTS("Kids to Adults"),
    EVERYONE_10_PLUS("Everyone 10+"),
    PG("PG"),
    CCA("CCA"),
    TEEN("Teen"),
    TEEN_PLUS("Teen Plus"),
    M("M"),
    MA15_PLUS("MA15+"),
    MATURE("Mature"),
    MATURE_17_PLUS("Mature 17+"),
    R18_PLUS("R18+"),
    ADULTS_ONLY_18_PLUS("Adults Only 18+"),
    X18_PLUS("X18+"),
    EXPLICIT("Explicit"),
    ADULT("Adult");

    private final String label;

    AgeRating(String label) {
        this.label = label;
    }

    /** The rating as written by its source ({@code "Teen Plus"}, {@code "MA15+"}). */
    public String label() {
        return label;
    }

    /** Finds a rating by its label or constant name, ignoring case and spacing. */
    public static Optional<AgeRating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (AgeRating rating : values()) {
            if (rating.label.toLowerCase(Locale.ROOT).equals(key) || rating.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(rating);
            }
        }
        return Optional.empty();
    }
}
