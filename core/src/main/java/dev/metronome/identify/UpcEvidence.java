package dev.metronome.identify;

import dev.metronome.barcode.ScannedUpc;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.Variant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The UPC evidence path: a UPC from the metadata (GTIN) or the barcode on the cover, looked up in the series another
 * file's UPC revealed (by the add-on's issue number, no search), else by {@code upc}, else by its first 15 digits (a
 * 17-digit scan) or its 12 digits and the issue number (a short scan). The found issue's own UPC must confirm it.
 */
final class UpcEvidence {

    private final MetronLookups lookups;

    UpcEvidence(MetronLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * Identifies by the UPC alone, or settles a tie among the name candidates.
     *
     * @param ev      the archive's evidence
     * @param upc     its UPC
     * @param ranked  the name candidates, best first
     * @param reasons the evidence (added to)
     * @return a match, an ambiguity (the UPC and confident names disagree), or empty when the UPC finds nothing sure
     */
    Optional<Identification> identify(Evidence ev, String upc, List<Candidate> ranked, List<String> reasons) {
        String number = ev.hints().isEmpty() ? "" : ev.hints().get(0).metronNumber();
        Optional<ScannedUpc> scan = ev.barcode();
        // a series learned from another file's detail, and the issue number of the add-on
        Optional<Integer> series = upc.length() >= 12 ? lookups.seriesOfUpc(upc) : Optional.empty();
        String addOnNumber = upc.length() == 17 ? IssueNumbers.normalize(upc.substring(12, 15)) : "";
        List<Long> found = new ArrayList<>();
        if (series.isPresent() && !addOnNumber.isEmpty()) {
            lookups.issueInSeries(series.get(), addOnNumber, 0).ifPresent(i -> found.add(i.id().longValue()));
        }
        if (found.isEmpty()) {
            List<IssueListItem> items = lookups.issues(IssueFilter.create().upc(upc), 1);
            if (items.isEmpty() && upc.length() == 17) {
                items = lookups.issues(IssueFilter.create().upcStartsWith(upc.substring(0, 15)), 1);
            } else if (items.isEmpty() && upc.length() == 12 && !number.isEmpty()) {
                items = lookups.issues(IssueFilter.create().upcStartsWith(upc).number(number), 1);
            }
            items.forEach(i -> found.add(i.id().longValue()));
        }
        if (found.isEmpty()) {
            reasons.add("UPC " + upc + " is not in Metron");
            return Optional.empty();
        }
        if (found.size() > 1) {
            reasons.add("UPC " + upc + " matches " + found.size() + " issues");
            return Optional.empty();
        }
        Optional<IssueDetail> detail = lookups.issue(found.get(0));
        if (detail.isEmpty() || agrees(detail.get(), upc) != Boolean.TRUE) {
            reasons.add("UPC " + upc + " could not be confirmed");
            return Optional.empty();
        }
        Candidate c = new Candidate(found.get(0), Scorer.UPC, Scorer.label(detail.get()));
        c.reasons.add("UPC " + upc + " matched" + (scan.isPresent() && ev.upc().isEmpty() ? " (barcode on the cover)"
                : ""));
        if (ranked.stream().anyMatch(r -> r.id == c.id)) {
            c.reasons.add("one of the candidates by name");
        } else if (!ranked.isEmpty() && ranked.get(0).score >= Scorer.ACCEPT) {
            // the names point elsewhere with confidence: a conflict a person should settle
            List<Candidate> both = new ArrayList<>(List.of(c));
            both.addAll(ranked);
            reasons.add("the UPC points to " + c.label + " but the names to " + ranked.get(0).label);
            return Optional.of(Scorer.conflict(both, reasons));
        }
        reasons.addAll(c.reasons);
        List<Candidate> all = new ArrayList<>(List.of(c));
        ranked.stream().filter(r -> r.id != c.id).forEach(all::add);
        return Optional.of(Scorer.matched(c, all, reasons, detail));
    }

    /**
     * Whether an issue's UPC (or ISBN, or one of its variants') is the scanned one: TRUE when the first 15 digits (or
     * the 12 of a short scan) agree, FALSE when the issue has a UPC that differs, null when the issue has none.
     *
     * @param d   the issue
     * @param upc the archive's UPC
     * @return whether they agree, or null when the issue says nothing
     */
    static Boolean agrees(IssueDetail d, String upc) {
        List<String> known = new ArrayList<>();
        if (d.upc() != null && !d.upc().isBlank()) {
            known.add(d.upc());
        }
        if (d.isbn() != null && !d.isbn().isBlank()) {
            known.add(d.isbn());
        }
        if (d.variants() != null) {
            d.variants().stream().map(Variant::upc).filter(u -> u != null && !u.isBlank()).forEach(known::add);
        }
        if (known.isEmpty()) {
            return null;
        }
        int n = upc.length() >= 15 ? 15 : upc.length();
        String prefix = upc.substring(0, n);
        return known.stream().anyMatch(k -> k.equals(upc) || (k.length() >= n && k.startsWith(prefix)));
    }
}
