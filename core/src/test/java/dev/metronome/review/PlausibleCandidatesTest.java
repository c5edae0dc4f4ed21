package dev.metronome.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.corpus.LabelledArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The page offers every plausible candidate of an undecided file, not only the engine's: over a 30-file ambiguous
 * queue, the true issue is among the (at most nine) candidates of every file, while the engine's own lists lack it
 * for some (a {@code Batman TPB #1} read as the series {@code Batman}; a folder's earlier, wrong decision narrowing a
 * sibling to one series).
 */
class PlausibleCandidatesTest {

    @Test
    void theTrueIssueIsAmongTheCandidatesShownForEveryFileOfTheQueue(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 30, 3)) {
            List<String> missingFromEngine = new ArrayList<>();
            List<String> missingFromPage = new ArrayList<>();
            for (LabelledArchive file : f.files) {
                ReviewItem item = f.item(file);
                if (item.candidates().stream().noneMatch(c -> c.issueId() == file.trueIssueId())) {
                    missingFromEngine.add(file.path().getFileName().toString());
                }
                List<ReviewCandidate> shown = f.reviewer.candidates(item);
                assertThat(shown).hasSizeLessThanOrEqualTo(PlausibleCandidates.MAX);
                assertThat(shown).extracting(ReviewCandidate::issueId).doesNotHaveDuplicates();
                if (shown.stream().noneMatch(c -> c.issueId() == file.trueIssueId())) {
                    missingFromPage.add(file.path().getFileName() + " " + shown);
                }
            }
            System.out.printf("review candidates: the true issue is missing from the engine's list for %d of %d"
                    + " files, from the page's for %d%n", missingFromEngine.size(), f.files.size(),
                    missingFromPage.size());
            assertThat(missingFromEngine).as("the queue has files the engine's list misses").isNotEmpty();
            assertThat(missingFromPage).isEmpty();
        }
    }

    @Test
    void aSeriesWhoseWholeNameTheFileCarriesComesFirst() {
        ReviewCandidate batman = candidate(1, "Batman", 0.7);
        ReviewCandidate sixtySix = candidate(2, "Batman '66", 0.75);
        ReviewCandidate tpb = candidate(3, "Batman TPB", null);
        assertThat(PlausibleCandidates.merge("batman tpb #1.cbz", List.of(sixtySix, batman), List.of(tpb, batman)))
                .extracting(ReviewCandidate::issueId).containsExactly(3L, 1L, 2L);
        assertThat(PlausibleCandidates.merge("Batman 001.cbz", List.of(sixtySix, batman), List.of(tpb)))
                .extracting(ReviewCandidate::issueId).containsExactly(1L, 2L, 3L);
        assertThat(PlausibleCandidates.fit(Set.of("batman", "tpb"), "Batman TPB")).isEqualTo(2.0);
        assertThat(PlausibleCandidates.query("Batman.TPB.#003.(Zone-Empire).cbz", null)).hasValueSatisfying(q ->
                assertThat(q).isEqualTo(new PlausibleCandidates.Query("Batman TPB", "3")));
        assertThat(PlausibleCandidates.query("Saga.cbz", null)).isEmpty();
    }

    private static ReviewCandidate candidate(long id, String series, Double score) {
        return new ReviewCandidate(id, (int) id, series, 1, "", "1", null, score, null, null);
    }
}
