package dev.metronome.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScannedUpcTest {

    @Test
    void splitsSeventeenDigitsLikeMetronStoresThem() {
        // Black Cat #3 (Metron issue 156270): 759606212521 + 003 1 1
        ScannedUpc blackCat = ScannedUpc.of("759606212521", "00311");

        assertThat(blackCat.full()).isEqualTo("75960621252100311");
        assertThat(blackCat.issuePrefix15()).contains("759606212521003");
        assertThat(blackCat.addOnIssueNumber()).contains("3");
        assertThat(blackCat.addOnCoverDigit()).contains(1);
        assertThat(blackCat.addOnPrintingDigit()).contains(1);
    }

    @Test
    void variantsShareTheFifteenDigitPrefix() {
        ScannedUpc main = ScannedUpc.of("759606212521", "00311");
        ScannedUpc werneck = ScannedUpc.of("759606212521", "00331");
        ScannedUpc ratio = ScannedUpc.of("759606212521", "00316");

        assertThat(werneck.issuePrefix15()).isEqualTo(main.issuePrefix15());
        assertThat(ratio.issuePrefix15()).isEqualTo(main.issuePrefix15());
        assertThat(werneck.addOnCoverDigit()).contains(3);
    }

    @Test
    void withoutAddOnOnlyTheUpcIsKnown() {
        ScannedUpc scan = ScannedUpc.withoutAddOn("761941341828");

        assertThat(scan.full()).isEqualTo("761941341828");
        assertThat(scan.hasAddOn()).isFalse();
        assertThat(scan.issuePrefix15()).isEmpty();
        assertThat(scan.addOnIssueNumber()).isEmpty();
    }

    @Test
    void rejectsBadCheckDigitsAndMalformedAddOns() {
        assertThatThrownBy(() -> ScannedUpc.withoutAddOn("761941341829"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("761941341829");
        assertThatThrownBy(() -> ScannedUpc.withoutAddOn("76194134182")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScannedUpc.of("761941341828", "0011")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScannedUpc.of("761941341828", "0011x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScannedUpc("761941341828", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void checkDigitMatchesTheRecordedMetronUpcsAndIsbns() {
        assertThat(GtinCheckDigit.isValid("761941341828", 12)).isTrue();
        assertThat(GtinCheckDigit.isValid("759606212521", 12)).isTrue();  // Black Cat
        assertThat(GtinCheckDigit.isValid("759606090365", 12)).isTrue();  // Fantastic Four
        assertThat(GtinCheckDigit.isValid("709853027393", 12)).isTrue();  // Die (Image)
        assertThat(GtinCheckDigit.isValid("9781684158164", 13)).isTrue(); // House of Slaughter ISBN-13
        assertThat(GtinCheckDigit.compute("76194134182")).isEqualTo(8);
        assertThat(GtinCheckDigit.isValid("9781684158165", 13)).isFalse();
        assertThat(GtinCheckDigit.isValid("761941341828", 13)).isFalse();
        assertThat(GtinCheckDigit.isValid(null, 12)).isFalse();
        assertThatThrownBy(() -> GtinCheckDigit.compute("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyWrongCheckDigitIsRejected() {
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(GtinCheckDigit.isValid("76194134182" + digit, 12)).as("digit %d", digit)
                    .isEqualTo(digit == 8);
        }
    }

    @Test
    void queryPlanShortcut() {
        assertThat(ScannedUpc.of("761941341828", "00111").queryPlan().steps()).hasSize(3);
        assertThat(ScannedUpc.withoutAddOn("761941341828").queryPlan().queries(Optional.empty())).isEmpty();
    }
}
