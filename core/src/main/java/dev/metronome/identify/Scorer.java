package dev.metronome.identify;

import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import dev.metronome.tagging.CandidateScore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that scores and decides. The evidence paths ({@link IdEvidence}, {@link UpcEvidence},
 * {@link NameEvidence}, {@link FolderNeighbours}, {@link CoverEvidence}) find candidates; every number that weighs
 * them, and the rule that turns a ranking into a match, an ambiguity or nothing, is here.
 *
 * <p>A candidate matches when its score reaches {@link #ACCEPT} and leads the next one by {@link #MARGIN}. A score may
 * exceed 1 when much agrees; a confidence is the score cut to 0 to 0.99.
 */
final class Scorer {

    /** The lowest confidence that counts as a match (and may be written). */
    static final double ACCEPT = 0.80;
    /** How far the best candidate must lead the second. */
    static final double MARGIN = 0.15;
    /** The highest score names alone may give when something (a cover, another source) says otherwise. */
    static final double BELOW_ACCEPT = ACCEPT - 0.05;

    /** A Metron id carried in the archive (or its remembered fingerprint), agreeing with the names. */
    static final double CARRIED_ID = 0.99;
    /** A Comic Vine or GCD id confirming the candidate the names chose. */
    static final double FOREIGN_ID = 0.98;
    /** A UPC that confirms a candidate, or finds one alone. */
    static final double UPC = 0.97;
    /** A carried id the names contradict, but the UPC confirms. */
    static final double ID_AND_UPC_AGAINST_NAMES = 0.95;
    /**
     * An issue found by its exact cover hash alone (the archive names nothing): a match, but below what a name or
     * an id gives, as another printing may share the picture.
     */
    static final double COVER_ALONE = 0.9;
    /** Two pieces of strong evidence pointing at different issues: a person should settle it. */
    static final double CONFLICT = 0.6;
    /** Added to a candidate when one more source (ComicInfo, the file name) names it too. */
    static final double ANOTHER_SOURCE = 0.05;
    /** Added to a candidate of the series the other files of its name resolved to. */
    static final double NEIGHBOURS = 0.2;

    /** The lowest name similarity for a series to be a candidate at all. */
    static final double MIN_NAME_SIMILARITY = 0.75;
    /** The name score of a series found by one of its alternative names. */
    static final double ALTERNATIVE_NAME = 0.95;

    private Scorer() {
    }

    /**
     * How well a series fits a hint, before its issues are looked at.
     *
     * @param score the series' score, from its name, start year, cover year and volume
     * @param why   the evidence words ({@code "by name and start year"})
     */
    record SeriesFit(double score, String why) {
    }

    /**
     * Weighs a found series for a hint: name similarity, then start year, cover year (within the series' run) and
     * volume.
     *
     * @param hint        what the archive says
     * @param item        the series
     * @param alternative whether it was found by one of its alternative names
     * @return the fit, or empty when the name is too far off
     */
    static Optional<SeriesFit> series(NameHint hint, SeriesListItem item, boolean alternative) {
        String name = SeriesNames.fromDisplay(item.series());
        double score = SeriesNames.similarity(hint.series(), name);
        if (alternative) {
            score = Math.max(score, ALTERNATIVE_NAME);
        }
        if (score < MIN_NAME_SIMILARITY) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder(alternative ? "by an alternative name"
                : score >= 0.999 ? "by name" : "by a similar name");
        if (hint.yearBegan().isPresent() && item.yearBegan() != null) {
            if (hint.yearBegan().get().equals(item.yearBegan())) {
                score += 0.15;
                why.append(" and start year");
            } else {
                score -= 0.35;
            }
        }
        if (hint.year().isPresent() && item.yearBegan() != null) {
            int year = hint.year().get();
            int end = item.yearEnd() == null ? 9999 : item.yearEnd();
            // a cover year may precede the start year (a December release dated for January), never follow
            // the series' last cover year
            if (year >= item.yearBegan() - 1 && year <= end) {
                score += 0.05;
                if (hint.yearBegan().isEmpty()) {
                    why.append(" and year");
                }
            } else {
                score -= 0.4;
            }
        }
        if (hint.volume().isPresent() && item.volume() != null) {
            if (hint.volume().get().equals(item.volume())) {
                score += 0.1;
                why.append(" and volume");
            } else {
                score -= 0.2;
            }
        }
        return Optional.of(new SeriesFit(score, why.toString()));
    }

    /**
     * The series score of an issue found through the folder's memory rather than a search, as a search would have
     * scored it (start year matched, cover year within the run), plus the neighbours' weight.
     *
     * @param hint       what the archive says
     * @param similarity the similarity of the hint's series name to the series'
     * @return the series score
     */
    static double byNeighbours(NameHint hint, double similarity) {
        double series = similarity + (hint.yearBegan().isPresent() ? 0.15 : 0) + (hint.year().isPresent() ? 0.05 : 0);
        return series + NEIGHBOURS;
    }

    /**
     * Scores one issue of a series for a hint: the series' score, then number, cover year and cover hash.
     *
     * @param hint        what the archive says
     * @param ev          the archive's evidence (for its cover)
     * @param item        the issue
     * @param seriesScore the series' score
     * @param seriesName  the series' name
     * @param why         the evidence lines so far (added to)
     * @return the candidate
     */
    static Candidate issue(NameHint hint, Evidence ev, IssueListItem item, double seriesScore, String seriesName,
                           List<String> why) {
        double score = seriesScore;
        if (hint.numberAssumed()) {
            score -= 0.1;
            why.add("no issue number: #1 assumed");
        }
        if (hint.year().isPresent() && item.coverDate() != null) {
            int diff = Math.abs(item.coverDate().getYear() - hint.year().get());
            if (diff == 0) {
                score += 0.1;
            } else if (hint.yearBegan().isEmpty() || !hint.yearBegan().equals(hint.year())) {
                score -= diff == 1 ? 0.1 : 0.3;
                why.add("cover year " + item.coverDate().getYear() + " differs from " + hint.year().get());
            }
        }
        double nameScore = score;
        Optional<CoverEvidence> cover = CoverEvidence.of(ev, item.coverHash());
        boolean coverDiffers = cover.map(CoverEvidence::differs).orElse(false);
        if (cover.isPresent()) {
            score += cover.get().adjustment();
            if (coverDiffers) {
                score = Math.min(score, BELOW_ACCEPT); // names alone may not accept another picture
            }
            if (!cover.get().reason().isEmpty()) {
                why.add(cover.get().reason());
            }
        }
        Candidate c = new Candidate(item.id(), Math.max(0, score), label(item));
        c.coverDiffers = coverDiffers;
        c.coverAgrees = cover.isPresent() && cover.get().distance() <= CoverEvidence.SAME;
        c.coverUnconfirmed = cover.isPresent() && !coverDiffers && cover.get().distance() > CoverEvidence.ALTERED;
        c.nameScore = nameScore;
        c.seriesName = seriesName;
        c.number = IssueNumbers.normalize(item.number());
        c.reasons.addAll(why);
        return c;
    }

    /**
     * Adds the candidates one source found to those of the others: a candidate named by several sources gains
     * {@link #ANOTHER_SOURCE} over its best score.
     *
     * @param merged the candidates so far, by id
     * @param found  one source's candidates
     * @param source the source, for the evidence text
     */
    static void merge(Map<Long, Candidate> merged, List<Candidate> found, String source) {
        for (Candidate c : found) {
            Candidate existing = merged.get(c.id);
            if (existing == null) {
                merged.put(c.id, c);
            } else {
                existing.score = Math.max(existing.score, c.score) + ANOTHER_SOURCE;
                existing.reasons.add("also by the " + source);
            }
        }
    }

    /**
     * A later, undated source naming the same series and number as the decided candidate: a little more certainty.
     *
     * @param decided the candidate an earlier source decided on
     * @param source  the agreeing source
     */
    static void agrees(Candidate decided, String source) {
        decided.score += ANOTHER_SOURCE;
        decided.reasons.add("the " + source + " agrees (series and number)");
    }

    /**
     * Keeps candidates below acceptance: those whose cover is another picture always, and all of them when two
     * sources were each sure of a different issue.
     *
     * @param candidates the candidates
     * @param conflict   whether two sources conflict
     */
    static void capUnsure(Collection<Candidate> candidates, boolean conflict) {
        candidates.stream().filter(c -> c.coverDiffers || conflict).forEach(c -> c.score = Math.min(c.score,
                BELOW_ACCEPT));
    }

    /**
     * Keeps the candidates of a second guess at a file name ("read otherwise") below acceptance unless their cover
     * is the archive's: a guess needs a witness of its own.
     *
     * @param candidates the candidates of the guess
     */
    static void needWitness(Collection<Candidate> candidates) {
        candidates.stream().filter(c -> !c.coverAgrees).forEach(c -> {
            c.score = Math.min(c.score, BELOW_ACCEPT);
            c.reasons.add("a second reading of the name, and no cover to confirm it");
        });
    }

    /** Candidates best first (ties by id, so runs agree). */
    static List<Candidate> rank(Collection<Candidate> candidates) {
        List<Candidate> list = new ArrayList<>(candidates);
        list.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed().thenComparingLong(c -> c.id));
        return list;
    }

    /**
     * Whether a ranking decides: the best reaches {@link #ACCEPT} and leads the next by {@link #MARGIN}.
     *
     * @param ranked candidates, best first
     * @return true when the first one wins
     */
    static boolean decisive(List<Candidate> ranked) {
        return !ranked.isEmpty() && ranked.get(0).score >= ACCEPT
                && (ranked.size() == 1 || ranked.get(0).score - ranked.get(1).score >= MARGIN)
                && !wonOnlyByOthersCovers(ranked);
    }

    /**
     * Whether the best candidate leads only because the others' covers differ from the archive's while its own cover
     * says nothing either way: the names fit another candidate as well, and a cover that matches none of them (a
     * variant, a scan's first page) cannot choose between them by elimination.
     *
     * @param ranked candidates, best first
     * @return true when the lead rests on elimination alone
     */
    static boolean wonOnlyByOthersCovers(List<Candidate> ranked) {
        Candidate best = ranked.get(0);
        return best.coverUnconfirmed && ranked.stream().skip(1)
                .anyMatch(o -> o.coverDiffers && o.nameScore >= best.nameScore - 1e-9);
    }

    /**
     * A match.
     *
     * @param best    the chosen candidate
     * @param all     every candidate, best first
     * @param reasons the evidence
     * @param detail  the chosen issue's detail, if fetched
     * @return the identification
     */
    static Identification matched(Candidate best, List<Candidate> all, List<String> reasons,
                                  Optional<IssueDetail> detail) {
        return new Identification("matched", best.id, confidence(best.score), scores(all),
                reasons.stream().distinct().toList(), detail);
    }

    /**
     * Two pieces of evidence pointing at different issues: ambiguous, at {@link #CONFLICT}.
     *
     * @param candidates the candidates
     * @param reasons    the evidence
     * @return the identification
     */
    static Identification conflict(List<Candidate> candidates, List<String> reasons) {
        return new Identification("ambiguous", null, CONFLICT, scores(candidates), reasons, Optional.empty());
    }

    /**
     * The answer when no evidence decided: nothing found, or the candidates too close or too weak.
     *
     * @param ranked  the name candidates, best first
     * @param nothing whether the archive gave nothing to search by
     * @param reasons the evidence (added to)
     * @return a no-match or an ambiguity, always below {@link #ACCEPT}
     */
    static Identification undecided(List<Candidate> ranked, boolean nothing, List<String> reasons) {
        if (ranked.isEmpty()) {
            if (nothing) {
                reasons.add("no id, UPC, series or number found in the archive or its name");
            }
            return new Identification("no-match", null, 0, List.of(), reasons, Optional.empty());
        }
        ranked.forEach(c -> reasons.addAll(c.reasons.stream().limit(1).toList()));
        Candidate best = ranked.get(0);
        if (best.score >= ACCEPT && ranked.size() > 1 && wonOnlyByOthersCovers(ranked)) {
            reasons.add("the cover is none of the candidates' and the names fit " + ranked.size() + " issues");
        }
        reasons.add(ranked.size() > 1 && best.score - ranked.get(1).score < MARGIN
                ? ranked.size() + " candidates too close to call" : "best candidate below the accept threshold");
        return new Identification("ambiguous", null, confidence(Math.min(best.score, ACCEPT - 0.01)), scores(ranked),
                reasons, Optional.empty());
    }

    /** The first ten candidates as the report shows them. */
    static List<CandidateScore> scores(List<Candidate> candidates) {
        return candidates.stream().limit(10).map(c -> new CandidateScore(c.id, confidence(c.score), c.label)).toList();
    }

    /** A raw score (which may exceed 1 when much agrees) as a confidence, 0 to 0.99. */
    static double confidence(double score) {
        return Math.round(Math.max(0, Math.min(0.99, score)) * 1000) / 1000.0;
    }

    static String label(IssueListItem item) {
        String text = item.issue() != null && !item.issue().isBlank() ? item.issue()
                : (item.series() == null ? "?" : item.series().name()) + " #" + item.number();
        return text + (item.coverDate() == null ? "" : " [" + item.coverDate().getYear() + "]");
    }

    static String label(IssueDetail d) {
        String series = d.series() == null ? "?" : d.series().name() + (d.series().yearBegan() == null ? ""
                : " (" + d.series().yearBegan() + ")");
        return String.format(Locale.ROOT, "%s #%s", series, d.number());
    }
}
