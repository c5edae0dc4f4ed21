package dev.metronome.api;

import java.math.BigDecimal;

/**
 * A cover price.
 *
 * @param amount   the amount, exact ({@code 3.99})
 * @param currency the ISO 4217 currency ({@code "USD"}), or {@code ""} if unknown
 * @param country  the ISO 3166-1 alpha-2 country it applies to ({@code "US"}), or {@code ""} if unknown
 */
public record Price(BigDecimal amount, String currency, String country) {

    /** Requires an amount; normalises the codes to upper case. */
    public Price {
        if (amount == null) {
            throw new IllegalArgumentException("a price needs an amount");
        }
        currency = Values.text(currency).toUpperCase(java.util.Locale.ROOT);
        country = Values.text(country).toUpperCase(java.util.Locale.ROOT);
    }
}
