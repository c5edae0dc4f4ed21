package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code identify} writes nothing, so it fetches no issue details unless asked ({@code --details}): a match by
 * names is reported from the listing that found it. {@code tag} fetches them, since it writes them.
 */
class IdentifyDetailsTest {

    /** Two series with a few issues each; a folder of each. */
    private static Catalogue catalogue() {
        return Catalogue.builder().publisher(2, "Image")
                .series(201, "Saga", 2012, 1, 2).series(401, "Invincible", 2003, 1, 2)
                .issue(3001, 201, "1", i -> i.put("cover_date", "2012-03-01").put("title", "Chapter One"))
                .issue(3002, 201, "2", i -> i.put("cover_date", "2012-04-01"))
                .issue(5001, 401, "1", i -> i.put("cover_date", "2003-01-01"))
                .issue(5002, 401, "2", i -> i.put("cover_date", "2003-02-01"))
                .build();
    }

    private static Path library(Path dir) throws Exception {
        Path library = dir.resolve("library");
        ArchiveBuilder.cbz().randomPages(2, 32, 1).writeTo(library.resolve("Saga/Saga 001 (2012).cbz"));
        ArchiveBuilder.cbz().randomPages(2, 32, 2).writeTo(library.resolve("Saga/Saga 002 (2012).cbz"));
        ArchiveBuilder.cbz().randomPages(2, 32, 3).writeTo(library.resolve("Invincible/Invincible 001.cbz"));
        ArchiveBuilder.cbz().randomPages(2, 32, 4).writeTo(library.resolve("Invincible/Invincible 002.cbz"));
        return library;
    }

    /** Runs once with an empty cache; the paths of the detail requests ({@code issue/N/}) sent. */
    private static List<String> detailRequests(Path dir, UnaryOperator<TaggingOptions> options, RunReport[] report)
            throws Exception {
        Path library = library(dir);
        try (CorpusRun fake = new CorpusRun(catalogue()); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            report[0] = engine.newRun(options.apply(TaggingOptions.defaults().withJobs(1)), null).run(List.of(library));
            return fake.log().stream().map(e -> e.pathAndQuery()).filter(p -> p.matches("/api/issue/\\d+/")).toList();
        }
    }

    @Test
    void identifyReportsMatchesFromTheListingsWithoutDetails(@TempDir Path dir) throws Exception {
        RunReport[] report = new RunReport[1];
        List<String> details = detailRequests(dir, o -> o.withIdentifyOnly(true), report);
        assertThat(report[0].files()).hasSize(4).allSatisfy(f -> {
            assertThat(f.status()).as(f.path() + " " + f.evidence()).isEqualTo(FileReport.MATCHED);
            assertThat(f.evidence()).noneMatch(e -> e.startsWith("details: "));
        });
        assertThat(report[0].files()).extracting(FileReport::issueId).containsExactlyInAnyOrder(3001L, 3002L, 5001L,
                5002L);
        assertThat(details).isEmpty();
    }

    @Test
    void identifyWithDetailsFetchesEachMatchedIssueOnceAndShowsIt(@TempDir Path dir) throws Exception {
        RunReport[] report = new RunReport[1];
        List<String> details = detailRequests(dir, o -> o.withIdentifyOnly(true).withDetails(true), report);
        assertThat(details).containsExactlyInAnyOrder("/api/issue/3001/", "/api/issue/3002/", "/api/issue/5001/",
                "/api/issue/5002/");
        FileReport first = report[0].files().stream().filter(f -> f.path().endsWith("Saga 001 (2012).cbz"))
                .findFirst().orElseThrow();
        assertThat(first.evidence()).contains("details: Saga (2012) #1 'Chapter One', Image, cover date 2012-03-01");
    }

    @Test
    void tagStillFetchesTheDetailsItWrites(@TempDir Path dir) throws Exception {
        RunReport[] report = new RunReport[1];
        List<String> details = detailRequests(dir, o -> o, report);
        assertThat(report[0].files()).allSatisfy(f -> assertThat(f.written()).isTrue());
        assertThat(details).hasSize(4).doesNotHaveDuplicates();
    }
}
