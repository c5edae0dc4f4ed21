package dev.metronome.identify;

import dev.metronome.api.IdSource;
import dev.metronome.metron.model.IssueDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which Metron issue an archive is, strongest evidence first, and stops as soon as it is sure: ids in the
 * archive and its remembered fingerprint ({@link IdEvidence}), Comic Vine / GCD ids, then series + number + year
 * ({@link NameEvidence}, with {@link FolderNeighbours} and {@link CoverEvidence}) confirmed or overruled by the UPC,
 * then the UPC alone ({@link UpcEvidence}), and for an archive that says nothing else its cover's exact hash
 * ({@link CoverSearch}). {@link Scorer} weighs the candidates and decides; a decision below
 * {@link #ACCEPT} is never a match.
 *
 * <p>Series are resolved once per name and remembered per folder (also in the cache, for later runs) and per batch: a
 * file whose name has the same series as files already matched, and whose number (in its cover year, if it gives one)
 * is in that series, is matched without asking Metron again. A name without a year is only read as its folder's
 * series, and only in a series folder, never the batch's; a name without a number never is. One instance serves one
 * run; it is safe for concurrent use.
 */
public final class Identifier {

    /** The lowest confidence that counts as a match (and may be written). */
    public static final double ACCEPT = Scorer.ACCEPT;
    /** How far the best candidate must lead the second. */
    public static final double MARGIN = Scorer.MARGIN;
    /** The largest cover-hash distance that counts as the same cover (Metron-Tagger's value). */
    public static final int COVER_MATCH = CoverEvidence.SAME;

    private final MetronLookups lookups;
    private final boolean details;
    private final IdEvidence ids;
    private final UpcEvidence upcs;
    private final FolderNeighbours neighbours;
    private final NameEvidence names;
    private final CoverSearch covers;

    /**
     * Creates an identifier.
     *
     * @param lookups the run's Metron lookups
     */
    public Identifier(MetronLookups lookups) {
        this(lookups, true);
    }

    /**
     * Creates an identifier.
     *
     * @param lookups the run's Metron lookups
     * @param details whether a match by names fetches the issue's details (to return them, and to check it still
     *                exists); without, it is decided from the listings and searches alone, and details are fetched
     *                only where they are evidence (a carried id, a Comic Vine or GCD id, a UPC)
     */
    public Identifier(MetronLookups lookups, boolean details) {
        this.lookups = lookups;
        this.details = details;
        this.ids = new IdEvidence(lookups);
        this.upcs = new UpcEvidence(lookups);
        this.neighbours = new FolderNeighbours(lookups, lookups.memory(), new SeriesFolders());
        this.names = new NameEvidence(lookups, neighbours);
        this.covers = new CoverSearch(lookups);
    }

    /**
     * Whether the visual evidence (barcode, cover hash) may be needed: not when a Metron id or fingerprint decides.
     *
     * @param ids         the ids the archive carries
     * @param fingerprint its content fingerprint
     * @return whether to read the cover and barcode
     */
    public boolean needsVisuals(List<IdHint> ids, String fingerprint) {
        boolean metronId = ids.stream().anyMatch(i -> i.source() == IdSource.METRON);
        return !metronId && lookups.rememberedIssue(fingerprint).isEmpty();
    }

    /**
     * Identifies an archive.
     *
     * @param ev its evidence
     * @return the decision
     */
    public Identification identify(Evidence ev) {
        return identify(ev, true);
    }

    /**
     * Identifies an archive, without fetching a match's details when they are not wanted for it (a file the run
     * cannot write), even if this identifier fetches them for the others.
     *
     * @param ev           its evidence
     * @param wantsDetails whether this archive's match needs its details
     * @return the decision
     */
    public Identification identify(Evidence ev, boolean wantsDetails) {
        Identification id = decide(ev, details && wantsDetails);
        if (id.matched() && id.detail().isPresent()) {
            neighbours.record(ev, id.detail().get());
        }
        return id;
    }

    private Identification decide(Evidence ev, boolean fetch) {
        List<String> reasons = new ArrayList<>(ev.notes());
        // 1. Metron ids in the archive, then a remembered fingerprint
        Optional<Identification> decided = ids.carried(ev, reasons, fetch);
        if (decided.isPresent()) {
            return decided.get();
        }
        // 2. Comic Vine / GCD ids
        decided = ids.foreign(ev, reasons, names);
        if (decided.isPresent()) {
            return decided.get();
        }
        // 3. series, number and year; the UPC confirms or overrules
        List<Candidate> ranked = Scorer.rank(names.candidates(ev, reasons).values());
        Optional<String> upc = ev.anyUpc();
        decided = byNames(ev, ranked, upc, reasons, fetch);
        if (decided.isPresent()) {
            return decided.get();
        }
        // 4. the UPC alone (or to settle a tie)
        if (upc.isPresent()) {
            decided = upcs.identify(ev, upc.get(), ranked, reasons);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        // 5. nothing but the cover: its exact hash
        if (CoverSearch.onlyTheCoverIsLeft(ev, ranked, upc)) {
            List<Candidate> byCover = covers.candidates(ev, reasons);
            if (Scorer.decisive(byCover)) {
                Candidate best = byCover.get(0);
                Optional<IssueDetail> detail = fetch ? lookups.issue(best.id) : Optional.empty();
                reasons.addAll(best.reasons);
                return Scorer.matched(best, byCover, reasons, detail);
            }
            ranked = byCover;
        }
        return Scorer.undecided(ranked, ev.hints().isEmpty() && upc.isEmpty(), reasons);
    }

    /** The names' clear winner, unless Metron lost it or the archive's UPC is another issue's. */
    private Optional<Identification> byNames(Evidence ev, List<Candidate> ranked, Optional<String> upc,
                                             List<String> reasons, boolean fetch) {
        if (!Scorer.decisive(ranked)) {
            return Optional.empty();
        }
        Candidate best = ranked.get(0);
        if (!fetch && upc.isEmpty()) {
            // what the listing said is enough to report; nothing asks for the detail
            if (best.seriesId != null) {
                neighbours.record(ev, best.seriesId, best.seriesName);
            }
            reasons.addAll(best.reasons);
            return Optional.of(Scorer.matched(best, ranked, reasons, Optional.empty()));
        }
        Optional<IssueDetail> detail = lookups.issue(best.id);
        if (detail.isEmpty()) {
            reasons.add("issue " + best.id + " vanished from Metron");
            return Optional.empty();
        }
        Boolean upcAgrees = upc.map(u -> UpcEvidence.agrees(detail.get(), u)).orElse(null);
        if (upcAgrees == Boolean.FALSE) {
            reasons.add("UPC " + upc.get() + " disagrees with " + best.label);
            return Optional.empty();
        }
        if (upcAgrees == Boolean.TRUE) {
            reasons.add("UPC " + upc.get() + " matched");
            best.score = Math.max(best.score, Scorer.UPC);
        }
        reasons.addAll(best.reasons);
        return Optional.of(Scorer.matched(best, ranked, reasons, detail));
    }
}
