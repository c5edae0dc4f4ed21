package dev.metronome.identify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.IdSource;
import dev.metronome.barcode.ScannedUpc;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.CoverRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an archive says about its identity: ids, UPC, name hints, and the visual evidence only when asked. */
class EvidenceCollectorTest {

    private static final byte[] COVER = CoverRenderer.png(CoverRenderer.cover(60, 90, 11L));
    private static final byte[] PAGE = CoverRenderer.png(CoverRenderer.cover(30, 45, 12L));

    private final EvidenceCollector collector = new EvidenceCollector();

    private static Path cbz(Path file, byte[] cover, String... metadata) throws IOException {
        ArchiveBuilder b = ArchiveBuilder.cbz().page("001.png", cover).page("002.png", PAGE);
        for (int i = 0; i < metadata.length; i += 2) {
            b.entry(metadata[i], metadata[i + 1]);
        }
        return b.writeTo(file);
    }

    private static String comicInfo(String... elements) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ComicInfo>\n");
        for (int i = 0; i < elements.length; i += 2) {
            x.append("  <").append(elements[i]).append('>').append(elements[i + 1]).append("</")
                    .append(elements[i]).append(">\n");
        }
        return x.append("</ComicInfo>\n").toString();
    }

    private static String metronInfo(long id) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MetronInfo>\n"
                + "  <IDS>\n    <ID source=\"Metron\" primary=\"true\">" + id + "</ID>\n  </IDS>\n"
                + "  <Publisher><Name>Marvel</Name></Publisher>\n"
                + "  <Series><Name>Uncanny X-Men</Name><Volume>3</Volume></Series>\n"
                + "  <Number>4</Number>\n"
                + "</MetronInfo>\n";
    }

    @Test
    void idsComeFromMetronInfoThenTheNotesThenTheWebLinks(@TempDir Path dir) throws Exception {
        Path file = cbz(dir.resolve("Uncanny X-Men 004.cbz"), COVER, "MetronInfo.xml", metronInfo(2004),
                "ComicInfo.xml", comicInfo(
                        "Notes", "Tagged with Metronome 0.1.0 on 2026-01-02 [metron:issue=1004]; "
                                + "[issue_id:1005] [Issue ID 300002] CVDB300003",
                        "Web", "https://comicvine.gamespot.com/saga-1/4000-300001/ "
                                + "https://metron.cloud/issue/saga-2012-1/"));
        Evidence ev = collector.collect(file, false);
        assertThat(ev.ids()).containsExactly(
                new IdHint(IdSource.METRON, 2004, "MetronInfo.xml"),
                new IdHint(IdSource.METRON, 1004, "Notes"),
                new IdHint(IdSource.METRON, 1005, "Notes"),
                new IdHint(IdSource.COMIC_VINE, 300002, "Notes"),
                new IdHint(IdSource.COMIC_VINE, 300003, "Notes"),
                new IdHint(IdSource.COMIC_VINE, 300001, "Web link"));
        assertThat(ev.metronSlug()).isEqualTo("saga-2012-1");
        assertThat(ev.notes()).isEmpty();
    }

    @Test
    void theIssueIdOfAComicTaggerLineBelongsToTheSourceItNames(@TempDir Path dir) throws Exception {
        String ours = new dev.metronome.comicinfo.MetronomeStamp("0.2", java.time.LocalDate.of(2026, 12, 4), 1004).line();
        Path file = cbz(dir.resolve("Uncanny X-Men 004.cbz"), COVER, "ComicInfo.xml", comicInfo("Notes", ours
                + "\nTagged with ComicTagger 1.6.0 using info from Metron on 2025-01-01 10:00:00. [Issue ID 1006]"));
        assertThat(collector.collect(file, false).ids()).containsExactly(
                new IdHint(IdSource.METRON, 1004, "Notes"),
                new IdHint(IdSource.METRON, 1006, "Notes"));
    }

    @Test
    void anArchiveWithoutMetadataHasOnlyItsFileName(@TempDir Path dir) throws Exception {
        Evidence ev = collector.collect(cbz(dir.resolve("Saga 002 (2012).cbz"), COVER), false);
        assertThat(ev.ids()).isEmpty();
        assertThat(ev.upc()).isEmpty();
        assertThat(ev.anyUpc()).isEmpty();
        assertThat(ev.metronSlug()).isEmpty();
        assertThat(ev.comicInfo()).isEmpty();
        assertThat(ev.comicInfoBytes()).isEmpty();
        assertThat(ev.comicInfoUnreadable()).isFalse();
        assertThat(ev.hints()).containsExactly(new NameHint("file name", "Saga", "002", Optional.of(2012),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void theUpcIsTheGtinsDigitsWhenThereAreAtLeastTwelve(@TempDir Path dir) throws Exception {
        Evidence ev = collector.collect(cbz(dir.resolve("a.cbz"), COVER, "ComicInfo.xml",
                comicInfo("GTIN", "70985301872 7 00211")), false);
        assertThat(ev.upc()).isEqualTo("70985301872700211");
        assertThat(ev.anyUpc()).contains("70985301872700211");

        Evidence tooShort = collector.collect(cbz(dir.resolve("b.cbz"), COVER, "ComicInfo.xml",
                comicInfo("GTIN", "12345")), false);
        assertThat(tooShort.upc()).isEmpty();
    }

    @Test
    void hintsAreTheComicInfosFirstThenTheFileNames(@TempDir Path dir) throws Exception {
        // ComicTagger writes the start year into Volume: read as the start year, not a volume
        Path file = cbz(dir.resolve("Saga (2012)/Saga 001 (2012).cbz"), COVER, "ComicInfo.xml",
                comicInfo("Series", "Saga", "Number", "2", "Volume", "2012", "Year", "2013"));
        Evidence ev = collector.collect(file, false);
        assertThat(ev.hints()).containsExactly(
                new NameHint("ComicInfo.xml", "Saga", "2", Optional.of(2013), Optional.empty(), Optional.of(2012)),
                new NameHint("file name", "Saga", "001", Optional.of(2012), Optional.empty(), Optional.of(2012)));
    }

    @Test
    void aSmallVolumeStaysAVolume(@TempDir Path dir) throws Exception {
        Path file = cbz(dir.resolve("x.cbz"), COVER, "ComicInfo.xml",
                comicInfo("Series", "Uncanny X-Men", "Number", "4", "Volume", "3"));
        NameHint first = collector.collect(file, false).hints().get(0);
        assertThat(first).isEqualTo(new NameHint("ComicInfo.xml", "Uncanny X-Men", "4", Optional.empty(),
                Optional.of(3), Optional.empty()));
    }

    @Test
    void aComicInfoWithoutSeriesGivesNoHint(@TempDir Path dir) throws Exception {
        Path file = cbz(dir.resolve("Saga 002.cbz"), COVER, "ComicInfo.xml", comicInfo("Number", "9"));
        assertThat(collector.collect(file, false).hints()).extracting(NameHint::source)
                .containsExactly("file name");
    }

    @Test
    void aNameWithDotsForSpacesIsReadWithSpaces(@TempDir Path dir) throws Exception {
        assertThat(EvidenceCollector.dotsAsSpaces(Path.of("Spider-Man.2099.002.(2014).cbz")))
                .isEqualTo(Path.of("Spider-Man 2099 002 (2014).cbz"));
        // one dot before the number is a space too; a name with spaces, or one dot between words, is left alone
        assertThat(EvidenceCollector.dotsAsSpaces(Path.of("Saga.001.cbz"))).isEqualTo(Path.of("Saga 001.cbz"));
        assertThat(EvidenceCollector.dotsAsSpaces(Path.of("Mr. Miracle 001.cbz")))
                .isEqualTo(Path.of("Mr. Miracle 001.cbz"));
        assertThat(EvidenceCollector.dotsAsSpaces(Path.of("Mr.Miracle.cbz"))).isEqualTo(Path.of("Mr.Miracle.cbz"));

        Evidence ev = collector.collect(cbz(dir.resolve("Spider-Man.2099.002.(2014).cbz"), COVER), false);
        assertThat(ev.hints()).containsExactly(new NameHint("file name", "Spider-Man 2099", "002",
                Optional.of(2014), Optional.empty(), Optional.empty()));
        // the evidence keeps the real path
        assertThat(ev.path().getFileName().toString()).isEqualTo("Spider-Man.2099.002.(2014).cbz");
    }

    @Test
    void theBarcodeAndCoverHashAreReadOnlyWhenAsked(@TempDir Path dir) throws Exception {
        // UPC-A 70985301872 (check digit 8 added by the renderer) with the add-on 00211
        byte[] cover = CoverRenderer.jpeg(CoverRenderer.coverWithBarcode(600, 900, 5L, "70985301872+00211", 3,
                0.1, 0.8), 0.92f);
        Path file = cbz(dir.resolve("scan_0042.cbz"), cover);

        Evidence plain = collector.collect(file, false);
        assertThat(plain.barcode()).isEmpty();
        assertThat(plain.coverHash()).isEmpty();
        assertThat(plain.anyUpc()).isEmpty();

        Evidence visual = collector.collect(file, true);
        assertThat(visual.barcode()).map(ScannedUpc::full).contains("70985301872800211");
        assertThat(visual.coverHash()).isPresent();
        assertThat(visual.anyUpc()).contains("70985301872800211");
        assertThat(visual.fingerprint()).isEqualTo(plain.fingerprint());
    }

    @Test
    void theVisualsQuestionIsToldTheIdsAndTheFingerprint(@TempDir Path dir) throws Exception {
        Path file = cbz(dir.resolve("x.cbz"), COVER, "MetronInfo.xml", metronInfo(2004));
        List<List<IdHint>> askedIds = new ArrayList<>();
        List<String> askedFingerprints = new ArrayList<>();
        Evidence ev = collector.collect(file, (ids, fingerprint) -> {
            askedIds.add(ids);
            askedFingerprints.add(fingerprint);
            return false;
        });
        assertThat(askedIds).containsExactly(List.of(new IdHint(IdSource.METRON, 2004, "MetronInfo.xml")));
        assertThat(askedFingerprints).containsExactly(ev.fingerprint());
        assertThat(ev.fingerprint()).isNotBlank();
        assertThat(ev.coverHash()).isEmpty();
    }

    @Test
    void theFingerprintDependsOnThePagesOnly(@TempDir Path dir) throws Exception {
        String a = collector.collect(cbz(dir.resolve("a.cbz"), COVER), false).fingerprint();
        String tagged = collector.collect(cbz(dir.resolve("b.cbz"), COVER, "ComicInfo.xml",
                comicInfo("Series", "Saga")), false).fingerprint();
        String otherCover = collector.collect(cbz(dir.resolve("c.cbz"), PAGE), false).fingerprint();
        assertThat(tagged).isEqualTo(a);
        assertThat(otherCover).isNotEqualTo(a);
    }

    @Test
    void anUnreadableComicInfoIsKeptAsBytesAndNoted(@TempDir Path dir) throws Exception {
        // a DOCTYPE is refused (a merely truncated file is read tolerantly, and is not "unreadable")
        Path file = cbz(dir.resolve("Saga 001.cbz"), COVER, "ComicInfo.xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE ComicInfo [<!ENTITY x \"Saga\">]>\n<ComicInfo><Series>&x;</Series></ComicInfo>\n");
        Evidence ev = collector.collect(file, false);
        assertThat(ev.comicInfo()).isEmpty();
        assertThat(ev.comicInfoBytes()).isPresent();
        assertThat(ev.comicInfoUnreadable()).isTrue();
        assertThat(ev.notes()).singleElement().asString().startsWith("ComicInfo.xml is unreadable");
        // the file name still counts
        assertThat(ev.hints()).extracting(NameHint::source).containsExactly("file name");
    }

    // ---- the records ----

    @Test
    void aNameHintNormalizesItsNumberAndNulls() {
        NameHint h = new NameHint("file name", "  Saga ", " 004 ", null, null, null);
        assertThat(h.series()).isEqualTo("Saga");
        assertThat(h.number()).isEqualTo("004");
        assertThat(h.metronNumber()).isEqualTo("4");
        assertThat(h.numberAssumed()).isFalse();
        assertThat(h.year()).isEmpty();
        assertThat(h.volume()).isEmpty();
        assertThat(h.yearBegan()).isEmpty();
        assertThat(h.usable()).isTrue();

        NameHint noNumber = new NameHint("file name", "Saga", null, Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(noNumber.number()).isEmpty();
        assertThat(noNumber.metronNumber()).isEqualTo("1");
        assertThat(noNumber.numberAssumed()).isTrue();

        assertThat(new NameHint("file name", " ", "1", Optional.empty(), Optional.empty(), Optional.empty())
                .usable()).isFalse();
        assertThat(new NameHint("x", "Saga", "0", Optional.empty(), Optional.empty(), Optional.empty())
                .metronNumber()).isEqualTo("0");
        assertThat(new NameHint("x", "Saga", "1.5", Optional.empty(), Optional.empty(), Optional.empty())
                .metronNumber()).isEqualTo("1.5");
    }

    @Test
    void evidencePrefersTheMetadataUpcToTheBarcode() {
        ScannedUpc scanned = ScannedUpc.of("709853018728", "00311");
        Evidence both = evidence("70985301872700211", Optional.of(scanned));
        assertThat(both.anyUpc()).contains("70985301872700211");
        Evidence barcodeOnly = evidence(null, Optional.of(scanned));
        assertThat(barcodeOnly.upc()).isEmpty();
        assertThat(barcodeOnly.anyUpc()).contains("70985301872800311");
        assertThat(evidence("", Optional.empty()).anyUpc()).isEmpty();
    }

    private static Evidence evidence(String upc, Optional<ScannedUpc> barcode) {
        return new Evidence(Path.of("x.cbz"), "f", List.of(), upc, barcode, List.of(), Optional.empty(), null,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private List<String> readings(Path file) throws IOException {
        return collector.collect(cbz(file, COVER), false).hints().stream()
                .map(h -> h.source() + ": " + h.series() + " #" + h.number() + h.volume().map(v -> " v" + v).orElse("")
                        + h.year().map(y -> " (" + y + ")").orElse(""))
                .toList();
    }

    @Test
    void aCollectedEditionsVolumeIsItsNumberInTheSeriesOfCollectedEditions(@TempDir Path dir) throws IOException {
        List<String> expected = List.of("file name: Batman TPB #2 (2013)", NameHint.OTHERWISE + ": Batman #2 (2013)");
        assertThat(readings(dir.resolve("Batman TPB Vol. 2 (2013).cbz"))).isEqualTo(expected);
        assertThat(readings(dir.resolve("Batman Vol. 02 TPB (2013).cbz"))).isEqualTo(expected);
        // a plain volume is still a series volume
        assertThat(readings(dir.resolve("Batman v2 004 (2012).cbz"))).containsExactly("file name: Batman #004 v2 (2012)");
    }

    @Test
    void aStoryTitleAfterADashIsReadOtherwiseAsTheSeriesBeforeIt(@TempDir Path dir) throws IOException {
        assertThat(readings(dir.resolve("Saga - Chapter One 001 (2012).cbz"))).containsExactly(
                "file name: Saga - Chapter One #001 (2012)", NameHint.OTHERWISE + ": Saga #001 (2012)");
    }

    @Test
    void aTitleEndingInANumberGivesThatNumberAsAnotherReading(@TempDir Path dir) throws IOException {
        assertThat(readings(dir.resolve("Ms. Marvel- Chapter 2 - Nightfall 013 (1978).cbz")))
                .containsExactly("file name: Ms. Marvel- #2 (1978)", "file name: Ms. Marvel- #013 (1978)");
    }
}
