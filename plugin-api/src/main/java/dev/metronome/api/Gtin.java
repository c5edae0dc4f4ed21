package dev.metronome.api;

/**
 * An issue's trade identifiers, kept as text so that leading zeros and supplement digits stay.
 *
 * @param isbn the ISBN-10 or ISBN-13 (digits, maybe with hyphens or a final X), or {@code ""}
 * @param upc  the UPC/EAN, with its 5-digit supplement if any ({@code "75960608996300111"}), or {@code ""}
 */
public record Gtin(String isbn, String upc) {

    /** No identifiers. */
    public static final Gtin NONE = new Gtin("", "");

    /** Normalises {@code null} to {@code ""}. */
    public Gtin {
        isbn = Values.text(isbn);
        upc = Values.text(upc);
    }

    /** Whether neither identifier is known. */
    public boolean isEmpty() {
        return isbn.isEmpty() && upc.isEmpty();
    }
}
