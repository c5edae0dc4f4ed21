package dev.metronome.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.barcode.UpcQueryPlan.IssueNumberUse;
import dev.metronome.barcode.UpcQueryPlan.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpcQueryPlanTest {

    @Test
    void seventeenDigitsTryExactThenIssuePrefixThenSeriesWithNumber() {
        UpcQueryPlan plan = UpcQueryPlan.forUpc(ScannedUpc.of("759606212521", "00331")); // a variant cover

        assertThat(plan.steps()).containsExactly(
                new Step("upc", "75960621252100331", IssueNumberUse.NONE),
                new Step("upc_starts_with", "759606212521003", IssueNumberUse.IF_KNOWN),
                new Step("upc_starts_with", "759606212521", IssueNumberUse.REQUIRED));
        assertThat(plan.queries(Optional.of("3"))).containsExactly(
                Map.of("upc", "75960621252100331"),
                Map.of("upc_starts_with", "759606212521003", "number", "3"),
                Map.of("upc_starts_with", "759606212521", "number", "3"));
        assertThat(plan.queries(Optional.empty())).containsExactly(
                Map.of("upc", "75960621252100331"),
                Map.of("upc_starts_with", "759606212521003"));
    }

    @Test
    void twelveDigitsNeedTheIssueNumber() {
        UpcQueryPlan plan = UpcQueryPlan.forUpc(ScannedUpc.withoutAddOn("759606212521"));

        assertThat(plan.queries(Optional.of("3"))).containsExactly(
                Map.of("upc_starts_with", "759606212521", "number", "3"));
        assertThat(plan.queries(Optional.empty())).as("would list the whole series").isEmpty();
        assertThat(plan.queries(Optional.of("  "))).isEmpty();
    }

    @Test
    void parametersKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> query = UpcQueryPlan.forUpc(ScannedUpc.of("759606212521", "00311"))
                .queries(Optional.of("3")).get(1);

        assertThat(List.copyOf(query.keySet())).containsExactly("upc_starts_with", "number");
        assertThatThrownBy(() -> query.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ean13IsLookedUpExactly() {
        assertThat(UpcQueryPlan.forEan13("9781684158164").queries(Optional.of("1")))
                .containsExactly(Map.of("upc", "9781684158164"));
        assertThatThrownBy(() -> UpcQueryPlan.forEan13("9781684158160"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
