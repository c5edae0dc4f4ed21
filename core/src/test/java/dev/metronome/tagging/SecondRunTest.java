package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A later run over the same files: an undecided file is not looked up again while nothing it rests on changed in
 * Metron, and is decided again as soon as something did (a candidate edited, a new neighbour in its folder).
 */
class SecondRunTest {

    private static final int OLD_SIX = 106;
    private static final int NEW_SIX = 206;
    private static final int NEW_TWENTY = 220;

    /** Two Uncanny X-Men volumes that both have a #6; #20 of the 2013 volume came out in 2015. */
    private static Catalogue catalogue() {
        return Catalogue.builder().publisher(1, "Marvel")
                .series(1, "Uncanny X-Men", 1963, 1, 1).series(2, "Uncanny X-Men", 2013, 3, 1)
                .issue(OLD_SIX, 1, "6", i -> i.put("cover_date", "1964-07-01"))
                .issue(NEW_SIX, 2, "6", i -> i.put("cover_date", "2013-08-01"))
                .issue(NEW_TWENTY, 2, "20", i -> i.put("cover_date", "2015-04-01"))
                .build();
    }

    private static RunReport run(Metronome engine, Path dir) {
        return engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null).run(List.of(dir));
    }

    private static FileReport only(RunReport report, String name) {
        return report.files().stream().filter(f -> f.path().endsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void anUndecidedFileCostsNothingUntilMetronOrItsFolderChanges(@TempDir Path dir) throws Exception {
        Catalogue catalogue = catalogue();
        Path library = dir.resolve("library");
        ArchiveBuilder.cbz().randomPages(3, 64, 1).writeTo(library.resolve("Uncanny X-Men 006.cbz"));
        try (CorpusRun fake = new CorpusRun(catalogue); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            FileReport first = only(run(engine, library), "Uncanny X-Men 006.cbz");
            assertThat(first.status()).isEqualTo(FileReport.AMBIGUOUS);
            assertThat(first.candidates()).extracting(CandidateScore::issueId).contains((long) OLD_SIX,
                    (long) NEW_SIX);

            // nothing changed: one modified_gt query, and the same outcome
            fake.advance(Duration.ofHours(1));
            int before = fake.log().size();
            FileReport second = only(run(engine, library), "Uncanny X-Men 006.cbz");
            List<String> sent = fake.log().subList(before, fake.log().size()).stream()
                    .map(e -> e.pathAndQuery()).toList();
            assertThat(sent).singleElement().asString().contains("modified_gt=");
            assertThat(second.status()).isEqualTo(FileReport.AMBIGUOUS);
            assertThat(second.candidates()).isEqualTo(first.candidates());
            assertThat(second.evidence()).anyMatch(r -> r.contains("undecided in an earlier run"));

            // a candidate was edited in Metron: the file is looked at again
            fake.advance(Duration.ofHours(1));
            catalogue.touch(NEW_SIX, fake.clock.instant());
            fake.advance(Duration.ofHours(1));
            before = fake.log().size();
            FileReport third = only(run(engine, library), "Uncanny X-Men 006.cbz");
            assertThat(fake.log().size() - before).isGreaterThan(1);
            assertThat(third.status()).isEqualTo(FileReport.AMBIGUOUS);
            assertThat(third.evidence()).noneMatch(r -> r.contains("undecided in an earlier run"));

            // a dated neighbour of the 2013 volume arrives in its folder: now it is decided, as that volume
            ArchiveBuilder.cbz().randomPages(3, 64, 2).writeTo(library.resolve("Uncanny X-Men 020 (2015).cbz"));
            fake.advance(Duration.ofHours(1));
            RunReport fourth = run(engine, library);
            assertThat(only(fourth, "Uncanny X-Men 020 (2015).cbz").issueId()).isEqualTo(NEW_TWENTY);
            FileReport six = only(fourth, "Uncanny X-Men 006.cbz");
            assertThat(six.status()).isEqualTo(FileReport.MATCHED);
            assertThat(six.issueId()).isEqualTo(NEW_SIX);
            assertThat(six.evidence()).anyMatch(r -> r.contains("other file of this name in this folder"));
        }
    }

    @Test
    void aFileAddedLaterToAFolderIsReadAsTheSeriesItsFolderWasInEarlierRuns(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("library");
        ArchiveBuilder.cbz().randomPages(3, 64, 2).writeTo(library.resolve("Uncanny X-Men 020 (2015).cbz"));
        try (CorpusRun fake = new CorpusRun(catalogue()); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            assertThat(only(run(engine, library), "Uncanny X-Men 020 (2015).cbz").issueId()).isEqualTo(NEW_TWENTY);

            Path added = ArchiveBuilder.cbz().randomPages(3, 64, 1).writeTo(library.resolve("Uncanny X-Men 006.cbz"));
            fake.advance(Duration.ofHours(1));
            FileReport six = only(run(engine, added), "Uncanny X-Men 006.cbz");
            assertThat(six.status()).isEqualTo(FileReport.MATCHED);
            assertThat(six.issueId()).isEqualTo(NEW_SIX);
            assertThat(six.evidence()).anyMatch(r -> r.contains("in this folder, identified in earlier runs"));
        }
        // the same file with no history of its folder: two volumes have a #6
        try (CorpusRun fake = new CorpusRun(catalogue()); Metronome engine = fake.engine(dir.resolve("other"), 1)) {
            FileReport six = only(run(engine, library.resolve("Uncanny X-Men 006.cbz")), "Uncanny X-Men 006.cbz");
            assertThat(six.status()).isEqualTo(FileReport.AMBIGUOUS);
        }
    }

    @Test
    void aCb7ThatCannotBeWrittenCostsNoIssueDetailOnTheFirstTagRunNorOnTheNext(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("Uncanny X-Men (2013)");
        ArchiveBuilder.cb7().randomPages(3, 64, 3).writeTo(library.resolve("Uncanny X-Men 020 (2015).cb7"));
        try (CorpusRun fake = new CorpusRun(catalogue()); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            RunReport first = engine.newRun(TaggingOptions.defaults(), null).run(List.of(library));
            FileReport cb7 = only(first, "Uncanny X-Men 020 (2015).cb7");
            assertThat(cb7.status()).isEqualTo(FileReport.ERROR);
            assertThat(cb7.issueId()).isEqualTo(NEW_TWENTY);
            assertThat(cb7.error()).contains("--convert");

            // the same file again: the issue remembered for its pages, Metron unchanged, still nothing to write
            fake.advance(Duration.ofHours(1));
            FileReport again = only(engine.newRun(TaggingOptions.defaults(), null).run(List.of(library)),
                    "Uncanny X-Men 020 (2015).cb7");
            assertThat(again.status()).isEqualTo(FileReport.ERROR);
            assertThat(again.issueId()).isEqualTo(NEW_TWENTY);
            assertThat(fake.log()).extracting(e -> e.pathAndQuery()).noneMatch(q -> q.matches("/api/issue/\\d+/"));
        }
    }
}
