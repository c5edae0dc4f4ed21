package dev.metronome.api;

import java.util.Optional;

/**
 * A variant cover of the issue, as Metron lists it (not written to ComicInfo.xml or MetronInfo.xml).
 *
 * @param name     the variant's name ({@code "Cover B Frison"})
 * @param price    its price, if different and known
 * @param sku      the distributor's order code, or {@code ""}
 * @param upc      its UPC, or {@code ""}
 * @param imageUrl its cover image, or {@code ""}
 */
public record Variant(String name, Optional<Price> price, String sku, String upc, String imageUrl) {

    /** Normalises {@code null}s. */
    public Variant {
        name = Values.text(name);
        price = Values.optional(price);
        sku = Values.text(sku);
        upc = Values.text(upc);
        imageUrl = Values.text(imageUrl);
    }
}
