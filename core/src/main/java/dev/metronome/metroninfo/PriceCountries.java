package dev.metronome.metroninfo;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MetronInfo prices carry a country, Metron's a currency: this maps between the two. A currency maps to its
 * main country ({@code USD → US}); the euro and other shared currencies have none.
 */
final class PriceCountries {

    private static final Map<String, String> MAIN_COUNTRY = Map.ofEntries(
            Map.entry("USD", "US"), Map.entry("CAD", "CA"), Map.entry("GBP", "GB"), Map.entry("AUD", "AU"),
            Map.entry("NZD", "NZ"), Map.entry("JPY", "JP"), Map.entry("CHF", "CH"), Map.entry("MXN", "MX"),
            Map.entry("BRL", "BR"), Map.entry("INR", "IN"), Map.entry("KRW", "KR"), Map.entry("CNY", "CN"),
            Map.entry("SEK", "SE"), Map.entry("NOK", "NO"), Map.entry("DKK", "DK"), Map.entry("PLN", "PL"),
            Map.entry("ZAR", "ZA"), Map.entry("SGD", "SG"), Map.entry("HKD", "HK"));

    private PriceCountries() {
    }

    /** The main country of a currency, if it has one. */
    static Optional<String> countryOf(String currency) {
        return Optional.ofNullable(MAIN_COUNTRY.get(currency.toUpperCase(Locale.ROOT)));
    }

    /** The currency of a country ({@code GB → GBP}), if the JDK knows it. */
    static String currencyOf(String country) {
        try {
            Currency currency = Currency.getInstance(new Locale.Builder().setRegion(country.toUpperCase(Locale.ROOT)).build());
            return currency == null ? "" : currency.getCurrencyCode();
        } catch (IllegalArgumentException | java.util.IllformedLocaleException unknown) {
            return "";
        }
    }
}
