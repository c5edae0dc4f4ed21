package dev.metronome.identify;

import dev.metronome.coverhash.CoverHash;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import dev.metronome.metron.model.SeriesRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring and deciding rules alone, on hand-made candidates: no server, no archive. */
class ScorerTest {

    private static final CoverHash COVER = CoverHash.parse("ee3983e43987a586");

    private static SeriesListItem series(int id, String name, int began, Integer end, Integer volume) {
        return new SeriesListItem(id, name + " (" + began + ")", volume, began, end, 12, null);
    }

    private static IssueListItem issue(int id, String number, String coverDate, String coverHash) {
        return new IssueListItem(id, new SeriesRef(1, "Saga", 1, 2012), number, "", LocalDate.parse(coverDate),
                null, null, coverHash, null);
    }

    private static NameHint hint(String series, String number, Integer year, Integer yearBegan) {
        return new NameHint("file name", series, number, Optional.ofNullable(year), Optional.empty(),
                Optional.ofNullable(yearBegan));
    }

    private static Evidence withCover(CoverHash cover) {
        return new Evidence(Path.of("Saga 001.cbz"), "f", List.of(), "", Optional.empty(), List.of(),
                Optional.ofNullable(cover), "", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static Candidate candidate(long id, double score) {
        return new Candidate(id, score, "#" + id);
    }

    @Test
    void aSeriesIsWeighedByNameStartYearCoverYearAndVolume() {
        Scorer.SeriesFit exact = Scorer.series(hint("Saga", "1", 2012, 2012), series(1, "Saga", 2012, null, 1), false)
                .orElseThrow();
        assertThat(exact.score()).isCloseTo(1.2, within(1e-9));
        assertThat(exact.why()).isEqualTo("by name and start year");
        // another start year, and a cover year after the series ended
        Scorer.SeriesFit other = Scorer.series(hint("Saga", "1", 2012, 2012), series(2, "Saga", 1990, 1991, 1), false)
                .orElseThrow();
        assertThat(other.score()).isLessThan(Scorer.ACCEPT - 0.5);
        // a December release dated for the next January still fits a series that began the year after
        assertThat(Scorer.series(hint("Saga", "1", 2011, null), series(1, "Saga", 2012, null, 1), false)
                .orElseThrow().why()).isEqualTo("by name and year");
        assertThat(Scorer.series(hint("Saga", "1", null, null), series(3, "Superman", 2012, null, 1), false))
                .isEmpty();
        assertThat(Scorer.series(hint("TMNT", "1", null, null), series(4, "Teenage Mutant Ninja Turtles", 1984, null,
                1), true).orElseThrow().score()).isEqualTo(Scorer.ALTERNATIVE_NAME);
    }

    @Test
    void aCoverThatIsAnotherPictureKeepsNamesBelowAcceptance() {
        NameHint hint = hint("Saga", "1", 2012, null);
        Candidate same = Scorer.issue(hint, withCover(COVER), issue(11, "1", "2012-03-01", COVER.hex()), 1.05, "Saga",
                new ArrayList<>());
        assertThat(same.score).isCloseTo(1.05 + 0.1 + 0.25, within(1e-9));
        assertThat(same.coverDiffers).isFalse();
        assertThat(same.reasons).contains("cover hash distance 0");

        Candidate other = Scorer.issue(hint, withCover(new CoverHash(~COVER.bits())),
                issue(11, "1", "2012-03-01", COVER.hex()), 1.05, "Saga", new ArrayList<>());
        assertThat(other.coverDiffers).isTrue();
        assertThat(other.score).isLessThan(Scorer.ACCEPT);
        assertThat(other.reasons).contains("cover differs (hash distance 64)");
    }

    @Test
    void aWrongCoverYearOrAMissingNumberCosts() {
        Candidate offByTwo = Scorer.issue(hint("Saga", "1", 2014, null), withCover(null),
                issue(11, "1", "2012-03-01", ""), 1.0, "Saga", new ArrayList<>());
        assertThat(offByTwo.score).isCloseTo(0.7, within(1e-9));
        assertThat(offByTwo.reasons).containsExactly("cover year 2012 differs from 2014");
        Candidate assumed = Scorer.issue(hint("Saga", "", null, null), withCover(null),
                issue(11, "1", "2012-03-01", ""), 1.0, "Saga", new ArrayList<>());
        assertThat(assumed.score).isCloseTo(0.9, within(1e-9));
        assertThat(assumed.number).isEqualTo("1");
    }

    @Test
    void theBestMustReachAcceptanceAndLeadByTheMargin() {
        assertThat(Scorer.decisive(List.of())).isFalse();
        assertThat(Scorer.decisive(List.of(candidate(1, 0.8)))).isTrue();
        assertThat(Scorer.decisive(List.of(candidate(1, 0.79)))).isFalse();
        assertThat(Scorer.decisive(Scorer.rank(List.of(candidate(2, 0.8), candidate(1, 0.96))))).isTrue();
        assertThat(Scorer.decisive(Scorer.rank(List.of(candidate(2, 0.9), candidate(1, 1.0))))).isFalse();
        // equal scores rank by id, so two runs agree
        assertThat(Scorer.rank(List.of(candidate(9, 0.5), candidate(3, 0.5))).get(0).id).isEqualTo(3);
    }

    @Test
    void sourcesThatAgreeAddUpAndSourcesThatConflictCapEveryone() {
        Map<Long, Candidate> merged = new LinkedHashMap<>();
        Scorer.merge(merged, List.of(candidate(1, 0.9), candidate(2, 0.5)), "ComicInfo.xml");
        Scorer.merge(merged, List.of(candidate(1, 0.85)), "file name");
        assertThat(merged.get(1L).score).isCloseTo(0.95, within(1e-9));
        assertThat(merged.get(1L).reasons).containsExactly("also by the file name");

        Scorer.capUnsure(merged.values(), false);
        assertThat(merged.get(1L).score).isCloseTo(0.95, within(1e-9));
        Scorer.capUnsure(merged.values(), true);
        assertThat(merged.values()).allSatisfy(c -> assertThat(c.score).isLessThan(Scorer.ACCEPT));
    }

    @Test
    void undecidedIsNeverAMatchAndSaysWhy() {
        List<String> reasons = new ArrayList<>();
        Identification none = Scorer.undecided(List.of(), true, reasons);
        assertThat(none.status()).isEqualTo("no-match");
        assertThat(reasons).containsExactly("no id, UPC, series or number found in the archive or its name");

        reasons.clear();
        Identification close = Scorer.undecided(Scorer.rank(List.of(candidate(1, 1.2), candidate(2, 1.1))), false,
                reasons);
        assertThat(close.status()).isEqualTo("ambiguous");
        assertThat(close.matched()).isFalse();
        assertThat(close.confidence()).isLessThan(Scorer.ACCEPT);
        assertThat(reasons).contains("2 candidates too close to call");
    }

    @Test
    void aConfidenceIsTheScoreCutToZeroToNinetyNine() {
        assertThat(Scorer.confidence(1.4)).isEqualTo(0.99);
        assertThat(Scorer.confidence(-0.2)).isZero();
        assertThat(Scorer.confidence(0.81234)).isEqualTo(0.812);
        Candidate best = candidate(5, 1.3);
        Identification matched = Scorer.matched(best, List.of(best), new ArrayList<>(List.of("a", "a", "b")),
                Optional.empty());
        assertThat(matched.confidence()).isEqualTo(0.99);
        assertThat(matched.reasons()).containsExactly("a", "b");
    }

    /** Found by the review corpus: "batman 003.cbz" with a variant cover went to Batman (1940) #3 at 0.99. */
    @Test
    void aCoverThatMatchesNoneOfTheSameNamedVolumesCannotChooseOneByElimination() {
        NameHint undated = hint("Batman", "3", null, null);
        Evidence variant = withCover(COVER);
        String nowhereNear = new CoverHash(COVER.bits() ^ 0xFFFFFFFFFFL).hex(); // 40 bits away: differs
        String saysNothing = new CoverHash(COVER.bits() ^ 0x7FFFFL).hex(); // 19 bits away: neither same nor other
        String same = new CoverHash(COVER.bits() ^ 0x7L).hex(); // 3 bits away: the same cover

        List<Candidate> tie = Scorer.rank(List.of(
                Scorer.issue(undated, variant, issue(1940, "3", "1940-06-01", saysNothing), 1.0, "Batman",
                        new ArrayList<>()),
                Scorer.issue(undated, variant, issue(2011, "3", "2012-01-01", nowhereNear), 1.0, "Batman",
                        new ArrayList<>()),
                Scorer.issue(undated, variant, issue(2016, "3", "2016-08-01", nowhereNear), 1.0, "Batman",
                        new ArrayList<>())));
        assertThat(tie.get(0).id).isEqualTo(1940);
        assertThat(tie.get(0).score - tie.get(1).score).isGreaterThanOrEqualTo(Scorer.MARGIN);
        assertThat(Scorer.decisive(tie)).as("a lead won only by the others' covers differing").isFalse();
        List<String> reasons = new ArrayList<>();
        Identification answer = Scorer.undecided(tie, false, reasons);
        assertThat(answer.confidence()).isLessThan(Scorer.ACCEPT);
        assertThat(reasons).contains("the cover is none of the candidates' and the names fit 3 issues");

        // the cover itself confirms one volume: decided
        List<Candidate> confirmed = Scorer.rank(List.of(
                Scorer.issue(undated, variant, issue(1940, "3", "1940-06-01", same), 1.0, "Batman", new ArrayList<>()),
                Scorer.issue(undated, variant, issue(2011, "3", "2012-01-01", nowhereNear), 1.0, "Batman",
                        new ArrayList<>())));
        assertThat(Scorer.decisive(confirmed)).isTrue();

        // the names already prefer one (its year is in the name): the others' covers only add to that
        NameHint dated = hint("Batman", "3", 1940, null);
        List<Candidate> byYear = Scorer.rank(List.of(
                Scorer.issue(dated, variant, issue(1940, "3", "1940-06-01", saysNothing), 1.0, "Batman",
                        new ArrayList<>()),
                Scorer.issue(dated, variant, issue(2011, "3", "2012-01-01", nowhereNear), 1.0, "Batman",
                        new ArrayList<>())));
        assertThat(Scorer.decisive(byYear)).isTrue();
    }
}
