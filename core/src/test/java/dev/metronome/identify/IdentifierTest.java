package dev.metronome.identify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.IdSource;
import dev.metronome.core.Metronome;
import dev.metronome.coverhash.CoverHash;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.CoverRenderer;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.tagging.CandidateScore;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The identifier end to end against the fake Metron server, on a tiny hand-made catalogue: the decision for each
 * kind of evidence, and exactly which requests it cost.
 *
 * <p>The catalogue: two "Uncanny X-Men" (1963, 2013) with the same numbers 1-6; "Saga" (2012) whose issues have
 * 17-digit UPCs and Comic Vine ids; "Ms. Marvel" (2014) and its "Ms. Marvel Digital" twin; "Invincible" (2003);
 * two "Captain Marvel" (2018, 2019) that both have a #5 dated 2019 (for the cover-hash tie-break).
 */
class IdentifierTest {

    private static final String USER = "idtests";
    private static final String PASSWORD = "idtests-pass-123";

    private static final String SAGA_1_UPC = "70985301872700111";
    private static final String SAGA_2_UPC = "70985301872700211";
    private static final String SAGA_3_UPC = "70985301872700311";
    private static final int SAGA_2_CV_ID = 300002;

    /** The cover put in the Captain Marvel #5 archive of the cover-hash tests. */
    private static final byte[] CAPTAIN_MARVEL_COVER = CoverRenderer.png(CoverRenderer.cover(200, 300, 4242L));

    // ---- the catalogue and the fake ----

    /** The catalogue; {@code captainMarvelHashes} gives the two Captain Marvel #5 their cover hashes (else none). */
    private static Catalogue catalogue(Optional<CoverHash> captainMarvelCover) {
        Catalogue.Builder b = Catalogue.builder()
                .publisher(1, "Marvel")
                .publisher(2, "Image")
                .series(101, "Uncanny X-Men", 1963, 1, 1)
                .series(102, "Uncanny X-Men", 2013, 3, 1)
                .series(201, "Saga", 2012, 1, 2)
                .series(301, "Ms. Marvel", 2014, 3, 1)
                .series(302, "Ms. Marvel Digital", 2014, 3, 1)
                .series(401, "Invincible", 2003, 1, 2)
                .series(501, "Captain Marvel", 2018, 10, 1)
                .series(502, "Captain Marvel", 2019, 11, 1);
        for (int n = 1; n <= 6; n++) {
            b.issue(1000 + n, 101, Integer.toString(n), date("1964-0" + n + "-01"));
        }
        String[] x2013 = {"2013-04-01", "2013-06-01", "2013-08-01", "2014-01-01", "2014-02-01", "2014-03-01"};
        for (int n = 1; n <= 6; n++) {
            b.issue(2000 + n, 102, Integer.toString(n), date(x2013[n - 1]));
        }
        String[] upcs = {SAGA_1_UPC, SAGA_2_UPC, SAGA_3_UPC};
        for (int n = 1; n <= 3; n++) {
            String upc = upcs[n - 1];
            int cvId = 300000 + n;
            b.issue(3000 + n, 201, Integer.toString(n), date("2012-0" + (n + 2) + "-01")
                    .andThen(i -> i.put("upc", upc).put("cv_id", cvId)));
        }
        for (int n = 1; n <= 3; n++) {
            b.issue(4000 + n, 301, Integer.toString(n), date("2014-0" + (n + 1) + "-01"));
            b.issue(4100 + n, 302, Integer.toString(n), date("2014-0" + (n + 1) + "-01"));
            b.issue(5000 + n, 401, Integer.toString(n), date("2003-0" + n + "-01"));
        }
        b.issue(6001, 501, "1", date("2018-11-01"));
        b.issue(6005, 501, "5", date("2019-06-01").andThen(i -> captainMarvelCover.ifPresent(
                h -> i.put("cover_hash", new CoverHash(~h.bits()).hex()))));
        b.issue(7001, 502, "1", date("2019-01-01"));
        b.issue(7005, 502, "5", date("2019-11-01").andThen(i -> captainMarvelCover.ifPresent(
                h -> i.put("cover_hash", h.hex()))));
        return b.build();
    }

    private static Consumer<com.fasterxml.jackson.databind.node.ObjectNode> date(String coverDate) {
        return i -> i.put("cover_date", coverDate).put("store_date", coverDate);
    }

    /** A fake server on a hand-moved clock and an engine against it (no cache, one file at a time). */
    private static final class Fake implements AutoCloseable {
        final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        final FakeMetronServer server;
        final Metronome engine;

        Fake(Catalogue catalogue) {
            this(catalogue, b -> { });
        }

        Fake(Catalogue catalogue, Consumer<FakeMetronServer.Builder> more) {
            FakeMetronServer.Builder b = FakeMetronServer.builder().catalogue(catalogue).clock(clock)
                    .account(USER, PASSWORD);
            more.accept(b);
            server = b.start();
            engine = Metronome.builder().settings(settings()).credentials(MetronCredentials.basic(USER, PASSWORD))
                    .clock(clock).sleeper(clock::advance).jobs(1).build();
        }

        MetronSettings settings() {
            return MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl()));
        }

        /** A run that identifies only. */
        Map<String, FileReport> identify(Path... inputs) {
            return byName(engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withJobs(1), null)
                    .run(List.of(inputs)));
        }

        /** A run that writes the matched files. */
        Map<String, FileReport> tag(Path... inputs) {
            return byName(engine.newRun(TaggingOptions.defaults().withJobs(1), null).run(List.of(inputs)));
        }

        /** The lookups and identifier of a run, to identify hand-made evidence. */
        Identifier identifier() {
            MetronClient client = MetronClient.builder().settings(settings())
                    .credentials(MetronCredentials.basic(USER, PASSWORD)).clock(clock).sleeper(clock::advance)
                    .build();
            return new Identifier(new MetronLookups(() -> client, null, URI.create(server.baseUrl())));
        }

        /** The requests the fake received, path and query, in order. */
        List<String> requests() {
            return server.requestLog().stream().map(RequestLogEntry::pathAndQuery).toList();
        }

        @Override
        public void close() {
            engine.close();
            server.close();
        }
    }

    private static Map<String, FileReport> byName(RunReport report) {
        Map<String, FileReport> out = new LinkedHashMap<>();
        for (FileReport f : report.files()) {
            Path p = Path.of(f.path());
            out.put(p.getParent().getFileName() + "/" + p.getFileName(), f);
        }
        return out;
    }

    // ---- archives ----

    /** Writes a CBZ: a small cover, then the metadata entries given as name, content pairs. */
    private static Path cbz(Path file, String... metadata) throws IOException {
        return cbz(file, CoverRenderer.png(CoverRenderer.cover(60, 90, file.getFileName().hashCode())), metadata);
    }

    private static Path cbz(Path file, byte[] cover, String... metadata) throws IOException {
        ArchiveBuilder b = ArchiveBuilder.cbz().page("001.png", cover)
                .page("002.png", CoverRenderer.png(CoverRenderer.cover(30, 45, 7L)));
        for (int i = 0; i < metadata.length; i += 2) {
            b.entry(metadata[i], metadata[i + 1]);
        }
        return b.writeTo(file);
    }

    /** A ComicInfo.xml of element name, value pairs. */
    private static String comicInfo(String... elements) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ComicInfo "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        for (int i = 0; i < elements.length; i += 2) {
            x.append("  <").append(elements[i]).append('>').append(elements[i + 1]).append("</")
                    .append(elements[i]).append(">\n");
        }
        return x.append("</ComicInfo>\n").toString();
    }

    /** A MetronInfo.xml with a primary Metron id, series and number. */
    private static String metronInfo(long id, String series, String number) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MetronInfo "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:noNamespaceSchemaLocation=\"MetronInfo.xsd\">\n"
                + "  <IDS>\n    <ID source=\"Metron\" primary=\"true\">" + id + "</ID>\n  </IDS>\n"
                + "  <Publisher><Name>Marvel</Name></Publisher>\n"
                + "  <Series><Name>" + series + "</Name><Volume>1</Volume></Series>\n"
                + "  <Number>" + number + "</Number>\n"
                + "</MetronInfo>\n";
    }

    private static List<Long> candidateIds(FileReport f) {
        return f.candidates().stream().map(CandidateScore::issueId).toList();
    }

    private static void assertMatched(FileReport f, long issueId) {
        assertThat(f.status()).as(f.evidence().toString()).isEqualTo(FileReport.MATCHED);
        assertThat(f.issueId()).as(f.evidence().toString()).isEqualTo(issueId);
        assertThat(f.confidence()).isGreaterThanOrEqualTo(Identifier.ACCEPT);
    }

    private static void assertAmbiguous(FileReport f, Long... candidates) {
        assertThat(f.status()).as(f.evidence().toString()).isEqualTo(FileReport.AMBIGUOUS);
        assertThat(f.issueId()).isNull();
        assertThat(f.confidence()).isLessThan(Identifier.ACCEPT);
        assertThat(candidateIds(f)).containsExactlyInAnyOrder(candidates);
    }

    // ---- ids in the archive ----

    @Test
    void aMetronIdInMetronInfoGoesStraightToTheIssue(@TempDir Path dir) throws IOException {
        // the name alone would be ambiguous (two Uncanny X-Men, no year): the id decides, no search
        cbz(dir.resolve("tagged/Uncanny X-Men 004.cbz"), "MetronInfo.xml", metronInfo(2004, "Uncanny X-Men", "4"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Uncanny X-Men 004.cbz");
            assertMatched(f, 2004);
            assertThat(f.evidence()).contains("Metron id 2004 in MetronInfo.xml");
            assertThat(fake.requests()).containsExactly("/api/issue/2004/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=1004]",
            "Tagged with MetronTagger-2.3.0 using info from Metron on 2024-05-01. [issue_id:1004]"})
    void aMetronIdInTheNotesGoesStraightToTheIssue(String notes, @TempDir Path dir) throws IOException {
        cbz(dir.resolve("tagged/Uncanny X-Men 004.cbz"), "ComicInfo.xml",
                comicInfo("Series", "Uncanny X-Men", "Number", "4", "Notes", notes));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Uncanny X-Men 004.cbz");
            assertMatched(f, 1004);
            assertThat(f.evidence()).contains("Metron id 1004 in Notes");
            assertThat(fake.requests()).containsExactly("/api/issue/1004/");
        }
    }

    @Test
    void aMetronIdThatTheNamesContradictIsNotTrusted(@TempDir Path dir) throws IOException {
        // the Notes name issue 2004 (Uncanny X-Men #4) but the ComicInfo says Saga #1
        cbz(dir.resolve("tagged/Saga 001 (2012).cbz"), "ComicInfo.xml", comicInfo("Series", "Saga", "Number", "1",
                "Year", "2012", "Notes", "Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=2004]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Saga 001 (2012).cbz");
            assertAmbiguous(f, 2004L);
            assertThat(f.evidence())
                    .anyMatch(r -> r.startsWith("Metron id 2004 in Notes, but the names say otherwise"));
            assertThat(fake.requests()).containsExactly("/api/issue/2004/");
        }
    }

    @Test
    void ofTwoMetronIdsThatBothFitTheNamesTheFirstIsTaken(@TempDir Path dir) throws IOException {
        // MetronInfo.xml says 1004 (Uncanny X-Men 1963 #4), the Notes 2004 (2013 #4); the name, without year, fits both
        cbz(dir.resolve("tagged/Uncanny X-Men 004.cbz"), "MetronInfo.xml",
                metronInfo(1004, "Uncanny X-Men", "4"), "ComicInfo.xml",
                comicInfo("Notes", "Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=2004]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Uncanny X-Men 004.cbz");
            assertMatched(f, 1004);
            assertThat(f.evidence()).contains("Metron id 1004 in MetronInfo.xml",
                    "several ids in the archive; this one agrees with the names");
            assertThat(fake.requests()).containsExactly("/api/issue/1004/");
        }
    }

    @Test
    void ofTwoMetronIdsTheOneTheNamesYearFitsIsTaken(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("tagged/Uncanny X-Men 004 (2014).cbz"), "MetronInfo.xml",
                metronInfo(1004, "Uncanny X-Men", "4"), "ComicInfo.xml",
                comicInfo("Notes", "Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=2004]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Uncanny X-Men 004 (2014).cbz");
            assertThat(f.issueId()).as(f.evidence().toString()).isEqualTo(2004L);
        }
    }

    @Test
    void ofTwoMetronIdsOneContradictedByTheNamesTheOtherWins(@TempDir Path dir) throws IOException {
        // a stale id: MetronInfo.xml names Uncanny X-Men #4 but carries Saga #1's id (3001); the Notes carry 2004
        cbz(dir.resolve("tagged/Uncanny X-Men 004 (2014).cbz"), "MetronInfo.xml",
                metronInfo(3001, "Uncanny X-Men", "4"),
                "ComicInfo.xml", comicInfo("Series", "Uncanny X-Men", "Number", "4",
                        "Notes", "Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=2004]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Uncanny X-Men 004 (2014).cbz");
            assertMatched(f, 2004);
            assertThat(f.evidence()).contains("Metron id 2004 in Notes",
                    "several ids in the archive; this one agrees with the names");
            assertThat(fake.requests()).containsExactly("/api/issue/3001/", "/api/issue/2004/");
        }
    }

    @Test
    void twoDifferentMetronIdsAndNoNamesAreNotAMatch(@TempDir Path dir) {
        Evidence ev = new Evidence(dir.resolve("x.cbz"), "fingerprint-2",
                List.of(new IdHint(IdSource.METRON, 1004, "MetronInfo.xml"),
                        new IdHint(IdSource.METRON, 3002, "Notes")),
                "", Optional.empty(), List.of(), Optional.empty(), "", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Identification id = fake.identifier().identify(ev);
            assertThat(id.reasons()).doesNotContain("several ids in the archive; this one agrees with the names");
            assertThat(id.matched()).as(id.reasons().toString()).isFalse();
        }
    }

    @Test
    void aMetronIdThatMetronDoesNotHaveFallsBackToTheNames(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("tagged/Saga 002 (2012).cbz"), "MetronInfo.xml", metronInfo(9999, "Saga", "2"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Saga 002 (2012).cbz");
            assertMatched(f, 3002);
            assertThat(f.evidence()).contains("Metron id 9999 in MetronInfo.xml: Metron has no such issue");
            assertThat(fake.requests()).containsExactly("/api/issue/9999/", "/api/series/?name=saga",
                    "/api/series/201/issue_list/");
            assertThat(fake.server.requestLog().get(0).status()).isEqualTo(404);
        }
    }

    @Test
    void aComicVineIdWithoutNamesResolvesThroughACvIdQuery(@TempDir Path dir) {
        Evidence ev = new Evidence(dir.resolve("x.cbz"), "fingerprint-1",
                List.of(new IdHint(IdSource.COMIC_VINE, SAGA_2_CV_ID, "Notes")), "", Optional.empty(), List.of(),
                Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Identification id = fake.identifier().identify(ev);
            assertThat(id.status()).isEqualTo("matched");
            assertThat(id.issueId()).isEqualTo(3002L);
            assertThat(id.confidence()).isGreaterThanOrEqualTo(Identifier.ACCEPT);
            assertThat(id.reasons()).contains("Comic Vine id 300002 in Notes");
            assertThat(id.detail()).isPresent();
            assertThat(fake.requests()).containsExactly("/api/issue/?cv_id=300002", "/api/issue/3002/");
        }
    }

    @Test
    void aComicVineIdInTheNotesOfAScanResolvesThroughACvIdQuery(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("Notes",
                "Tagged with ComicTagger 1.5.5 using info from Comic Vine on 2023-03-04. [Issue ID 300002]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertMatched(f, 3002);
            assertThat(f.evidence()).contains("Comic Vine id 300002 in Notes");
            assertThat(fake.requests()).containsExactly("/api/issue/?cv_id=300002", "/api/issue/3002/");
        }
    }

    @Test
    void aComicVineIdThatMetronDoesNotKnowIsNoMatch(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("Notes", "[Issue ID 399999]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertThat(f.status()).isEqualTo(FileReport.NO_MATCH);
            assertThat(f.evidence()).contains("Comic Vine id 399999 in Notes is not in Metron");
            assertThat(fake.requests()).containsExactly("/api/issue/?cv_id=399999");
        }
    }

    @Test
    void aComicVineIdBeyondTheIntRangeIsNotTruncatedIntoAnotherId(@TempDir Path dir) throws IOException {
        // 4295267298 = 2^32 + 300002: the Notes pattern accepts up to 12 digits, the cv_id query takes an int
        long tooLong = (1L << 32) + SAGA_2_CV_ID;
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("Notes", "[Issue ID " + tooLong + "]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertThat(f.issueId()).as(f.evidence().toString()).isNull();
            assertThat(f.status()).isEqualTo(FileReport.NO_MATCH);
            assertThat(f.evidence()).contains("Comic Vine id " + tooLong + " in Notes is not a valid id");
            assertThat(fake.requests()).noneMatch(q -> q.equals("/api/issue/?cv_id=300002"));
        }
    }

    @Test
    void aComicVineIdNextToNamesIsConfirmedByTheDetailWithoutACvIdQuery(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("tagged/Saga 002 (2012).cbz"), "ComicInfo.xml", comicInfo("Series", "Saga", "Number", "2",
                "Year", "2012", "Notes", "[Issue ID 300002]"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("tagged/Saga 002 (2012).cbz");
            assertMatched(f, 3002);
            assertThat(f.evidence()).contains("Comic Vine id 300002 in Notes matched");
            assertThat(fake.requests()).noneMatch(q -> q.contains("cv_id"))
                    .containsExactly("/api/series/?name=saga", "/api/series/201/issue_list/", "/api/issue/3002/");
        }
    }

    // ---- UPC ----

    @Test
    void aSeventeenDigitUpcResolvesThroughAUpcQuery(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("GTIN", SAGA_2_UPC));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertMatched(f, 3002);
            assertThat(f.evidence()).contains("UPC " + SAGA_2_UPC + " matched");
            assertThat(fake.requests()).containsExactly("/api/issue/?upc=" + SAGA_2_UPC, "/api/issue/3002/");
        }
    }

    @Test
    void aUpcOfAnotherPrintingIsFoundByItsFirstFifteenDigits(@TempDir Path dir) throws IOException {
        // the same issue, second printing: the last digit of the add-on differs
        String secondPrinting = SAGA_2_UPC.substring(0, 16) + "2";
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("GTIN", secondPrinting));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertMatched(f, 3002);
            assertThat(fake.requests()).containsExactly("/api/issue/?upc=" + secondPrinting,
                    "/api/issue/?upc_starts_with=" + SAGA_2_UPC.substring(0, 15), "/api/issue/3002/");
        }
    }

    @Test
    void aUpcThatMetronDoesNotKnowIsNoMatch(@TempDir Path dir) throws IOException {
        String unknown = "76194134182700111";
        cbz(dir.resolve("scans/scan_0042.cbz"), "ComicInfo.xml", comicInfo("GTIN", unknown));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("scans/scan_0042.cbz");
            assertThat(f.status()).isEqualTo(FileReport.NO_MATCH);
            assertThat(f.evidence()).contains("UPC " + unknown + " is not in Metron");
            assertThat(fake.requests()).containsExactly("/api/issue/?upc=" + unknown,
                    "/api/issue/?upc_starts_with=" + unknown.substring(0, 15));
        }
    }

    @Test
    void aUpcThatDisagreesWithAConfidentNameMatchMakesTheFileAmbiguous(@TempDir Path dir) throws IOException {
        // the name says Saga #2, the UPC is Saga #3's
        Path file = cbz(dir.resolve("mixed/Saga 002 (2012).cbz"), "ComicInfo.xml", comicInfo("GTIN", SAGA_3_UPC));
        byte[] before = Files.readAllBytes(file);
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.tag(dir).get("mixed/Saga 002 (2012).cbz");
            assertAmbiguous(f, 3003L, 3002L);
            assertThat(f.evidence()).anyMatch(r -> r.startsWith("UPC " + SAGA_3_UPC + " disagrees with Saga"))
                    .anyMatch(r -> r.startsWith("the UPC points to ") && r.contains("but the names to"));
            assertThat(f.written()).isFalse();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            // the UPC's series was learned from the detail of #2: #3 is found in its list, no upc= query
            assertThat(fake.requests()).containsExactly("/api/series/?name=saga", "/api/series/201/issue_list/",
                    "/api/issue/3002/", "/api/issue/3003/");
        }
    }

    @Test
    void aUpcThatAgreesWithTheNameRaisesTheConfidence(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("mixed/Saga 002 (2012).cbz"), "ComicInfo.xml", comicInfo("GTIN", SAGA_2_UPC));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("mixed/Saga 002 (2012).cbz");
            assertMatched(f, 3002);
            assertThat(f.evidence()).contains("UPC " + SAGA_2_UPC + " matched");
            assertThat(f.confidence()).isGreaterThanOrEqualTo(0.97);
            assertThat(fake.requests()).containsExactly("/api/series/?name=saga", "/api/series/201/issue_list/",
                    "/api/issue/3002/");
        }
    }

    // ---- names ----

    @Test
    void aStartYearFolderCostsOneListingAndNoSeriesSearch(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("Uncanny X-Men (2013)/Uncanny X-Men 004 (2014).cbz"));
        cbz(dir.resolve("Uncanny X-Men (2013)/Uncanny X-Men 005 (2014).cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Map<String, FileReport> files = fake.identify(dir);
            assertMatched(files.get("Uncanny X-Men (2013)/Uncanny X-Men 004 (2014).cbz"), 2004);
            assertMatched(files.get("Uncanny X-Men (2013)/Uncanny X-Men 005 (2014).cbz"), 2005);
            assertThat(fake.requests()).noneMatch(q -> q.startsWith("/api/series/"))
                    .containsExactly("/api/issue/?series_name=uncanny+x+men&series_year_began=2013");
        }
    }

    @Test
    void aCb7ThatCannotBeWrittenWithoutConvertCostsNoIssueDetail(@TempDir Path dir) throws IOException {
        Path file = ArchiveBuilder.cb7().page("001.png", CoverRenderer.png(CoverRenderer.cover(60, 90, 3L)))
                .writeTo(dir.resolve("Uncanny X-Men (2013)/Uncanny X-Men 004 (2014).cb7"));
        byte[] before = Files.readAllBytes(file);
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.tag(dir).get("Uncanny X-Men (2013)/Uncanny X-Men 004 (2014).cb7");
            assertThat(f.status()).isEqualTo(FileReport.ERROR);
            assertThat(f.issueId()).isEqualTo(2004L);
            assertThat(f.error()).contains("read-only format").contains("--convert");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            // what the tag would write is not fetched for a file that cannot take it
            assertThat(fake.requests()).containsExactly(
                    "/api/issue/?series_name=uncanny+x+men&series_year_began=2013");
        }
    }

    @Test
    void aNameWithAStoryTitleOrAFormatWordIsSearchedAsWrittenBeforeItsShorterReading(@TempDir Path dir)
            throws IOException {
        // no series is called "Saga - The Long Road" or "Saga TPB": the misspelling fallbacks (alternative names,
        // a word left out) would cost a request each; the shorter reading ("Saga") is tried next anyway
        cbz(dir.resolve("titled/Saga - The Long Road 002 (2012).cbz"));
        cbz(dir.resolve("collected/Saga TPB Vol. 2 (2013).cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            // two runs, each with its own memory of searches
            fake.identify(dir.resolve("titled"));
            fake.identify(dir.resolve("collected"));
            List<String> searches = fake.requests().stream().filter(q -> q.startsWith("/api/series/?")).toList();
            assertThat(searches).noneMatch(q -> q.contains("alt_names"))
                    .containsExactly("/api/series/?name=saga+long+road", "/api/series/?name=saga",
                            "/api/series/?name=saga+tpb", "/api/series/?name=saga");
        }
    }

    @Test
    void sameNamedSeriesWithoutAYearAloneInItsFolderAreAmbiguous(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("loose/Uncanny X-Men 004.cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("loose/Uncanny X-Men 004.cbz");
            assertAmbiguous(f, 1004L, 2004L);
            assertThat(f.evidence()).contains("2 candidates too close to call");
            // one search, then the number in both series at once; no detail
            assertThat(fake.requests()).containsExactly("/api/series/?name=uncanny+x+men",
                    "/api/issue/?number=4&series_name=uncanny+x+men");
        }
    }

    @Test
    void anUndatedNameIsReadAsTheSeriesOfTheDatedFilesOfItsOwnFolderOnly(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("mixed/Uncanny X-Men 004 (2014).cbz"));
        cbz(dir.resolve("mixed/Uncanny X-Men 005 (2014).cbz"));
        // sorted first, but handled after the dated files
        cbz(dir.resolve("mixed/Uncanny X-Men 003.cbz"));
        cbz(dir.resolve("elsewhere/Uncanny X-Men 003.cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Map<String, FileReport> files = fake.identify(dir);
            assertMatched(files.get("mixed/Uncanny X-Men 004 (2014).cbz"), 2004);
            assertMatched(files.get("mixed/Uncanny X-Men 005 (2014).cbz"), 2005);

            FileReport neighbour = files.get("mixed/Uncanny X-Men 003.cbz");
            assertMatched(neighbour, 2003);
            assertThat(neighbour.evidence()).contains("the series of 2 other files of this name in this folder");

            FileReport stranger = files.get("elsewhere/Uncanny X-Men 003.cbz");
            assertAmbiguous(stranger, 1003L, 2003L);
            assertThat(stranger.evidence()).noneMatch(r -> r.contains("other file"));

            // one search serves every file; both series listed once; no details (identify writes nothing)
            assertThat(fake.requests()).containsExactly("/api/series/?name=uncanny+x+men",
                    "/api/series/101/issue_list/", "/api/series/102/issue_list/");
        }
    }

    @Test
    void aNameMisspeltByTwoSwappedLettersCostsNoSearch(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("a/Invincible 001 (2003).cbz"));
        cbz(dir.resolve("b/Invincilbe 002 (2003).cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Map<String, FileReport> files = fake.identify(dir);
            assertMatched(files.get("a/Invincible 001 (2003).cbz"), 5001);
            assertMatched(files.get("b/Invincilbe 002 (2003).cbz"), 5002);
            assertThat(fake.requests()).noneMatch(q -> q.contains("invincilbe"))
                    .containsExactly("/api/series/?name=invincible", "/api/series/401/issue_list/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan_0042.cbz", "IMG_0042.cbz", "comic_00012.cbz"})
    void aScannerDefaultNameIsNeverSearched(String name, @TempDir Path dir) throws IOException {
        cbz(dir.resolve("incoming").resolve(name));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("incoming/" + name);
            assertThat(f.status()).isEqualTo(FileReport.NO_MATCH);
            assertThat(f.issueId()).isNull();
            assertThat(f.evidence()).anyMatch(r -> r.contains("is a scanner's or camera's default, not a series"));
            // the name is never searched; with nothing else to go by, only the cover's exact hash is asked for
            assertThat(fake.requests()).isNotEmpty().allMatch(q -> q.startsWith("/api/issue/?cover_hash="));
            assertThat(f.evidence()).contains("no Metron issue has this cover's hash");
        }
    }

    @Test
    void aPrintIssueIsNotMatchedToItsDigitalTwin(@TempDir Path dir) throws IOException {
        // the start-year listing brings both twins (every word of "ms marvel" is in "Ms. Marvel Digital")
        cbz(dir.resolve("Ms. Marvel (2014)/Ms. Marvel 002 (2014).cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("Ms. Marvel (2014)/Ms. Marvel 002 (2014).cbz");
            assertMatched(f, 4002);
            assertThat(candidateIds(f)).doesNotContain(4102L);
            assertThat(fake.requests()).containsExactly(
                    "/api/issue/?series_name=ms+marvel&series_year_began=2014");
        }
    }

    @Test
    void anUndatedPrintNameIsNotMatchedToItsDigitalTwinAndTheTwinIsFoundByItsName(@TempDir Path dir)
            throws IOException {
        cbz(dir.resolve("loose/Ms. Marvel 003.cbz"));
        cbz(dir.resolve("digital/Ms. Marvel Digital 003 (2014).cbz"));
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            Map<String, FileReport> files = fake.identify(dir);
            FileReport print = files.get("loose/Ms. Marvel 003.cbz");
            assertMatched(print, 4003);
            assertThat(candidateIds(print)).doesNotContain(4103L);
            assertMatched(files.get("digital/Ms. Marvel Digital 003 (2014).cbz"), 4103);
        }
    }

    @Test
    void twoSourcesDecidingDifferentIssuesGiveAmbiguousAndNothingIsWritten(@TempDir Path dir) throws IOException {
        // the file name says Saga #1, its ComicInfo.xml Saga #2
        Path file = cbz(dir.resolve("conflict/Saga 001 (2012).cbz"), "ComicInfo.xml",
                comicInfo("Series", "Saga", "Number", "2", "Year", "2012"));
        byte[] before = Files.readAllBytes(file);
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.tag(dir).get("conflict/Saga 001 (2012).cbz");
            assertAmbiguous(f, 3001L, 3002L);
            assertThat(f.evidence()).anyMatch(r -> r.startsWith("the file name points to Saga (2012) #1")
                    && r.contains(", the ComicInfo.xml to Saga (2012) #2"));
            assertThat(f.written()).isFalse();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(fake.requests()).containsExactly("/api/series/?name=saga", "/api/series/201/issue_list/");
        }
    }

    @Test
    void aSourceThatScoresHigherDoesNotOverruleAnotherSureSource(@TempDir Path dir) throws IOException {
        // the ComicInfo.xml (start and cover year) scores Saga #2 well above the undated file name's Saga #1:
        // still two sources each sure of another issue
        Path file = cbz(dir.resolve("conflict/Saga 001.cbz"), "ComicInfo.xml",
                comicInfo("Series", "Saga", "Number", "2", "Volume", "2012", "Year", "2012"));
        byte[] before = Files.readAllBytes(file);
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.tag(dir).get("conflict/Saga 001.cbz");
            assertAmbiguous(f, 3001L, 3002L);
            assertThat(f.evidence()).anyMatch(r -> r.startsWith("the file name points to Saga (2012) #1")
                    && r.contains(", the ComicInfo.xml to Saga (2012) #2"));
            assertThat(f.written()).isFalse();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(fake.requests()).noneMatch(q -> q.matches("/api/issue/\\d+/"));
        }
    }

    // ---- the cover hash ----

    /** The cover's pHash, computed from the exact bytes stored as the first page. */
    private static CoverHash captainMarvelCoverHash() throws IOException {
        return CoverHash.of(ImageIO.read(new ByteArrayInputStream(CAPTAIN_MARVEL_COVER)));
    }

    @Test
    void theCoverHashBreaksATieBetweenSameNamedSeries(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("incoming/Captain Marvel 005 (2019).cbz"), CAPTAIN_MARVEL_COVER);
        try (Fake fake = new Fake(catalogue(Optional.of(captainMarvelCoverHash())))) {
            FileReport f = fake.identify(dir).get("incoming/Captain Marvel 005 (2019).cbz");
            assertMatched(f, 7005);
            assertThat(f.evidence()).anyMatch(r -> r.matches("cover hash distance [0-9]"));
            assertThat(candidateIds(f)).containsExactly(7005L, 6005L);
            assertThat(fake.requests()).containsExactly("/api/series/?name=captain+marvel",
                    "/api/series/501/issue_list/", "/api/series/502/issue_list/");
        }
    }

    @Test
    void aFileThatSaysNothingButItsCoverIsFoundByTheCoversExactHash(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("unsorted/scan_00123.cbz"), CAPTAIN_MARVEL_COVER);
        String hex = captainMarvelCoverHash().hex();
        try (Fake fake = new Fake(catalogue(Optional.of(captainMarvelCoverHash())))) {
            FileReport f = fake.identify(dir).get("unsorted/scan_00123.cbz");
            assertMatched(f, 7005);
            // a cover alone is below what names or ids give: another printing may share the picture
            assertThat(f.confidence()).isEqualTo(Scorer.COVER_ALONE);
            assertThat(f.evidence()).anyMatch(r -> r.startsWith("cover hash " + hex));
            assertThat(fake.requests()).containsExactly("/api/issue/?cover_hash=" + hex);
        }
    }

    @Test
    void withoutCoverHashesTheSameFileIsAmbiguous(@TempDir Path dir) throws IOException {
        cbz(dir.resolve("incoming/Captain Marvel 005 (2019).cbz"), CAPTAIN_MARVEL_COVER);
        try (Fake fake = new Fake(catalogue(Optional.empty()))) {
            FileReport f = fake.identify(dir).get("incoming/Captain Marvel 005 (2019).cbz");
            assertAmbiguous(f, 6005L, 7005L);
            assertThat(f.evidence()).noneMatch(r -> r.contains("cover hash"));
        }
    }

    // ---- the rate limit ----

    @Test
    void noRequestIsSentWhileTheRateWindowIsExhausted(@TempDir Path dir) throws IOException {
        for (int n = 1; n <= 5; n++) {
            cbz(dir.resolve("tagged/Uncanny X-Men 00" + n + ".cbz"), "MetronInfo.xml",
                    metronInfo(1000 + n, "Uncanny X-Men", Integer.toString(n)));
        }
        try (Fake fake = new Fake(catalogue(Optional.empty()), b -> b.burst(3, Duration.ofMinutes(1)))) {
            Instant start = fake.clock.instant();
            Map<String, FileReport> files = fake.identify(dir);
            for (int n = 1; n <= 5; n++) {
                assertMatched(files.get("tagged/Uncanny X-Men 00" + n + ".cbz"), 1000 + n);
            }
            List<RequestLogEntry> log = fake.server.requestLog();
            assertThat(log).extracting(RequestLogEntry::pathAndQuery).containsExactly("/api/issue/1001/",
                    "/api/issue/1002/", "/api/issue/1003/", "/api/issue/1004/", "/api/issue/1005/");
            assertThat(log).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.burstRemainingBefore()).isPositive();
            });
            // the fourth waited for the window of the first to pass, on the hand-moved clock
            assertThat(log.get(0).time()).isEqualTo(start);
            assertThat(log.get(3).time()).isAfterOrEqualTo(log.get(0).time().plus(Duration.ofMinutes(1)));
        }
    }
}
