package dev.metronome.identify;

import dev.metronome.coverhash.CoverHash;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueListItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cover path for an archive that says nothing else ({@code scan_00123.cbz}: no id, no UPC, no name that finds a
 * series): Metron is asked for the issues whose {@code cover_hash} is exactly one of the archive's cover pages'
 * (an exact filter; Metron has no search by distance, so a much-altered scan is not found). One issue found is a
 * match, below the confidence of names or ids; several (a reprint with the same cover) are for a person to settle.
 */
final class CoverSearch {

    private final MetronLookups lookups;

    CoverSearch(MetronLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * Looks the archive's cover pages up by their hashes.
     *
     * @param ev      the archive's evidence
     * @param reasons the evidence (added to)
     * @return the candidates found (empty when none), ranked
     */
    List<Candidate> candidates(Evidence ev, List<String> reasons) {
        Map<Long, Candidate> found = new LinkedHashMap<>();
        for (CoverHash hash : ev.coverHashes().stream().distinct().toList()) {
            List<IssueListItem> items = lookups.issues(IssueFilter.create().coverHash(hash.hex()), 1);
            for (IssueListItem item : items) {
                Candidate c = new Candidate(item.id(), Scorer.COVER_ALONE, Scorer.label(item));
                c.reasons.add("cover hash " + hash.hex() + " is this issue's (the archive names nothing else)");
                c.seriesName = item.series() == null ? "" : item.series().name();
                found.putIfAbsent(c.id, c);
            }
            if (!found.isEmpty()) {
                break; // the most likely cover page found its issue: the other pages need not be asked
            }
        }
        if (found.isEmpty()) {
            if (!ev.coverHashes().isEmpty()) {
                reasons.add("no Metron issue has this cover's hash");
            }
            return List.of();
        }
        List<Candidate> ranked = Scorer.rank(found.values());
        if (ranked.size() > 1) {
            // the same picture on several issues: none may win by it
            Scorer.capUnsure(ranked, true);
        }
        return new ArrayList<>(ranked);
    }

    /** Whether an archive said nothing the other paths could use, so that only its cover is left. */
    static boolean onlyTheCoverIsLeft(Evidence ev, List<Candidate> byNames, Optional<String> upc) {
        return byNames.isEmpty() && upc.isEmpty() && ev.ids().isEmpty() && !ev.coverHashes().isEmpty();
    }
}
