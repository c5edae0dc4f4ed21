package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/**
 * A variant cover of an issue. Variants have no id of their own.
 *
 * @param name  the variant's name
 * @param price its cover price, or null
 * @param sku   distributor code, may be empty
 * @param upc   its own barcode, kept as a string (leading zeros matter), may be empty
 * @param image its cover image URL, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Variant(String name, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, String sku,
                      String upc, String image) {
}
