package dev.metronome.identify;

import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder-neighbours evidence path: the series the other files of a name turned out to be (in this folder, else
 * in this batch, or in this folder in earlier runs) stands for a file of that name, when its number (in its year) is
 * in that series. A dated name may lean on its neighbours anywhere; an undated one only in a series folder (see
 * {@link SeriesFolders}), and only for that very series name. A download folder proves nothing about an undated file.
 */
final class FolderNeighbours {

    private final MetronLookups lookups;
    private final SeriesMemory memory;
    private final SeriesFolders folders;

    FolderNeighbours(MetronLookups lookups, SeriesMemory memory, SeriesFolders folders) {
        this.lookups = lookups;
        this.memory = memory;
        this.folders = folders;
    }

    /**
     * Remembers what a matched archive turned out to be, under its series' name and under the similar names its
     * hints wrote.
     *
     * @param ev     the archive's evidence
     * @param detail the matched issue
     */
    void record(Evidence ev, IssueDetail detail) {
        if (detail.series() != null && detail.series().id() != null) {
            record(ev, detail.series().id(), detail.series().name());
        }
    }

    /**
     * Remembers that a matched archive is an issue of this series (a match decided from listings, without details).
     *
     * @param ev     the archive's evidence
     * @param series the Metron series
     * @param name   its name as Metron writes it
     */
    void record(Evidence ev, int series, String name) {
        memory.record(folderOf(ev), name, series);
        for (NameHint hint : ev.hints()) {
            if (SeriesNames.similarity(hint.series(), name) >= Scorer.MIN_NAME_SIMILARITY
                    && !SeriesNames.key(hint.series()).equals(SeriesNames.key(name))) {
                memory.record(folderOf(ev), hint.series(), series);
            }
        }
    }

    /**
     * A name not searched yet in this run, whose neighbours all resolved to one listed series that has this number in
     * this year (or at all, for a name without year): that issue, without a request. Empty when the neighbours do not
     * settle it: then the name is searched.
     *
     * @param hint what the archive says
     * @param ev   the archive's evidence
     * @return the one candidate, or empty
     */
    Optional<List<Candidate>> candidate(NameHint hint, Evidence ev) {
        List<String> words = SeriesNames.queryWords(hint.series());
        if (words.isEmpty() || lookups.searched(words) || !count(hint, ev)) {
            return Optional.empty();
        }
        String number = hint.metronNumber();
        Optional<SeriesMemory.Preferred> preferred = memory.preferred(folderOf(ev), List.of(hint.series()), id -> {
            if (!lookups.listed(id)) {
                return false;
            }
            Optional<IssueListItem> issue = lookups.issueInSeries(id, number, 0);
            return issue.isPresent() && fits(hint, issue.get());
        }, hint.undated());
        if (preferred.isEmpty()) {
            return Optional.empty();
        }
        IssueListItem item = lookups.issueInSeries(preferred.get().seriesId(), number, 0).orElseThrow();
        String seriesName = item.series() == null ? hint.series() : item.series().name();
        double similarity = SeriesNames.similarity(hint.series(), seriesName);
        if (similarity < Scorer.MIN_NAME_SIMILARITY) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        why.add("series '" + seriesName + "' (" + (item.series() == null ? "?" : item.series().yearBegan()) + ") "
                + (similarity >= 0.999 ? "by name" : "by a similar name") + " from the " + hint.source() + ", #"
                + number);
        why.add(describe(preferred.get()));
        Candidate c = Scorer.issue(hint, ev, item, Scorer.byNeighbours(hint, similarity), seriesName, why);
        c.seriesId = preferred.get().seriesId();
        return Optional.of(List.of(c));
    }

    /**
     * Of several same-named series found by a search, the one the other files of this name turned out to be, when it
     * has this number (in this year). Asks for that series' issue (it is then asked first).
     *
     * @param hint   what the archive says
     * @param ev     the archive's evidence
     * @param series the series still possible for the hint (two or more)
     * @return the preferred series, or empty
     */
    Optional<SeriesMemory.Preferred> among(NameHint hint, Evidence ev, List<SeriesListItem> series) {
        if (series.size() < 2 || !count(hint, ev)) {
            return Optional.empty();
        }
        Set<Integer> ids = series.stream().map(SeriesListItem::id).collect(Collectors.toSet());
        Optional<SeriesMemory.Preferred> preferred = memory.preferred(folderOf(ev), Stream.concat(
                Stream.of(hint.series()), series.stream().map(s -> SeriesNames.fromDisplay(s.series()))).toList(),
                ids::contains, hint.undated());
        if (preferred.isEmpty()) {
            return preferred;
        }
        int id = preferred.get().seriesId();
        SeriesListItem p = series.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        Optional<IssueListItem> issue = lookups.issueInSeries(id, hint.metronNumber(),
                p.issueCount() == null ? 0 : p.issueCount(), lookups.expected(hint.series()));
        return issue.isPresent() && fits(hint, issue.get()) ? preferred : Optional.empty();
    }

    /** The evidence line for a preferred series. */
    static String describe(SeriesMemory.Preferred p) {
        if (p.files() == 0) {
            return "the series of the other files of this name " + p.where() + ", identified in earlier runs";
        }
        return "the series of " + p.files() + " other file" + (p.files() == 1 ? "" : "s") + " of this name "
                + p.where();
    }

    /**
     * Whether the series the other files of this name turned out to be may count for this file: the hint gives its
     * number, and it is dated or its folder is a series folder of its name.
     */
    private boolean count(NameHint hint, Evidence ev) {
        return !hint.numberAssumed() && (!hint.undated() || folders.isSeriesFolder(folderOf(ev), hint.series()));
    }

    /**
     * Whether an issue of the series a hint's neighbours turned out to be may stand for the hint: it fits the hint's
     * start year, volume and cover year, and a name without a year names that very series (not just a similar one).
     */
    static boolean fits(NameHint hint, IssueListItem item) {
        if (item.series() == null) {
            return false;
        }
        boolean yearBegan = hint.yearBegan().isEmpty() || hint.yearBegan().get().equals(item.series().yearBegan());
        boolean volume = hint.volume().isEmpty() || hint.volume().get().equals(item.series().volume());
        boolean year = hint.year().isEmpty() || hint.yearBegan().isPresent() && hint.year().equals(hint.yearBegan())
                || item.coverDate() != null && item.coverDate().getYear() == hint.year().get();
        boolean sameName = !hint.undated()
                || SeriesNames.key(hint.series()).equals(SeriesNames.key(item.series().name()));
        return yearBegan && volume && year && sameName;
    }

    static Path folderOf(Evidence ev) {
        return ev.path() == null ? null : ev.path().toAbsolutePath().getParent();
    }
}
