package dev.metronome.api;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Readers' average rating.
 *
 * @param average the average, 0 to 5
 * @param count   how many ratings, if known
 */
public record CommunityRating(BigDecimal average, OptionalInt count) {

    /** Requires an average between 0 and 5. */
    public CommunityRating {
        if (average == null || average.signum() < 0 || average.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new IllegalArgumentException("a community rating is between 0 and 5, not " + average);
        }
        count = Values.optional(count);
    }
}
