package dev.metronome.identify;

import dev.metronome.api.IdSource;
import dev.metronome.barcode.ScannedUpc;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import dev.metronome.metron.model.Variant;
import dev.metronome.tagging.CandidateScore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides which Metron issue an archive is, strongest evidence first, and stops as soon as it is sure:
 * ids in the archive, the archive's remembered fingerprint, then series + number + year (confirmed or overruled by
 * the UPC), then the UPC alone. A decision below {@link #ACCEPT} is never a match.
 *
 * <p>Series are resolved once per name and remembered per folder (also in the cache, for later runs) and per batch: a
 * file whose name has the same series as files already matched, and whose number (in its cover year, if it gives one)
 * is in that series, is matched without asking Metron again. A name without a year is only read as its folder's
 * series, never the batch's, and a name without a number never is. One instance serves one run; it is safe for
 * concurrent use.
 */
public final class Identifier {

    /** The lowest confidence that counts as a match (and may be written). */
    public static final double ACCEPT = 0.80;
    /** How far the best candidate must lead the second. */
    public static final double MARGIN = 0.15;
    /** The largest cover-hash distance that counts as the same cover (Metron-Tagger's value). */
    public static final int COVER_MATCH = CoverEvidence.SAME;

    private static final int MAX_SERIES = 4;
    private static final double MIN_NAME_SIMILARITY = 0.75;
    /** The name score of a series found by one of its alternative names. */
    private static final double ALTERNATIVE_NAME = 0.95;

    /** The score added to a candidate of the series the other files of its name resolved to. */
    private static final double NEIGHBOURS = 0.2;

    private final MetronLookups lookups;
    private final SeriesMemory memory;
    private final SeriesFolders folders = new SeriesFolders();

    /**
     * Creates an identifier.
     *
     * @param lookups the run's Metron lookups
     */
    public Identifier(MetronLookups lookups) {
        this.lookups = lookups;
        this.memory = lookups.memory();
    }

    /** Whether the visual evidence (barcode, cover hash) may be needed: not when a Metron id or fingerprint decides. */
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
        Identification id = decide(ev);
        IssueDetail detail = id.detail().orElse(null);
        if (id.matched() && detail != null && detail.series() != null && detail.series().id() != null) {
            int series = detail.series().id();
            memory.record(folderOf(ev), detail.series().name(), series);
            for (NameHint hint : ev.hints()) {
                if (SeriesNames.similarity(hint.series(), detail.series().name()) >= MIN_NAME_SIMILARITY
                        && !SeriesNames.key(hint.series()).equals(SeriesNames.key(detail.series().name()))) {
                    memory.record(folderOf(ev), hint.series(), series);
                }
            }
        }
        return id;
    }

    private static Path folderOf(Evidence ev) {
        return ev.path() == null ? null : ev.path().toAbsolutePath().getParent();
    }

    private Identification decide(Evidence ev) {
        List<String> reasons = new ArrayList<>(ev.notes());
        // 1. Metron ids in the archive, then a remembered fingerprint
        List<Long> metronIds = ev.ids().stream().filter(i -> i.source() == IdSource.METRON).map(IdHint::id)
                .distinct().toList();
        for (IdHint hint : ev.ids()) {
            if (hint.source() == IdSource.METRON && metronIds.indexOf(hint.id()) >= 0) {
                Optional<Identification> byId = byKnownId(hint.id(), "Metron id " + hint.id() + " in " + hint.where(),
                        ev, reasons, metronIds.size() > 1 ? metadataOf(hint) : null, true);
                if (byId.isPresent()) {
                    return byId.get();
                }
            }
        }
        Optional<Long> remembered = lookups.rememberedIssue(ev.fingerprint());
        if (remembered.isPresent()) {
            Optional<Identification> byId = byKnownId(remembered.get(),
                    "identified before as issue " + remembered.get() + " (same pages)", ev, reasons, null, true);
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        // 2. Comic Vine / GCD ids: the names first (usually free once the series is known), confirmed by the
        //    detail's own id; else a cv_id / gcd_id query
        List<IdHint> foreign = ev.ids().stream()
                .filter(i -> i.source() == IdSource.COMIC_VINE || i.source() == IdSource.GCD).toList();
        if (!foreign.isEmpty() && !ev.hints().isEmpty()) {
            List<Scored> named = rank(byNames(ev, new ArrayList<>()));
            if (!named.isEmpty() && named.get(0).score >= ACCEPT
                    && (named.size() == 1 || named.get(0).score - named.get(1).score >= MARGIN)) {
                Optional<IssueDetail> detail = lookups.issue(named.get(0).id);
                for (IdHint hint : foreign) {
                    Integer theirs = detail.map(d -> hint.source() == IdSource.COMIC_VINE ? d.cvId() : d.gcdId())
                            .orElse(null);
                    if (theirs != null && theirs == hint.id()) {
                        Scored s = named.get(0);
                        s.score = Math.max(s.score, 0.98);
                        reasons.add(hint.source().metronInfoName() + " id " + hint.id() + " in " + hint.where()
                                + " matched");
                        reasons.addAll(s.reasons);
                        return done("matched", s, named, reasons, detail);
                    }
                }
            }
        }
        for (IdHint hint : ev.ids()) {
            if ((hint.source() == IdSource.COMIC_VINE || hint.source() == IdSource.GCD)
                    && (hint.id() <= 0 || hint.id() > Integer.MAX_VALUE)) {
                reasons.add(hint.source().metronInfoName() + " id " + hint.id() + " in " + hint.where()
                        + " is not a valid id");
            } else if (hint.source() == IdSource.COMIC_VINE || hint.source() == IdSource.GCD) {
                IssueFilter filter = hint.source() == IdSource.COMIC_VINE ? IssueFilter.create().cvId((int) hint.id())
                        : IssueFilter.create().gcdId((int) hint.id());
                List<IssueListItem> found = lookups.issues(filter, 1);
                String what = hint.source().metronInfoName() + " id " + hint.id() + " in " + hint.where();
                if (found.size() == 1) {
                    Optional<Identification> byId = byKnownId(found.get(0).id(), what, ev, reasons, null, false);
                    if (byId.isPresent()) {
                        return byId.get();
                    }
                } else {
                    reasons.add(what + (found.isEmpty() ? " is not in Metron" : " matches " + found.size()
                            + " Metron issues"));
                }
            }
        }
        // 3. series, number and year; the UPC confirms or overrules
        Map<Long, Scored> candidates = byNames(ev, reasons);
        List<Scored> ranked = rank(candidates);
        Optional<String> upc = ev.anyUpc();
        if (!ranked.isEmpty()) {
            Scored best = ranked.get(0);
            boolean clear = best.score >= ACCEPT && (ranked.size() == 1 || best.score - ranked.get(1).score >= MARGIN);
            if (clear) {
                Optional<IssueDetail> detail = lookups.issue(best.id);
                if (detail.isEmpty()) {
                    reasons.add("issue " + best.id + " vanished from Metron");
                } else if (upc.isEmpty() || upcAgrees(detail.get(), upc.get()) != Boolean.FALSE) {
                    if (upc.isPresent() && upcAgrees(detail.get(), upc.get()) == Boolean.TRUE) {
                        reasons.add("UPC " + upc.get() + " matched");
                        best.score = Math.max(best.score, 0.97);
                    }
                    reasons.addAll(best.reasons);
                    return done("matched", best, ranked, reasons, detail);
                } else {
                    reasons.add("UPC " + upc.get() + " disagrees with " + best.label);
                }
            }
        }
        // 4. the UPC alone (or to settle a tie)
        if (upc.isPresent()) {
            Optional<Identification> byUpc = byUpc(ev, upc.get(), ranked, reasons);
            if (byUpc.isPresent()) {
                return byUpc.get();
            }
        }
        if (ranked.isEmpty()) {
            if (ev.hints().isEmpty() && upc.isEmpty()) {
                reasons.add("no id, UPC, series or number found in the archive or its name");
            }
            return new Identification("no-match", null, 0, List.of(), reasons, Optional.empty());
        }
        ranked.forEach(s -> reasons.addAll(s.reasons.stream().limit(1).toList()));
        Scored best = ranked.get(0);
        reasons.add(ranked.size() > 1 && best.score - ranked.get(1).score < MARGIN
                ? ranked.size() + " candidates too close to call" : "best candidate below the accept threshold");
        return new Identification("ambiguous", null, confidence(Math.min(best.score, ACCEPT - 0.01)), scores(ranked),
                reasons,
                Optional.empty());
    }

    /**
     * A known issue id, checked against what the names say; empty when Metron does not have it, or when it is a
     * carried id (from the archive or its fingerprint) skipped while stale ids are paused.
     */
    private Optional<Identification> byKnownId(long id, String what, Evidence ev, List<String> reasons,
                                               String severalIdsFrom, boolean carried) {
        boolean severalIds = severalIdsFrom != null;
        if (carried && lookups.skipCarriedId(id)) {
            reasons.add(what + ": " + StaleIdGuard.NOT_CHECKED + " (the last carried ids were stale; Metron bans clients after 20"
                    + " answers 404 in two minutes)");
            return Optional.empty();
        }
        Optional<IssueDetail> detail = carried ? lookups.carriedIssue(id) : lookups.issue(id);
        if (detail.isEmpty()) {
            reasons.add(what + ": Metron has no such issue");
            return Optional.empty();
        }
        IssueDetail d = detail.get();
        Scored scored = new Scored(id, 0.99, label(d));
        scored.reasons.add(what);
        boolean disagrees = ev.hints().stream().noneMatch(h -> agrees(d, h))
                && ev.hints().stream().anyMatch(h -> contradicts(d, h));
        if (disagrees || severalIds) {
            // of several ids, the one that names elsewhere than beside the id (series, number and year) positively agree
        // with; no names, no choice
            boolean namesAgree = ev.hints().stream().filter(h -> !h.source().equals(severalIdsFrom))
                    .anyMatch(h -> agrees(d, h));
            if (severalIds && namesAgree) {
                scored.reasons.add("several ids in the archive; this one agrees with the names");
                reasons.addAll(scored.reasons);
                return Optional.of(done("matched", scored, List.of(scored), reasons, detail));
            }
            if (severalIds) {
                return Optional.empty();
            }
            reasons.add(what + ", but the names say otherwise (" + describe(ev.hints().get(0)) + ")");
            Optional<String> upc = ev.anyUpc();
            if (upc.isPresent() && upcAgrees(d, upc.get()) == Boolean.TRUE) {
                reasons.add("UPC " + upc.get() + " matched");
                reasons.addAll(scored.reasons);
                scored.score = 0.95;
                return Optional.of(done("matched", scored, List.of(scored), reasons, detail));
            }
            scored.score = 0.6;
            return Optional.of(new Identification("ambiguous", null, 0.6, scores(List.of(scored)), reasons,
                    Optional.empty()));
        }
        reasons.addAll(scored.reasons);
        return Optional.of(done("matched", scored, List.of(scored), reasons, detail));
    }

    /** The metadata file an id was read from, as the hints name their source ({@code Notes} are ComicInfo's). */
    private static String metadataOf(IdHint hint) {
        return "MetronInfo.xml".equals(hint.where()) ? "MetronInfo.xml" : "ComicInfo.xml";
    }

    /**
     * Whether a hint says the archive is another issue: the same series with another number, or metadata naming
     * another series. A file name unlike any series ({@code scan_0042}) contradicts nothing.
     */
    private static boolean contradicts(IssueDetail d, NameHint h) {
        double similarity = d.series() == null ? 0 : SeriesNames.similarity(h.series(), d.series().name());
        boolean otherNumber = !h.number().isBlank()
                && !IssueNumbers.normalize(h.number()).equals(IssueNumbers.normalize(d.number()));
        return similarity >= 0.6 ? otherNumber : !"file name".equals(h.source());
    }

    private static boolean agrees(IssueDetail d, NameHint h) {
        boolean series = d.series() != null && SeriesNames.similarity(h.series(), d.series().name()) >= 0.6;
        boolean number = h.number().isBlank()
                || IssueNumbers.normalize(h.number()).equals(IssueNumbers.normalize(d.number()));
        // a cover year more than a year off is another issue of that number (another volume)
        boolean year = h.year().isEmpty() || d.coverDate() == null
                || Math.abs(d.coverDate().getYear() - h.year().get()) <= 1
                || h.yearBegan().isPresent() && h.year().equals(h.yearBegan());
        return series && number && year;
    }

    private Map<Long, Scored> byNames(Evidence ev, List<String> reasons) {
        Map<Long, Scored> merged = new LinkedHashMap<>();
        Scored decided = null;
        String decidedBy = null;
        boolean conflict = false;
        NameHint first = ev.hints().isEmpty() ? null : ev.hints().get(0);
        // dated hints first: they can decide, and an undated one that agrees with the decision costs nothing
        List<NameHint> hints = new ArrayList<>(ev.hints());
        hints.sort(Comparator.comparing(NameHint::undated));
        for (NameHint hint : hints) {
            if (hint != first && !"file name".equals(first.source()) && "file name".equals(hint.source())
                    && SeriesNames.similarity(hint.series(), first.series()) < 0.6) {
                // a name like "comic_0012" says nothing next to the archive's own metadata
                continue;
            }
            if ("file name".equals(hint.source()) && SeriesNames.placeholder(hint.series())) {
                reasons.add("the file name '" + hint.series() + "' is a scanner's or camera's default, not a series");
                continue;
            }
            if (decided != null && decided.number != null && hint.undated()
                    && hint.metronNumber().equals(decided.number)
                    && SeriesNames.similarity(hint.series(), decided.seriesName) >= 0.8) {
                decided.score += 0.05;
                decided.reasons.add("the " + hint.source() + " agrees (series and number)");
                continue;
            }
            List<Scored> found = rank(candidatesOf(hint, ev));
            if (found.isEmpty()) {
                continue;
            }
            Scored top = found.get(0);
            boolean decisive = top.score >= ACCEPT && (found.size() == 1 || top.score - found.get(1).score >= MARGIN);
            if (decisive) {
                if (decided == null) {
                    decided = top;
                    decidedBy = hint.source();
                } else if (decided.id != top.id) {
                    conflict = true;
                    reasons.add("the " + hint.source() + " points to " + top.label + ", the " + decidedBy
                            + " to " + decided.label);
                }
            }
            for (Scored s : found) {
                Scored existing = merged.get(s.id);
                if (existing == null) {
                    merged.put(s.id, s);
                } else {
                    existing.score = Math.max(existing.score, s.score) + 0.05;
                    existing.reasons.add("also by the " + hint.source());
                }
            }
        }
        // a cover that is another picture keeps a candidate below acceptance, however many names agree
        merged.values().stream().filter(s -> s.coverDiffers).forEach(s -> s.score = Math.min(s.score, ACCEPT - 0.05));
        if (conflict) {
            // two sources each sure of a different issue: no candidate may win on names alone
            merged.values().forEach(s -> s.score = Math.min(s.score, ACCEPT - 0.05));
        }
        return merged;
    }

    private List<Scored> candidatesOf(NameHint hint, Evidence ev) {
        Optional<List<Scored>> byNeighbours = byNeighbours(hint, ev);
        if (byNeighbours.isPresent()) {
            return byNeighbours.get();
        }
        List<String> words = SeriesNames.queryWords(hint.series());
        if (hint.yearBegan().isPresent() && !words.isEmpty() && !lookups.searched(words)) {
            // a start year: the series of that name and year with their issues, in one listing; if none of them
            // fits (a folder year that is not the start year), the name is searched as usual
            List<SeriesListItem> began = lookups.seriesBeganIn(words, hint.yearBegan().get()).orElse(List.of());
            if (!began.isEmpty()) {
                List<Scored> found = candidatesIn(new Searched(began, false), hint, ev);
                if (found.stream().anyMatch(c -> c.score >= ACCEPT)) {
                    return found;
                }
            }
        }
        return candidatesIn(searchSeries(hint.series()), hint, ev);
    }

    private List<Scored> candidatesIn(Searched searched, NameHint hint, Evidence ev) {
        List<SeriesListItem> series = searched.series();
        record Ranked(SeriesListItem item, double score, String why) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (SeriesListItem item : series) {
            String name = SeriesNames.fromDisplay(item.series());
            double score = SeriesNames.similarity(hint.series(), name);
            boolean alternative = searched.byAlternativeName();
            if (alternative) {
                score = Math.max(score, ALTERNATIVE_NAME);
            }
            if (score < MIN_NAME_SIMILARITY) {
                continue;
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
            ranked.add(new Ranked(item, score, why.toString()));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        List<Scored> out = new ArrayList<>();
        if (ranked.isEmpty()) {
            return out;
        }
        double top = ranked.get(0).score;
        String number = hint.metronNumber();
        List<Ranked> kept = ranked.stream().filter(r -> r.score >= top - 0.3).toList();
        boolean dated = !hint.undated();
        // several same-named series: the one the other files of this name turned out to be, if it has this number
        // (in this year), is asked first, and the others only if already listed (no request)
        Optional<SeriesMemory.Preferred> preferred = kept.size() < 2 || !trustsNeighbours(hint)
                || !neighboursCount(hint, ev) ? Optional.empty()
                : memory.preferred(folderOf(ev), Stream.concat(Stream.of(hint.series()),
                        kept.stream().map(r -> SeriesNames.fromDisplay(r.item.series()))).toList(),
                kept.stream().map(r -> r.item.id()).collect(Collectors.toSet())::contains, !dated);
        if (preferred.isPresent()) {
            int id = preferred.get().seriesId();
            Ranked p = kept.stream().filter(r -> r.item.id() == id).findFirst().orElseThrow();
            Optional<IssueListItem> issue = lookups.issueInSeries(id, number, issueCount(p.item),
                    lookups.expected(hint.series()));
            if (issue.isPresent() && neighbourFits(hint, issue.get())) {
                kept = kept.stream().filter(r -> r == p || lookups.listed(r.item.id())).toList();
            } else {
                preferred = Optional.empty();
            }
        }
        Map<Integer, IssueListItem> byNameAndNumber = null;
        if (preferred.isEmpty() && kept.size() > MAX_SERIES || preferred.isEmpty() && kept.size() > 1 && !dated
                && !kept.stream().allMatch(r -> lookups.listed(r.item.id()))) {
            // several same-named series and little to tell them apart: one query for the number in all of them
            // instead of one per series
            byNameAndNumber = new java.util.HashMap<>();
            List<IssueListItem> items = lookups.issues(IssueFilter.create().seriesName(String.join(" ",
                    SeriesNames.queryWords(hint.series()))).number(number), 2);
            if (items.size() >= 200) {
                return out; // too common to tell from a capped list
            }
            for (IssueListItem item : items) {
                for (Ranked r : kept) {
                    if (sameSeries(item, r.item)) {
                        byNameAndNumber.putIfAbsent(r.item.id(), item);
                    }
                }
            }
        }
        for (Ranked r : kept) {
            Optional<IssueListItem> issue = byNameAndNumber != null
                    ? Optional.ofNullable(byNameAndNumber.get(r.item.id()))
                    : lookups.issueInSeries(r.item.id(), number, issueCount(r.item),
                    kept.size() == 1 ? lookups.expected(hint.series()) : 0);
            if (issue.isEmpty()) {
                continue;
            }
            String seriesName = SeriesNames.fromDisplay(r.item.series());
            List<String> why = new ArrayList<>();
            why.add("series '" + seriesName + "' (" + r.item.yearBegan() + ") " + r.why + " from the " + hint.source()
                    + ", #" + number);
            double bonus = 0;
            if (preferred.isPresent() && preferred.get().seriesId() == r.item.id()) {
                bonus = NEIGHBOURS;
                why.add(neighbours(preferred.get()));
            }
            Scored s = scoreIssue(hint, ev, issue.get(), r.score + bonus, seriesName, why);
            out.add(s);
        }
        return out;
    }

    private static int issueCount(SeriesListItem series) {
        return series.issueCount() == null ? 0 : series.issueCount();
    }

    /** Scores one issue of a series for a hint: the series' score, then number, cover year and cover hash. */
    private static Scored scoreIssue(NameHint hint, Evidence ev, IssueListItem item, double seriesScore,
                                     String seriesName, List<String> why) {
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
        Optional<CoverEvidence> cover = CoverEvidence.of(ev, item.coverHash());
        boolean coverDiffers = cover.map(CoverEvidence::differs).orElse(false);
        if (cover.isPresent()) {
            score += cover.get().adjustment();
            if (coverDiffers) {
                score = Math.min(score, ACCEPT - 0.05); // names alone may not accept another picture
            }
            if (!cover.get().reason().isEmpty()) {
                why.add(cover.get().reason());
            }
        }
        Scored s = new Scored(item.id(), Math.max(0, score), label(item));
        s.coverDiffers = coverDiffers;
        s.seriesName = seriesName;
        s.number = IssueNumbers.normalize(item.number());
        s.reasons.addAll(why);
        return s;
    }

    private static String neighbours(SeriesMemory.Preferred p) {
        if (p.files() == 0) {
            return "the series of the other files of this name " + p.where() + ", identified in earlier runs";
        }
        return "the series of " + p.files() + " other file" + (p.files() == 1 ? "" : "s") + " of this name "
                + p.where();
    }

    /**
     * A name not searched yet in this run, whose neighbours (same name, same folder, else same batch) all resolved to
     * one listed series that has this number in this year (or at all, for a name without year): that issue, without
     * a request. Empty when the neighbours do not settle it: then the name is searched.
     */
    private Optional<List<Scored>> byNeighbours(NameHint hint, Evidence ev) {
        List<String> words = SeriesNames.queryWords(hint.series());
        if (words.isEmpty() || lookups.searched(words) || !trustsNeighbours(hint) || !neighboursCount(hint, ev)) {
            return Optional.empty();
        }
        String number = hint.metronNumber();
        Optional<SeriesMemory.Preferred> preferred = memory.preferred(folderOf(ev), List.of(hint.series()), id -> {
            if (!lookups.listed(id)) {
                return false;
            }
            Optional<IssueListItem> issue = lookups.issueInSeries(id, number, 0);
            return issue.isPresent() && neighbourFits(hint, issue.get());
        }, hint.undated());
        if (preferred.isEmpty()) {
            return Optional.empty();
        }
        IssueListItem item = lookups.issueInSeries(preferred.get().seriesId(), number, 0).orElseThrow();
        String seriesName = item.series() == null ? hint.series() : item.series().name();
        double score = SeriesNames.similarity(hint.series(), seriesName);
        if (score < MIN_NAME_SIMILARITY) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        why.add("series '" + seriesName + "' (" + (item.series() == null ? "?" : item.series().yearBegan()) + ") "
                + (score >= 0.999 ? "by name" : "by a similar name") + " from the " + hint.source() + ", #" + number);
        why.add(neighbours(preferred.get()));
        // as a search would have scored it: the start year matched, or the cover year within the run
        double series = score + (hint.yearBegan().isPresent() ? 0.15 : 0) + (hint.year().isPresent() ? 0.05 : 0);
        return Optional.of(List.of(scoreIssue(hint, ev, item, series + NEIGHBOURS, seriesName, why)));
    }

    /**
     * Whether the series the other files of this name turned out to be may count for this file: always for a dated
     * name (its year still has to fit), and for an undated one only in a series folder (its name is the series, or
     * its files are one series). A download folder that mixes names proves nothing about an undated file.
     */
    private boolean neighboursCount(NameHint hint, Evidence ev) {
        return !hint.undated() || folders.isSeriesFolder(folderOf(ev), hint.series());
    }

    /** Whether a hint is firm enough to be read as its neighbours' series: it gives its number. */
    private static boolean trustsNeighbours(NameHint hint) {
        return !hint.numberAssumed();
    }

    /**
     * Whether an issue of the series a hint's neighbours turned out to be may stand for the hint: it fits the hint,
     * and a name without a year names that very series (not just a similar one).
     */
    private static boolean neighbourFits(NameHint hint, IssueListItem issue) {
        return fits(hint, issue) && (!hint.undated()
                || SeriesNames.key(hint.series()).equals(SeriesNames.key(issue.series().name())));
    }

    /** Whether an issue is what a hint says beyond its series and number: its start year, volume and cover year. */
    private static boolean fits(NameHint hint, IssueListItem item) {
        if (item.series() == null) {
            return false;
        }
        boolean yearBegan = hint.yearBegan().isEmpty() || hint.yearBegan().get().equals(item.series().yearBegan());
        boolean volume = hint.volume().isEmpty() || hint.volume().get().equals(item.series().volume());
        boolean year = hint.year().isEmpty() || hint.yearBegan().isPresent() && hint.year().equals(hint.yearBegan())
                || item.coverDate() != null && item.coverDate().getYear() == hint.year().get();
        return yearBegan && volume && year;
    }

    /** Whether an issue list item belongs to a series (by id when the item carries it, else name and start year). */
    private static boolean sameSeries(IssueListItem item, SeriesListItem series) {
        if (item.series() == null) {
            return false;
        }
        if (item.series().id() != null) {
            return item.series().id().equals(series.id());
        }
        return java.util.Objects.equals(item.series().yearBegan(), series.yearBegan())
                && SeriesNames.key(item.series().name()).equals(SeriesNames.key(SeriesNames.fromDisplay(series.series())))
                && java.util.Objects.equals(item.series().volume(), series.volume());
    }

    /** Series found for a name, and whether they were found by an alternative name. */
    private record Searched(List<SeriesListItem> series, boolean byAlternativeName) {
    }

    private Searched searchSeries(String name) {
        List<String> words = SeriesNames.queryWords(name);
        if (words.isEmpty()) {
            return new Searched(List.of(), false);
        }
        List<SeriesListItem> found = lookups.transposedSearch(words);
        if (!found.isEmpty()) {
            return new Searched(found, false);
        }
        found = lookups.searchSeries(words);
        if (!found.isEmpty()) {
            return new Searched(found, false);
        }
        // not found as written: a misspelling of a name searched earlier in this run?
        found = lookups.nearestSearch(words);
        if (!found.isEmpty()) {
            return new Searched(found, false);
        }
        // no series is called so: one that is also known by this name ("TMNT", "Marvelman")?
        found = lookups.searchAltNames(name);
        if (!found.isEmpty()) {
            return new Searched(found, true);
        }
        if (words.size() == 1) {
            // one misspelt word: its first three letters, then its last three, find the series it was meant to be
            String word = words.get(0);
            if (word.length() < 6) {
                return new Searched(found, false);
            }
            found = lookups.searchSeries(List.of(word.substring(0, 3)));
            return new Searched(found.isEmpty() ? lookups.searchSeries(List.of(word.substring(word.length() - 3))) : found,
                    false);
        }
        // a misspelt word finds nothing: leave out one word at a time (longest words first), stop at the first hit
        List<String> byLength = new ArrayList<>(words);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        for (String left : byLength.subList(0, Math.min(2, byLength.size()))) {
            List<String> fewer = new ArrayList<>(words);
            fewer.remove(left);
            found = lookups.searchSeries(fewer);
            if (!found.isEmpty()) {
                return new Searched(found, false);
            }
        }
        return new Searched(List.of(), false);
    }

    private Optional<Identification> byUpc(Evidence ev, String upc, List<Scored> ranked, List<String> reasons) {
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
        if (detail.isEmpty() || upcAgrees(detail.get(), upc) != Boolean.TRUE) {
            reasons.add("UPC " + upc + " could not be confirmed");
            return Optional.empty();
        }
        Scored s = new Scored(found.get(0), 0.97, label(detail.get()));
        s.reasons.add("UPC " + upc + " matched" + (scan.isPresent() && ev.upc().isEmpty() ? " (barcode on the cover)"
                : ""));
        if (ranked.stream().anyMatch(r -> r.id == s.id)) {
            s.reasons.add("one of the candidates by name");
        } else if (!ranked.isEmpty() && ranked.get(0).score >= ACCEPT) {
            // the names point elsewhere with confidence: a conflict a person should settle
            List<Scored> both = new ArrayList<>(List.of(s));
            both.addAll(ranked);
            reasons.add("the UPC points to " + s.label + " but the names to " + ranked.get(0).label);
            return Optional.of(new Identification("ambiguous", null, 0.6, scores(both), reasons, Optional.empty()));
        }
        reasons.addAll(s.reasons);
        List<Scored> all = new ArrayList<>(List.of(s));
        ranked.stream().filter(r -> r.id != s.id).forEach(all::add);
        return Optional.of(done("matched", s, all, reasons, detail));
    }

    /**
     * Whether an issue's UPC (or one of its variants') is the scanned one: TRUE when the first 15 digits (or the 12 of
     * a short scan) agree, FALSE when the issue has a UPC that differs, null when the issue has none.
     */
    static Boolean upcAgrees(IssueDetail d, String upc) {
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

    private static Identification done(String status, Scored best, List<Scored> all, List<String> reasons,
                                       Optional<IssueDetail> detail) {
        return new Identification(status, best.id, confidence(best.score), scores(all), dedupe(reasons), detail);
    }

    private static List<String> dedupe(List<String> reasons) {
        return reasons.stream().distinct().toList();
    }

    private static List<Scored> rank(Map<Long, Scored> candidates) {
        return rank(new ArrayList<>(candidates.values()));
    }

    private static List<Scored> rank(List<Scored> candidates) {
        List<Scored> list = new ArrayList<>(candidates);
        list.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed().thenComparingLong(s -> s.id));
        return list;
    }

    private static List<CandidateScore> scores(List<Scored> scored) {
        return scored.stream().limit(10).map(s -> new CandidateScore(s.id, confidence(s.score), s.label)).toList();
    }

    /** A raw score (which may exceed 1 when much agrees) as a confidence, 0 to 0.99. */
    private static double confidence(double score) {
        return round(Math.max(0, Math.min(0.99, score)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String describe(NameHint h) {
        return h.source() + ": '" + h.series() + "' #" + (h.number().isBlank() ? "?" : h.number())
                + h.year().map(y -> " (" + y + ")").orElse("");
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

    /** A candidate being scored. */
    private static final class Scored {
        final long id;
        double score;
        final String label;
        final List<String> reasons = new ArrayList<>();
        String seriesName = "";
        String number;
        boolean coverDiffers;

        Scored(long id, double score, String label) {
            this.id = id;
            this.score = score;
            this.label = label;
        }
    }
}
