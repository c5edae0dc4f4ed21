package dev.metronome.identify;

import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The name evidence path: series, number and year from ComicInfo, MetronInfo, the file name and its folders (a name
 * with two numbers arrives as two hints, one per reading). Each hint is read as its neighbours' series when they
 * settle it ({@link FolderNeighbours}), else its series are found (by start year in one listing, else by a search)
 * and the number looked up in each; {@link Scorer} weighs what is found. Dated hints go first: they can decide, and
 * an undated one that agrees costs nothing.
 */
final class NameEvidence {

    /** The most same-named series whose issue lists are asked one by one. */
    private static final int MAX_SERIES = 4;
    /** A name+number listing this long is too common to tell series apart from. */
    private static final int TOO_COMMON = 200;

    private final MetronLookups lookups;
    private final FolderNeighbours neighbours;
    private final SeriesSearch search;

    NameEvidence(MetronLookups lookups, FolderNeighbours neighbours) {
        this.lookups = lookups;
        this.neighbours = neighbours;
        this.search = new SeriesSearch(lookups);
    }

    /**
     * The candidates every hint of an archive finds, merged.
     *
     * @param ev      the archive's evidence
     * @param reasons the evidence (added to)
     * @return the candidates by id (unranked)
     */
    Map<Long, Candidate> candidates(Evidence ev, List<String> reasons) {
        Map<Long, Candidate> merged = new LinkedHashMap<>();
        Candidate decided = null;
        String decidedBy = null;
        boolean conflict = false;
        NameHint first = ev.hints().isEmpty() ? null : ev.hints().get(0);
        List<NameHint> hints = new ArrayList<>(ev.hints());
        hints.sort(Comparator.comparing(NameHint::undated));
        // readings of the file name "otherwise" come last, and only while nothing is decided
        hints.sort(Comparator.comparing((NameHint h) -> NameHint.OTHERWISE.equals(h.source())));
        for (NameHint hint : hints) {
            if (NameHint.OTHERWISE.equals(hint.source()) && (decided != null || merged.values().stream()
                    .anyMatch(c -> c.score >= Scorer.ACCEPT))) {
                continue;
            }
            if (hint != first && !first.fromFileName() && hint.fromFileName()
                    && SeriesNames.similarity(hint.series(), first.series()) < 0.6) {
                // a name like "comic_0012" says nothing next to the archive's own metadata
                continue;
            }
            if (hint.fromFileName() && SeriesNames.placeholder(hint.series())) {
                reasons.add("the file name '" + hint.series() + "' is a scanner's or camera's default, not a series");
                continue;
            }
            if (decided != null && decided.number != null && hint.undated()
                    && hint.metronNumber().equals(decided.number)
                    && SeriesNames.similarity(hint.series(), decided.seriesName) >= 0.8) {
                Scorer.agrees(decided, hint.source());
                continue;
            }
            List<Candidate> found = of(hint, ev);
            if (NameHint.OTHERWISE.equals(hint.source())) {
                Scorer.needWitness(found);
            }
            found = Scorer.rank(found);
            if (found.isEmpty()) {
                continue;
            }
            if (Scorer.decisive(found)) {
                Candidate top = found.get(0);
                if (decided == null) {
                    decided = top;
                    decidedBy = hint.source();
                } else if (decided.id != top.id) {
                    conflict = true;
                    reasons.add("the " + hint.source() + " points to " + top.label + ", the " + decidedBy
                            + " to " + decided.label);
                }
            }
            Scorer.merge(merged, found, hint.source());
        }
        // a cover that is another picture keeps a candidate below acceptance, however many names agree; two sources
        // each sure of a different issue: no candidate may win on names alone
        Scorer.capUnsure(merged.values(), conflict);
        return merged;
    }

    /** The candidates one hint finds: by its neighbours, else by start year, else by a search. */
    private List<Candidate> of(NameHint hint, Evidence ev) {
        Optional<List<Candidate>> byNeighbours = neighbours.candidate(hint, ev);
        if (byNeighbours.isPresent()) {
            return byNeighbours.get();
        }
        List<String> words = SeriesNames.queryWords(hint.series());
        if (hint.yearBegan().isPresent() && !words.isEmpty() && !lookups.searched(words)) {
            // a start year: the series of that name and year with their issues, in one listing; if none of them
            // fits (a folder year that is not the start year), the name is searched as usual
            List<SeriesListItem> began = lookups.seriesBeganIn(words, hint.yearBegan().get()).orElse(List.of());
            if (!began.isEmpty()) {
                List<Candidate> found = in(new SeriesSearch.Found(began, false), hint, ev);
                if (found.stream().anyMatch(c -> c.score >= Scorer.ACCEPT)) {
                    return found;
                }
            }
        }
        return in(search.search(hint.series(), shorterFollows(hint, ev)), hint, ev);
    }

    /**
     * Whether a shorter reading of this hint's name (the series without its format word or its story title, read
     * otherwise) is among the archive's hints, to be tried if this one finds nothing.
     */
    private static boolean shorterFollows(NameHint hint, Evidence ev) {
        if (NameHint.OTHERWISE.equals(hint.source())) {
            return false;
        }
        List<String> words = SeriesNames.queryWords(hint.series());
        return ev.hints().stream().filter(h -> NameHint.OTHERWISE.equals(h.source())).map(h -> SeriesNames
                .queryWords(h.series())).anyMatch(w -> !w.isEmpty() && w.size() < words.size()
                && words.subList(0, w.size()).equals(w));
    }

    /** A found series with its fit. */
    private record Fitted(SeriesListItem item, Scorer.SeriesFit fit) {
    }

    /** The hint's issue in each found series close enough to the best. */
    private List<Candidate> in(SeriesSearch.Found found, NameHint hint, Evidence ev) {
        List<Fitted> ranked = new ArrayList<>();
        for (SeriesListItem item : found.series()) {
            Scorer.series(hint, item, found.byAlternativeName()).ifPresent(f -> ranked.add(new Fitted(item, f)));
        }
        ranked.sort(Comparator.comparingDouble((Fitted f) -> f.fit().score()).reversed());
        List<Candidate> out = new ArrayList<>();
        if (ranked.isEmpty()) {
            return out;
        }
        double top = ranked.get(0).fit().score();
        String number = hint.metronNumber();
        List<Fitted> kept = ranked.stream().filter(r -> r.fit().score() >= top - 0.3).toList();
        // several same-named series: the one the other files of this name turned out to be, if it has this number
        // (in this year), is asked first, and the others only if already listed (no request)
        Optional<SeriesMemory.Preferred> preferred = neighbours.among(hint, ev,
                kept.stream().map(Fitted::item).toList());
        if (preferred.isPresent()) {
            int id = preferred.get().seriesId();
            kept = kept.stream().filter(r -> r.item().id() == id || lookups.listed(r.item().id())).toList();
        }
        Map<Integer, IssueListItem> byNameAndNumber = null;
        if (preferred.isEmpty() && (kept.size() > MAX_SERIES || kept.size() > 1 && hint.undated()
                && !kept.stream().allMatch(r -> lookups.listed(r.item().id())))) {
            // several same-named series and little to tell them apart: one query for the number in all of them
            // instead of one per series
            byNameAndNumber = new HashMap<>();
            List<IssueListItem> items = lookups.issues(IssueFilter.create().seriesName(String.join(" ",
                    SeriesNames.queryWords(hint.series()))).number(number), 2);
            if (items.size() >= TOO_COMMON) {
                return out; // too common to tell from a capped list
            }
            for (IssueListItem item : items) {
                for (Fitted r : kept) {
                    if (sameSeries(item, r.item())) {
                        byNameAndNumber.putIfAbsent(r.item().id(), item);
                    }
                }
            }
        }
        for (Fitted r : kept) {
            Optional<IssueListItem> issue = byNameAndNumber != null
                    ? Optional.ofNullable(byNameAndNumber.get(r.item().id()))
                    : lookups.issueInSeries(r.item().id(), number, issueCount(r.item()),
                    kept.size() == 1 ? lookups.expected(hint.series()) : 0);
            if (issue.isEmpty()) {
                continue;
            }
            String seriesName = SeriesNames.fromDisplay(r.item().series());
            List<String> why = new ArrayList<>();
            why.add("series '" + seriesName + "' (" + r.item().yearBegan() + ") " + r.fit().why() + " from the "
                    + hint.source() + ", #" + number);
            double bonus = 0;
            if (preferred.isPresent() && preferred.get().seriesId() == r.item().id()) {
                bonus = Scorer.NEIGHBOURS;
                why.add(FolderNeighbours.describe(preferred.get()));
            }
            Candidate c = Scorer.issue(hint, ev, issue.get(), r.fit().score() + bonus, seriesName, why);
            c.seriesId = r.item().id();
            out.add(c);
        }
        return out;
    }

    private static int issueCount(SeriesListItem series) {
        return series.issueCount() == null ? 0 : series.issueCount();
    }

    /** Whether an issue list item belongs to a series (by id when the item carries it, else name and start year). */
    private static boolean sameSeries(IssueListItem item, SeriesListItem series) {
        if (item.series() == null) {
            return false;
        }
        if (item.series().id() != null) {
            return item.series().id().equals(series.id());
        }
        return Objects.equals(item.series().yearBegan(), series.yearBegan())
                && SeriesNames.key(item.series().name()).equals(SeriesNames.key(SeriesNames.fromDisplay(series.series())))
                && Objects.equals(item.series().volume(), series.volume());
    }
}
