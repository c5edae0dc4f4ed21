package dev.metronome.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.DemoLibrary;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** The pipeline on the demo library: what is written, what is not, and the runs' edges. */
class TaggingRunTest {

    @Test
    void tagWritesMatchedFilesOnlyAndConvertsNothingUnasked(@TempDir Path dir) throws Exception {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        Map<Path, byte[]> before = snapshot(demo);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 2)) {
            AtomicInteger finished = new AtomicInteger();
            RunReport report = engine.newRun(TaggingOptions.defaults().withJobs(2), new TaggingListener() {
                @Override
                public void fileFinished(FileReport r) {
                    finished.incrementAndGet();
                }
            }).run(List.of(dir.resolve("lib")));
            assertThat(finished.get()).isEqualTo(demo.size());
            Map<String, FileReport> byPath = new HashMap<>();
            report.files().forEach(f -> byPath.put(f.path(), f));
            for (LabelledArchive a : demo) {
                FileReport f = byPath.get(a.path().toString());
                if (FileReport.MATCHED.equals(f.status()) || f.issueId() != null) {
                    assertThat(f.issueId()).as(a.toString()).isEqualTo(a.trueIssueId());
                }
                boolean readOnlyFormat = !a.path().toString().endsWith(".cbz");
                if (readOnlyFormat && f.issueId() != null) {
                    // CBR and CB7 are read-only without --convert: identified, not written, an error, the file intact
                    assertThat(f.status()).isEqualTo(FileReport.ERROR);
                    assertThat(f.written()).isFalse();
                    assertThat(f.error()).contains("--convert");
                    assertThat(Files.readAllBytes(a.path())).isEqualTo(before.get(a.path()));
                } else if (FileReport.MATCHED.equals(f.status())) {
                    assertThat(f.written()).as(a.toString()).isTrue();
                    try (ComicArchive archive = Archives.open(a.path())) {
                        String xml = new String(archive.readMetadata("ComicInfo.xml").orElseThrow(),
                                StandardCharsets.UTF_8);
                        assertThat(xml).contains("[issue_id:" + a.trueIssueId() + "]");
                    }
                } else {
                    // below the threshold nothing is written
                    assertThat(f.written()).isFalse();
                    assertThat(Files.readAllBytes(a.path())).isEqualTo(before.get(a.path()));
                }
            }
            long readOnlyIdentified = report.files().stream()
                    .filter(f -> !f.path().endsWith(".cbz") && f.issueId() != null).count();
            assertThat(readOnlyIdentified).isPositive();
            assertThat(report.summary().ambiguous()).isGreaterThanOrEqualTo(1);
            assertThat(report.summary().matched() + readOnlyIdentified).isGreaterThanOrEqualTo(demo.size() - 2);
        }
    }

    @Test
    void dryRunWritesNothingAndForcedIdsAndConversionWork(@TempDir Path dir) throws Exception {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        Map<Path, byte[]> before = snapshot(demo);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 2)) {
            RunReport dry = engine.newRun(TaggingOptions.defaults().withDryRun(true), null)
                    .run(List.of(dir.resolve("lib")));
            assertThat(dry.files()).noneMatch(FileReport::written);
            for (LabelledArchive a : demo) {
                assertThat(Files.readAllBytes(a.path())).isEqualTo(before.get(a.path()));
            }
            LabelledArchive ambiguous = demo.stream().filter(LabelledArchive::undecidable).findFirst().orElseThrow();
            RunReport forced = engine.newRun(TaggingOptions.defaults().withForcedIssueId(ambiguous.trueIssueId()),
                    null).run(List.of(ambiguous.path()));
            assertThat(forced.files().get(0).status()).isEqualTo(FileReport.MATCHED);
            assertThat(forced.files().get(0).written()).isTrue();

            LabelledArchive cbr = demo.stream().filter(a -> a.path().toString().endsWith(".cbr")).findFirst()
                    .orElseThrow();
            RunReport converted = engine.newRun(TaggingOptions.defaults().withConvert(true), null)
                    .run(List.of(cbr.path()));
            FileReport f = converted.files().get(0);
            assertThat(f.written()).isTrue();
            assertThat(f.writtenPath()).endsWith(".cbz").isNotEqualTo(cbr.path().toString());
        }
    }

    @Test
    void aChooserSettlesAnAmbiguousFile(@TempDir Path dir) {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        LabelledArchive ambiguous = demo.stream().filter(LabelledArchive::undecidable).findFirst().orElseThrow();
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            List<Integer> offered = new java.util.ArrayList<>();
            RunReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withChooser(
                    (file, candidates, reasons) -> {
                        offered.add(candidates.size());
                        return candidates.stream().filter(c -> c.issueId() == ambiguous.trueIssueId())
                                .mapToLong(c -> c.issueId()).findFirst().isPresent()
                                ? OptionalLong.of(ambiguous.trueIssueId()) : OptionalLong.empty();
                    }), null).run(List.of(ambiguous.path()));
            assertThat(offered).containsExactly(offered.get(0)).allMatch(n -> n > 1);
            assertThat(report.files().get(0).issueId()).isEqualTo(ambiguous.trueIssueId());
        }
    }

    @Test
    void withoutCredentialsTheFirstNeededRequestFailsClearly(@TempDir Path dir) {
        List<LabelledArchive> demo = DemoLibrary.create(dir.resolve("lib"));
        try (CorpusRun fake = new CorpusRun();
             Metronome engine = Metronome.builder()
                     .settings(MetronSettings.defaults().withBaseUrl(URI.create(fake.server.baseUrl())))
                     .cacheDir(dir.resolve("cache")).clock(fake.clock).build()) {
            assertThatThrownBy(() -> engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(demo.get(0).path())))
                    .isInstanceOf(MetronException.class).hasMessage(Metronome.NO_CREDENTIALS);
            assertThat(fake.log()).isEmpty();
        }
    }

    @Test
    void badFilesAreReportsNotExceptions(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("broken.cbz"), "not a zip");
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            RunReport report = engine.newRun(TaggingOptions.defaults(), null)
                    .run(List.of(junk, dir.resolve("missing.cbz")));
            assertThat(report.files()).extracting(FileReport::status).containsOnly(FileReport.ERROR);
            assertThat(report.files()).allSatisfy(f -> assertThat(f.error()).doesNotContain("\n").isNotBlank());
            assertThat(report.summary().errors()).isEqualTo(2);
        }
    }

    private static Map<Path, byte[]> snapshot(List<LabelledArchive> demo) throws Exception {
        Map<Path, byte[]> bytes = new HashMap<>();
        for (LabelledArchive a : demo) {
            bytes.put(a.path(), Files.readAllBytes(a.path()));
        }
        return bytes;
    }
}
