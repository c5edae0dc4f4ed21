package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code Series (Year)} folder: one listing when the year is the start year, a search when it is not. */
class StartYearFolderTest {

    private static Catalogue catalogue() {
        return Catalogue.builder().publisher(1, "Marvel")
                .series(1, "Uncanny X-Men", 1963, 1, 1).series(2, "Uncanny X-Men", 2013, 3, 1)
                .issue(104, 1, "4", i -> i.put("cover_date", "1964-03-01"))
                .issue(204, 2, "4", i -> i.put("cover_date", "2013-06-01"))
                .build();
    }

    /** Identifies one archive filed as {@code Uncanny X-Men (2013)/NAME}; the requests sent go to {@code sent}. */
    private static FileReport identify(Path dir, String name, List<String> sent) throws java.io.IOException {
        Path file = ArchiveBuilder.cbz().randomPages(2, 64, name.hashCode())
                .writeTo(dir.resolve("Uncanny X-Men (2013)").resolve(name));
        try (CorpusRun fake = new CorpusRun(catalogue()); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            FileReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(file)).files().get(0);
            fake.log().forEach(e -> sent.add(e.pathAndQuery()));
            return report;
        }
    }

    @Test
    void theStartYearFindsTheSeriesAndItsIssuesInOneRequest(@TempDir Path dir) throws Exception {
        List<String> sent = new java.util.ArrayList<>();
        FileReport report = identify(dir, "Uncanny X-Men 004 (2013).cbz", sent);
        assertThat(report.issueId()).isEqualTo(204L);
        assertThat(sent).containsExactly("/api/issue/?series_name=uncanny+x+men&series_year_began=2013");
    }

    @Test
    void aFolderYearThatIsNotTheStartYearFallsBackToASearch(@TempDir Path dir) throws Exception {
        // filed under the newer volume's folder, but the name says 1964: the 1963 volume's #4
        List<String> sent = new java.util.ArrayList<>();
        FileReport report = identify(dir, "Uncanny X-Men 004 (1964).cbz", sent);
        assertThat(report.status()).as(report.evidence().toString()).isEqualTo(FileReport.MATCHED);
        assertThat(report.issueId()).isEqualTo(104L);
        assertThat(sent).contains("/api/issue/?series_name=uncanny+x+men&series_year_began=2013",
                "/api/series/?name=uncanny+x+men");
    }

    @Test
    void aListingIsNotTakenForASearchByAMisspeltNameOfAnotherVolume(@TempDir Path dir) throws Exception {
        // the 2013 folder lists only the 2013 volume; a misspelt name of the 2012 volume's #4 must not settle for it
        Catalogue catalogue = Catalogue.builder().publisher(1, "Marvel")
                .series(2, "Uncanny X-Men", 2013, 3, 1).series(3, "Uncanny X-Men", 2012, 2, 1)
                .issue(204, 2, "4", i -> i.put("cover_date", "2013-06-01"))
                .issue(304, 3, "4", i -> i.put("cover_date", "2012-12-01"))
                .build();
        ArchiveBuilder.cbz().randomPages(2, 64, 1)
                .writeTo(dir.resolve("lib").resolve("Uncanny X-Men (2013)").resolve("Uncanny X-Men 004 (2013).cbz"));
        ArchiveBuilder.cbz().randomPages(2, 64, 2)
                .writeTo(dir.resolve("lib").resolve("incoming").resolve("Uncnany X-Men 004 (2012).cbz"));
        try (CorpusRun fake = new CorpusRun(catalogue); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            RunReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(dir.resolve("lib")));
            FileReport typo = report.files().stream().filter(f -> f.path().endsWith("Uncnany X-Men 004 (2012).cbz"))
                    .findFirst().orElseThrow();
            assertThat(typo.issueId()).as(typo.evidence().toString()).isNotEqualTo(204L);
            assertThat(typo.issueId()).isEqualTo(304L);
        }
    }
}
