package dev.metronome.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.fixtures.corpus.DemoLibrary;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.tagging.CorpusRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The {@link dev.metronome.api.Tagger} facade a host calls one file at a time. */
class MetronomeTaggerTest {

    @Test
    void identifyTagAndMetadataOneFileAtATime(@TempDir Path dir) {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        LabelledArchive withId = demo.stream().filter(a -> a.kind().equals("METRON_ID")).findFirst().orElseThrow();
        LabelledArchive ambiguous = demo.stream().filter(LabelledArchive::undecidable).findFirst().orElseThrow();
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            Decision decision = engine.identify(withId.path());
            assertThat(decision.status()).isEqualTo(Decision.Status.MATCHED);
            assertThat(decision.issueId()).isEqualTo(withId.trueIssueId());
            assertThat(engine.identify(ambiguous.path()).status()).isEqualTo(Decision.Status.AMBIGUOUS);

            int before = fake.log().size();
            FileResult tagged = engine.tag(ambiguous.path(), TagOptions.forIssue(ambiguous.trueIssueId()));
            assertThat(tagged.outcome()).isEqualTo(FileResult.Outcome.TAGGED);
            assertThat(tagged.issueId()).isEqualTo(ambiguous.trueIssueId());
            // one detail request, no sync query for a single-file call
            assertThat(fake.log().subList(before, fake.log().size()))
                    .allSatisfy(e -> assertThat(e.pathAndQuery()).doesNotContain("modified_gt"));

            assertThat(engine.metadata(withId.trueIssueId()).number().raw()).isNotBlank();
            assertThatThrownBy(() -> engine.metadata(999_999_999L)).isInstanceOf(IllegalArgumentException.class);
            assertThat(engine.budget().burstRemaining()).isPresent();
            assertThat(engine.requestStats().total()).isEqualTo(fake.log().size());
        }
    }

    @Test
    void aLongLivedHostRenewsWhatItLearnedOfMetronDaily(@TempDir Path dir) {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        LabelledArchive ambiguous = demo.stream().filter(LabelledArchive::undecidable).findFirst().orElseThrow();
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            engine.identify(ambiguous.path());
            int afterFirst = fake.log().size();
            engine.identify(ambiguous.path());
            assertThat(fake.log().size()).as("memoised within the day").isEqualTo(afterFirst);

            fake.advance(java.time.Duration.ofHours(23));
            engine.identify(ambiguous.path());
            assertThat(fake.log().size()).as("still the same day").isEqualTo(afterFirst);

            fake.advance(java.time.Duration.ofHours(2));
            engine.identify(ambiguous.path());
            List<String> renewed = fake.log().subList(afterFirst, fake.log().size()).stream()
                    .map(e -> e.pathAndQuery()).toList();
            assertThat(renewed).as("after a day: asked again, what it had memoised").isNotEmpty();

            int afterRenewal = fake.log().size();
            fake.advance(java.time.Duration.ofHours(25));
            engine.identify(ambiguous.path());
            assertThat(fake.log().subList(afterRenewal, fake.log().size()))
                    .anySatisfy(e -> assertThat(e.pathAndQuery()).contains("modified_gt"));
        }
    }
}
