package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A file named by a series' alternative name ({@code TMNT}, {@code Marvelman}) finds the series. */
class AlternativeNamesTest {

    @Test
    void aSeriesIsFoundByItsAlternativeNameWhenNoSeriesIsCalledSo(@TempDir Path dir) throws Exception {
        Catalogue catalogue = Catalogue.builder().publisher(1, "IDW")
                .series(1, "Teenage Mutant Ninja Turtles", 2011, 1, 1)
                .series(2, "Teenage Mutant Ninja Turtles Universe", 2016, 1, 1)
                .issue(112, 1, "12", i -> i.put("cover_date", "2012-08-01"))
                .issue(212, 2, "12", i -> i.put("cover_date", "2017-08-01"))
                .build();
        catalogue.seriesById(1).orElseThrow().withArray("alt_names").add("TMNT");
        Path file = ArchiveBuilder.cbz().randomPages(3, 64, 1).writeTo(dir.resolve("in").resolve("TMNT 012 (2012).cbz"));
        try (CorpusRun fake = new CorpusRun(catalogue); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            FileReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(file)).files().get(0);
            assertThat(report.status()).isEqualTo(FileReport.MATCHED);
            assertThat(report.issueId()).isEqualTo(112L);
            assertThat(report.evidence()).anyMatch(r -> r.contains("by an alternative name"));
            assertThat(fake.log()).extracting(e -> e.pathAndQuery())
                    .contains("/api/series/?name=tmnt", "/api/series/?alt_names=tmnt");
        }
    }
}
