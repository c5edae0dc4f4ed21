package dev.metronome.identify;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.CoverRenderer;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.IssueCovers;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three files of issue #13, against the bundled catalogue: two undated names in a download folder that mixes
 * series (three Superman volumes have a #4, two Action Comics volumes a #14) stay ambiguous whatever the other files
 * of the folder turned out to be, and a dotted name with two numbers is read both ways and decided by its cover.
 */
class NamedHardCasesTest {

    private static final String USER = "hard";
    private static final String PASSWORD = "hard-cases-123";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static FakeMetronServer server;

    @BeforeAll
    static void start() {
        server = FakeMetronServer.builder().clock(CLOCK).account(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static MetronSettings settings() {
        return MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()));
    }

    private static Identifier identifier() {
        MetronClient client = MetronClient.builder().settings(settings())
                .credentials(MetronCredentials.basic(USER, PASSWORD)).clock(CLOCK).sleeper(CLOCK::advance).build();
        return new Identifier(new MetronLookups(() -> client, null, URI.create(server.baseUrl())));
    }

    /** Names-only evidence for a file (no cover, no metadata), as its name parses. */
    private static Evidence named(Path file, String series, String number, Integer year) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        NameHint hint = new NameHint("file name", series, number, Optional.ofNullable(year), Optional.empty(),
                Optional.empty());
        return new Evidence(file, "fp-" + file.getFileName(), List.of(), "", Optional.empty(), List.of(hint),
                Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static long seriesIdOf(long issueId) {
        return Catalogue.bundled().issue((int) issueId).orElseThrow().path("series").path("id").asLong();
    }

    /** Identifies dated files of one series in a folder, each checked to land in that series. */
    private static void identifyDated(Identifier identifier, Path folder, String series, int year, long seriesId,
                                      int... numbers) throws IOException {
        for (int n : numbers) {
            String file = String.format(java.util.Locale.ROOT, "%s %03d (%d).cbz", series, n, year);
            Identification dated = identifier.identify(named(folder.resolve(file), series, Integer.toString(n), year));
            assertThat(dated.matched()).as(dated.reasons().toString()).isTrue();
            assertThat(seriesIdOf(dated.issueId())).isEqualTo(seriesId);
        }
    }

    @Test
    void anUndatedSupermanInADownloadFolderThatMixesSeriesStaysAmbiguous(@TempDir Path dir) throws IOException {
        Path downloads = dir.resolve("Downloads");
        Identifier identifier = identifier();
        identifyDated(identifier, downloads, "Superman", 1939, 50096, 1, 2, 3);
        identifier.identify(named(downloads.resolve("Action Comics 010 (2012).cbz"), "Action Comics", "10", 2012));
        Identification undated = identifier.identify(named(downloads.resolve("Superman 004.cbz"), "Superman", "4",
                null));
        assertThat(undated.status()).as(undated.reasons().toString()).isEqualTo("ambiguous");
        assertThat(undated.confidence()).isLessThan(Identifier.ACCEPT);
        assertThat(undated.candidates()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void anUndatedActionComicsInADownloadFolderThatMixesSeriesStaysAmbiguous(@TempDir Path dir) throws IOException {
        Path downloads = dir.resolve("Downloads");
        Identifier identifier = identifier();
        identifyDated(identifier, downloads, "Action Comics", 1939, 50001, 10, 11, 12, 13);
        identifier.identify(named(downloads.resolve("Superman 001 (1939).cbz"), "Superman", "1", 1939));
        Identification undated = identifier.identify(named(downloads.resolve("Action Comics 014.cbz"),
                "Action Comics", "14", null));
        assertThat(undated.status()).as(undated.reasons().toString()).isEqualTo("ambiguous");
        assertThat(undated.candidates()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void inASeriesFolderTheOtherFilesStillDecideAnUndatedName(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("Comics");
        Identifier identifier = identifier();
        identifyDated(identifier, folder, "Action Comics", 1939, 50001, 10, 11, 12, 13);
        Identification undated = identifier.identify(named(folder.resolve("Action Comics 014.cbz"), "Action Comics",
                "14", null));
        assertThat(undated.matched()).as(undated.reasons().toString()).isTrue();
        assertThat(seriesIdOf(undated.issueId())).isEqualTo(50001);
    }

    @Test
    void aDottedNameWithTwoNumbersIsReadBothWaysAndItsCoverDecides(@TempDir Path dir) throws IOException {
        var truth = Catalogue.bundled().issue(512082).orElseThrow(); // Batman Beyond 2.0 (2013) #40, May 2016
        Path right = ArchiveBuilder.cbz().page("001.jpg", IssueCovers.jpeg(IssueCovers.cover(truth)))
                .page("002.png", CoverRenderer.png(CoverRenderer.cover(30, 45, 7L)))
                .writeTo(dir.resolve("withCover/Batman.Beyond.2.0.040.2016.cbz"));
        Path blind = ArchiveBuilder.cbz().page("001.png", CoverRenderer.png(CoverRenderer.cover(60, 90, 3L)))
                .page("002.png", CoverRenderer.png(CoverRenderer.cover(30, 45, 7L)))
                .writeTo(dir.resolve("noCover/Batman.Beyond.2.0.040.2016.cbz"));
        try (Metronome engine = Metronome.builder().settings(settings())
                .credentials(MetronCredentials.basic(USER, PASSWORD)).clock(CLOCK).sleeper(CLOCK::advance).jobs(1)
                .build()) {
            RunReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withJobs(1), null)
                    .run(List.of(right, blind));
            FileReport withCover = report.files().stream().filter(f -> f.path().contains("withCover")).findFirst()
                    .orElseThrow();
            assertThat(withCover.status()).as(withCover.evidence().toString()).isEqualTo(FileReport.MATCHED);
            assertThat(withCover.issueId()).isEqualTo(512082L);
            // without a cover that tells them apart, "Batman Beyond" #2 (2016) and "Batman Beyond 2.0" #40 (2016)
            // are both read from the name: nothing decides
            FileReport noCover = report.files().stream().filter(f -> f.path().contains("noCover")).findFirst()
                    .orElseThrow();
            assertThat(noCover.status()).as(noCover.evidence().toString()).isNotEqualTo(FileReport.MATCHED);
        }
    }

    @Test
    void theDecimalReadingKeepsTheDecimal() {
        assertThat(EvidenceCollector.decimalReading(Path.of("Batman.Beyond.2.0.040.2016.cbz")))
                .hasValue(Path.of("Batman Beyond 2.0 040 2016.cbz"));
        assertThat(EvidenceCollector.decimalReading(Path.of("Wolverine.050.2016.cbz"))).isEmpty();
        assertThat(EvidenceCollector.decimalReading(Path.of("Batman Beyond 2.0 040 (2016).cbz"))).isEmpty();
    }
}
