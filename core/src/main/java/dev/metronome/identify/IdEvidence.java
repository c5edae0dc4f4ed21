package dev.metronome.identify;

import dev.metronome.api.IdSource;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The id evidence path: Metron ids carried in the archive (MetronInfo, ComicInfo {@code Notes} and {@code Web}), the
 * issue its fingerprint was identified as before, then Comic Vine and GCD ids. A carried id is taken unless the
 * names say it is another issue; of several Metron ids, only the one the names agree with.
 */
final class IdEvidence {

    private final MetronLookups lookups;

    /**
     * The id path.
     *
     * @param lookups the run's lookups
     */
    IdEvidence(MetronLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * The Metron ids in the archive, then its remembered fingerprint.
     *
     * @param ev      the archive's evidence
     * @param reasons the evidence (added to)
     * @param details whether a remembered issue's details are wanted even when Metron says it did not change
     * @return the decision, or empty when no carried id decides
     */
    Optional<Identification> carried(Evidence ev, List<String> reasons, boolean details) {
        List<Long> metronIds = ev.ids().stream().filter(i -> i.source() == IdSource.METRON).map(IdHint::id)
                .distinct().toList();
        for (IdHint hint : ev.ids()) {
            if (hint.source() == IdSource.METRON && metronIds.indexOf(hint.id()) >= 0) {
                Optional<Identification> byId = byKnownId(hint.id(), "Metron id " + hint.id() + " in " + hint.where(),
                        ev, reasons, metronIds.size() > 1 ? metadataOf(hint) : null, true);
                if (byId.isPresent()) {
                    return byId;
                }
            }
        }
        Optional<Long> remembered = lookups.rememberedIssue(ev.fingerprint());
        if (remembered.isPresent() && !details && lookups.unchangedSinceLastRun(remembered.get())) {
            // the same pages were this issue in an earlier run, and Metron says it did not change since: nothing to
            // ask when no details are wanted
            long id = remembered.get();
            Candidate c = new Candidate(id, Scorer.CARRIED_ID, "issue " + id);
            c.reasons.add("identified before as issue " + id + " (same pages), unchanged in Metron since");
            reasons.addAll(c.reasons);
            return Optional.of(Scorer.matched(c, List.of(c), reasons, Optional.empty()));
        }
        if (remembered.isPresent()) {
            return byKnownId(remembered.get(), "identified before as issue " + remembered.get() + " (same pages)", ev,
                    reasons, null, true);
        }
        return Optional.empty();
    }

    /**
     * Comic Vine and GCD ids: the names first (usually free once the series is known), confirmed by the detail's own
     * id; else a {@code cv_id} / {@code gcd_id} query.
     *
     * @param ev      the archive's evidence
     * @param reasons the evidence (added to)
     * @param names   the name path, for the confirmation
     * @return the decision, or empty when no foreign id decides
     */
    Optional<Identification> foreign(Evidence ev, List<String> reasons, NameEvidence names) {
        List<IdHint> foreign = ev.ids().stream().filter(IdEvidence::isForeign).toList();
        if (!foreign.isEmpty() && !ev.hints().isEmpty()) {
            List<Candidate> named = Scorer.rank(names.candidates(ev, new ArrayList<>()).values());
            if (Scorer.decisive(named)) {
                Optional<IssueDetail> detail = lookups.issue(named.get(0).id);
                for (IdHint hint : foreign) {
                    Integer theirs = detail.map(d -> hint.source() == IdSource.COMIC_VINE ? d.cvId() : d.gcdId())
                            .orElse(null);
                    if (theirs != null && theirs == hint.id()) {
                        Candidate c = named.get(0);
                        c.score = Math.max(c.score, Scorer.FOREIGN_ID);
                        reasons.add(hint.source().metronInfoName() + " id " + hint.id() + " in " + hint.where()
                                + " matched");
                        reasons.addAll(c.reasons);
                        return Optional.of(Scorer.matched(c, named, reasons, detail));
                    }
                }
            }
        }
        for (IdHint hint : foreign) {
            String what = hint.source().metronInfoName() + " id " + hint.id() + " in " + hint.where();
            if (hint.id() <= 0 || hint.id() > Integer.MAX_VALUE) {
                reasons.add(what + " is not a valid id");
                continue;
            }
            IssueFilter filter = hint.source() == IdSource.COMIC_VINE ? IssueFilter.create().cvId((int) hint.id())
                    : IssueFilter.create().gcdId((int) hint.id());
            List<IssueListItem> found = lookups.issues(filter, 1);
            if (found.size() == 1) {
                Optional<Identification> byId = byKnownId(found.get(0).id(), what, ev, reasons, null, false);
                if (byId.isPresent()) {
                    return byId;
                }
            } else {
                reasons.add(what + (found.isEmpty() ? " is not in Metron" : " matches " + found.size()
                        + " Metron issues"));
            }
        }
        return Optional.empty();
    }

    private static boolean isForeign(IdHint hint) {
        return hint.source() == IdSource.COMIC_VINE || hint.source() == IdSource.GCD;
    }

    /**
     * A known issue id, checked against what the names say; empty when Metron does not have it, or when it is a
     * carried id (from the archive or its fingerprint) skipped while stale ids are paused.
     */
    private Optional<Identification> byKnownId(long id, String what, Evidence ev, List<String> reasons,
                                               String severalIdsFrom, boolean carried) {
        boolean severalIds = severalIdsFrom != null;
        if (carried && lookups.skipCarriedId(id)) {
            reasons.add(what + ": " + StaleIdGuard.NOT_CHECKED + " (the last carried ids were stale; Metron bans"
                    + " clients after 20 answers 404 in two minutes)");
            return Optional.empty();
        }
        Optional<IssueDetail> detail = carried ? lookups.carriedIssue(id) : lookups.issue(id);
        if (detail.isEmpty()) {
            reasons.add(what + ": Metron has no such issue");
            return Optional.empty();
        }
        IssueDetail d = detail.get();
        Candidate c = new Candidate(id, Scorer.CARRIED_ID, Scorer.label(d));
        c.reasons.add(what);
        boolean disagrees = ev.hints().stream().noneMatch(h -> agrees(d, h))
                && ev.hints().stream().anyMatch(h -> contradicts(d, h));
        if (disagrees || severalIds) {
            // of several ids, the one that names elsewhere than beside the id (series, number and year) positively
            // agree with; no names, no choice
            boolean namesAgree = ev.hints().stream().filter(h -> !h.source().equals(severalIdsFrom))
                    .anyMatch(h -> agrees(d, h));
            if (severalIds && namesAgree) {
                c.reasons.add("several ids in the archive; this one agrees with the names");
                reasons.addAll(c.reasons);
                return Optional.of(Scorer.matched(c, List.of(c), reasons, detail));
            }
            if (severalIds) {
                return Optional.empty();
            }
            reasons.add(what + ", but the names say otherwise (" + describe(ev.hints().get(0)) + ")");
            Optional<String> upc = ev.anyUpc();
            if (upc.isPresent() && UpcEvidence.agrees(d, upc.get()) == Boolean.TRUE) {
                reasons.add("UPC " + upc.get() + " matched");
                reasons.addAll(c.reasons);
                c.score = Scorer.ID_AND_UPC_AGAINST_NAMES;
                return Optional.of(Scorer.matched(c, List.of(c), reasons, detail));
            }
            c.score = Scorer.CONFLICT;
            return Optional.of(Scorer.conflict(List.of(c), reasons));
        }
        reasons.addAll(c.reasons);
        return Optional.of(Scorer.matched(c, List.of(c), reasons, detail));
    }

    /** The metadata file an id was read from, as the hints name their source ({@code Notes} are ComicInfo's). */
    private static String metadataOf(IdHint hint) {
        return "MetronInfo.xml".equals(hint.where()) ? "MetronInfo.xml" : "ComicInfo.xml";
    }

    /**
     * Whether a hint says the archive is another issue: the same series with another number, or metadata naming
     * another series. A file name unlike any series ({@code scan_0042}) contradicts nothing.
     */
    static boolean contradicts(IssueDetail d, NameHint h) {
        double similarity = d.series() == null ? 0 : SeriesNames.similarity(h.series(), d.series().name());
        boolean otherNumber = !h.number().isBlank()
                && !IssueNumbers.normalize(h.number()).equals(IssueNumbers.normalize(d.number()));
        return similarity >= 0.6 ? otherNumber : !h.fromFileName();
    }

    /** Whether a hint names the issue: its series, its number (if given) and, within a year, its cover year. */
    static boolean agrees(IssueDetail d, NameHint h) {
        boolean series = d.series() != null && SeriesNames.similarity(h.series(), d.series().name()) >= 0.6;
        boolean number = h.number().isBlank()
                || IssueNumbers.normalize(h.number()).equals(IssueNumbers.normalize(d.number()));
        // a cover year more than a year off is another issue of that number (another volume)
        boolean year = h.year().isEmpty() || d.coverDate() == null
                || Math.abs(d.coverDate().getYear() - h.year().get()) <= 1
                || h.yearBegan().isPresent() && h.year().equals(h.yearBegan());
        return series && number && year;
    }

    private static String describe(NameHint h) {
        return h.source() + ": '" + h.series() + "' #" + (h.number().isBlank() ? "?" : h.number())
                + h.year().map(y -> " (" + y + ")").orElse("");
    }
}
