package dev.metronome.barcode;

import java.util.Objects;
import java.util.Optional;

/**
 * A barcode read from a US comic cover: the 12-digit UPC-A (which identifies the series) and, when the scan
 * caught it, the 5-digit EAN-5 add-on (by convention issue number (3) + cover (1) + printing (1)).
 *
 * @param upc12   the UPC-A, 12 digits with a valid check digit
 * @param addOn5  the add-on, exactly 5 digits, when present
 */
public record ScannedUpc(String upc12, Optional<String> addOn5) {

    /**
     * Validates both parts.
     *
     * @throws IllegalArgumentException when the UPC is not 12 digits with a correct check digit, or the add-on is
     *                                  not 5 digits
     */
    public ScannedUpc {
        Objects.requireNonNull(addOn5, "addOn5");
        if (!GtinCheckDigit.isValid(upc12, 12)) {
            throw new IllegalArgumentException("not a valid UPC-A (12 digits, correct check digit): " + upc12);
        }
        if (addOn5.isPresent() && !addOn5.get().matches("[0-9]{5}")) {
            throw new IllegalArgumentException("an EAN-5 add-on has 5 digits: " + addOn5.get());
        }
    }

    /**
     * A UPC with its add-on.
     *
     * @param upc12  the 12-digit UPC-A
     * @param addOn5 the 5-digit add-on
     * @return the scan
     */
    public static ScannedUpc of(String upc12, String addOn5) {
        return new ScannedUpc(upc12, Optional.of(addOn5));
    }

    /**
     * A UPC read without its add-on.
     *
     * @param upc12 the 12-digit UPC-A
     * @return the scan
     */
    public static ScannedUpc withoutAddOn(String upc12) {
        return new ScannedUpc(upc12, Optional.empty());
    }

    /**
     * Returns the code as Metron stores it in {@code Issue.upc}: 17 digits when the add-on is present, else the
     * 12-digit UPC-A.
     *
     * @return 17 or 12 digits
     */
    public String full() {
        return upc12 + addOn5.orElse("");
    }

    /** @return true when the 5-digit add-on was read */
    public boolean hasAddOn() {
        return addOn5.isPresent();
    }

    /**
     * The first 15 digits (UPC-A + the add-on's issue digits): variants of one issue normally share them.
     *
     * @return the 15-digit issue prefix, when the add-on is present
     */
    public Optional<String> issuePrefix15() {
        return addOn5.map(addOn -> upc12 + addOn.substring(0, 3));
    }

    /**
     * The add-on's issue digits as a plain number ({@code "003"} gives {@code "3"}). Industry convention, not an
     * API guarantee: a hint to check against the file's issue number, never proof.
     *
     * @return the issue number suggested by the add-on
     */
    public Optional<String> addOnIssueNumber() {
        return addOn5.map(addOn -> String.valueOf(Integer.parseInt(addOn.substring(0, 3))));
    }

    /** @return the add-on's cover digit (1 = main cover by convention), when present */
    public Optional<Integer> addOnCoverDigit() {
        return addOn5.map(addOn -> addOn.charAt(3) - '0');
    }

    /** @return the add-on's printing digit (1 = first printing by convention), when present */
    public Optional<Integer> addOnPrintingDigit() {
        return addOn5.map(addOn -> addOn.charAt(4) - '0');
    }

    /** @return the plan for finding this barcode's issue in Metron */
    public UpcQueryPlan queryPlan() {
        return UpcQueryPlan.forUpc(this);
    }
}
