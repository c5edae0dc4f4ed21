package dev.metronome.barcode;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of scanning one cover for a barcode.
 *
 * @param upc      the UPC-A (with add-on when read), if one was found
 * @param ean13    an EAN-13 that is not a UPC-A (e.g. an ISBN-13 on a collected edition), if that is what was found
 * @param warnings problems with the image itself (unreadable, oversized); "no barcode" is not a warning
 */
public record BarcodeScan(Optional<ScannedUpc> upc, Optional<String> ean13, List<String> warnings) {

    /** Defensive copy of the warnings. */
    public BarcodeScan {
        warnings = List.copyOf(warnings);
    }

    static BarcodeScan nothing(List<String> warnings) {
        return new BarcodeScan(Optional.empty(), Optional.empty(), warnings);
    }

    /** @return true when a UPC-A or an EAN-13 was read */
    public boolean found() {
        return upc.isPresent() || ean13.isPresent();
    }

    /** @return the Metron query plan for what was read, if anything */
    public Optional<UpcQueryPlan> queryPlan() {
        return upc.map(UpcQueryPlan::forUpc).or(() -> ean13.map(UpcQueryPlan::forEan13));
    }
}
