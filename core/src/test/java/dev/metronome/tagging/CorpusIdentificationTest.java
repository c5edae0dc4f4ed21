package dev.metronome.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.CorpusGenerator;
import dev.metronome.fixtures.corpus.LabelledArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small labelled corpus against the fake Metron server: accuracy, the request budget of a first run with an empty
 * cache, the cost of a second run, and the rate limit.
 */
class CorpusIdentificationTest {

    @Test
    void smallCorpusIsIdentifiedAccuratelyAndCheaply(@TempDir Path dir) {
        List<LabelledArchive> corpus = CorpusGenerator.generate(dir.resolve("corpus"), 60, 7L);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 2)) {
            RunReport first = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withJobs(2), null)
                    .run(List.of(dir.resolve("corpus")));
            CorpusRun.Score score = CorpusRun.score(corpus, first);
            System.out.println("first run: " + score.line());
            System.out.println("  requests: " + first.summary().requests());
            CorpusRun.misses(corpus, first).forEach(m -> System.out.println("  miss: " + m));
            fake.log().stream().map(e -> e.pathAndQuery()).filter(q -> !q.matches("/api/issue/\\d+/"))
                    .forEach(q -> System.out.println("  > " + q));

            assertThat(score.files()).isEqualTo(60);
            assertThat(score.wrong()).isEmpty();
            assertThat(score.precision()).isGreaterThanOrEqualTo(0.995);
            assertThat(score.recall()).isGreaterThanOrEqualTo(0.95);
            assertThat(score.decidableRecall()).isGreaterThanOrEqualTo(0.95);
            // a 60-file corpus holds ~4 series runs, so the per-series requests weigh more than on the full corpus
            // (CorpusAccuracyBenchmark); identify fetches no details (it writes nothing), so what a file costs is
            // its series' listing, shared, plus one number lookup for an undated name in the download folder (its
            // neighbours there prove nothing; its cover decides) and a UPC or id lookup where the name says nothing
            assertThat(score.requestsPerFile()).isLessThanOrEqualTo(1.3);
            assertThat(fake.sentWhileExhausted()).isZero();

            // the second run over the same, unchanged files: one modified_gt query, nothing per file
            fake.advance(Duration.ofHours(1));
            int logged = fake.log().size();
            RunReport second = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withJobs(2), null)
                    .run(List.of(dir.resolve("corpus")));
            CorpusRun.Score again = CorpusRun.score(corpus, second);
            System.out.println("second run: " + again.line());
            assertThat(again.correct()).isGreaterThanOrEqualTo(score.correct());
            assertThat(again.wrong()).isEmpty();
            // one modified_gt query in all: matched files are remembered by their pages, undecided ones by their
            // evidence, and nothing changed in Metron since
            List<String> sent = fake.log().subList(logged, fake.log().size()).stream()
                    .map(e -> e.pathAndQuery()).toList();
            assertThat(sent).singleElement().asString().contains("modified_gt=");
            assertThat(again.matched()).isEqualTo(score.matched());
        }
    }
}
