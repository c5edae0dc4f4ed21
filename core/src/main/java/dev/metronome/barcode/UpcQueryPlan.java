package dev.metronome.barcode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered Metron {@code GET issue/} filters to try for a scanned barcode (metron-api.md §12). No HTTP here:
 * the identification engine runs the steps in order and stops at the first that identifies the issue, confirming
 * prefix hits with the issue number and the cover hash.
 *
 * <ul>
 *   <li>17 digits: {@code upc=<17>} (finds the main cover; variant UPCs are not filterable), then
 *       {@code upc_starts_with=<first 15>} (the issue: variants normally share UPC-A + issue digits and differ
 *       from the 16th digit on), then {@code upc_starts_with=<12>} with the issue number (for add-ons that break
 *       the issue-digit convention).</li>
 *   <li>12 digits (add-on not read): {@code upc_starts_with=<12>} plus {@code number}; without an issue number that
 *       would list the whole series, so the step is skipped.</li>
 *   <li>EAN-13 (e.g. an ISBN stored in {@code upc}): {@code upc=<13>}.</li>
 * </ul>
 *
 * @param steps the filters, most specific first
 */
public record UpcQueryPlan(List<Step> steps) {

    /** Metron filter: case-insensitive equality with {@code Issue.upc}. */
    public static final String UPC = "upc";
    /** Metron filter: prefix of {@code Issue.upc}. */
    public static final String UPC_STARTS_WITH = "upc_starts_with";
    /** Metron filter: case-insensitive equality with the issue number (send it normalised). */
    public static final String NUMBER = "number";

    /** Defensive copy. */
    public UpcQueryPlan {
        steps = List.copyOf(steps);
    }

    /**
     * Builds the plan for a scanned UPC-A, with or without add-on.
     *
     * @param scan the barcode
     * @return the plan
     */
    public static UpcQueryPlan forUpc(ScannedUpc scan) {
        List<Step> steps = new ArrayList<>();
        if (scan.hasAddOn()) {
            steps.add(new Step(UPC, scan.full(), IssueNumberUse.NONE));
            steps.add(new Step(UPC_STARTS_WITH, scan.issuePrefix15().orElseThrow(), IssueNumberUse.IF_KNOWN));
        }
        steps.add(new Step(UPC_STARTS_WITH, scan.upc12(), IssueNumberUse.REQUIRED));
        return new UpcQueryPlan(steps);
    }

    /**
     * Builds the plan for an EAN-13 that is not a UPC-A (leading digit not 0), such as an ISBN-13.
     *
     * @param ean13 13 digits with a valid check digit
     * @return the plan
     * @throws IllegalArgumentException when {@code ean13} is not a valid EAN-13
     */
    public static UpcQueryPlan forEan13(String ean13) {
        if (!GtinCheckDigit.isValid(ean13, 13)) {
            throw new IllegalArgumentException("not a valid EAN-13: " + ean13);
        }
        return new UpcQueryPlan(List.of(new Step(UPC, ean13, IssueNumberUse.NONE)));
    }

    /**
     * The query parameters of every step that can run, in order.
     *
     * @param issueNumber the normalised issue number from the file name or existing metadata, when known
     * @return one parameter map per runnable step
     */
    public List<Map<String, String>> queries(Optional<String> issueNumber) {
        List<Map<String, String>> queries = new ArrayList<>();
        for (Step step : steps) {
            step.parameters(issueNumber).ifPresent(queries::add);
        }
        return queries;
    }

    /** How a step uses the issue number. */
    public enum IssueNumberUse {
        /** The filter alone identifies the issue. */
        NONE,
        /** Add {@code number} when known, to narrow and confirm. */
        IF_KNOWN,
        /** Run the step only with {@code number}; alone it would list a whole series. */
        REQUIRED
    }

    /**
     * One filter to try.
     *
     * @param parameter   {@link #UPC} or {@link #UPC_STARTS_WITH}
     * @param value       the digits to send
     * @param issueNumber how the issue number joins the query
     */
    public record Step(String parameter, String value, IssueNumberUse issueNumber) {

        /** Null checks. */
        public Step {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(issueNumber, "issueNumber");
        }

        /**
         * The query parameters of this step, or empty when it needs an issue number that is not known.
         *
         * @param number the normalised issue number, when known
         * @return ordered parameters
         */
        public Optional<Map<String, String>> parameters(Optional<String> number) {
            Optional<String> known = number.filter(n -> !n.isBlank());
            if (issueNumber == IssueNumberUse.REQUIRED && known.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(parameter, value);
            if (issueNumber != IssueNumberUse.NONE) {
                known.ifPresent(n -> parameters.put(NUMBER, n));
            }
            return Optional.of(Collections.unmodifiableMap(parameters));
        }
    }
}
