package dev.metronome.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.CorpusGenerator;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.RequestLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of archives whose Metron ids are all stale (Metron renumbered them) never gets the client banned: the fake
 * bans after 20 answers 404 within 120 s, as the real server does, and the client stops asking about carried ids
 * after a few 404s in a row, and identifies the files by their names instead.
 */
class StaleIdsNeverBanTest {

    /** Where the served ids start: every id the archives carry is absent from the served catalogue. */
    private static final int SHIFT = 10_000_000;

    @Test
    void aHundredArchivesWithStaleIdsNeverGetTheClientBanned(@TempDir Path dir) throws IOException {
        List<LabelledArchive> archives = new CorpusGenerator(Catalogue.bundled())
                .createTagged(dir.resolve("lib"), 100, 16);
        assertThat(archives).hasSize(100);
        Catalogue renumbered = renumbered(archives, dir.resolve("served"));
        try (CorpusRun fake = new CorpusRun(renumbered); Metronome engine = fake.engine(dir.resolve("cache"), 2)) {
            RunReport report = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true), null)
                    .run(List.of(dir.resolve("lib")));

            assertThat(fake.server.bans()).as("bans").isEmpty();
            List<Instant> notFound = fake.log().stream().filter(e -> e.status() == 404).map(RequestLogEntry::time)
                    .sorted().toList();
            int worst = worstWindow(notFound, Duration.ofSeconds(120));
            System.out.printf("stale ids: 100 archives, %d answers 404, at most %d in any 120 s (ban at 20),"
                    + " %d requests, %d matched%n", notFound.size(), worst, fake.log().size(),
                    report.summary().matched());
            assertThat(worst).as("404s in the worst 120 s").isLessThanOrEqualTo(6);
            // the files fall back to their names and are found under their new ids
            Map<String, Long> truth = archives.stream().collect(Collectors.toMap(a -> a.path().toString(),
                    a -> a.trueIssueId() + SHIFT));
            long right = report.files().stream().filter(f -> FileReport.MATCHED.equals(f.status())
                    && truth.get(f.path()).equals(f.issueId())).count();
            assertThat(right).as("matched to the renumbered issue").isGreaterThanOrEqualTo(90);
            assertThat(report.files()).filteredOn(f -> FileReport.MATCHED.equals(f.status()))
                    .allMatch(f -> truth.get(f.path()).equals(f.issueId()));
        }
    }

    /** The most timestamps within any window of the given length. */
    static int worstWindow(List<Instant> times, Duration window) {
        int worst = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plus(window).isAfter(times.get(end))) {
                start++;
            }
            worst = Math.max(worst, end - start + 1);
        }
        return worst;
    }

    /** The archives' series, with every issue id moved by {@link #SHIFT}: the ids the archives carry are stale. */
    private static Catalogue renumbered(List<LabelledArchive> archives, Path dir) throws IOException {
        Catalogue bundled = Catalogue.bundled();
        Set<Integer> seriesIds = new HashSet<>();
        for (LabelledArchive a : archives) {
            seriesIds.add(bundled.issue((int) a.trueIssueId()).orElseThrow().path("series").path("id").asInt());
        }
        ObjectMapper json = new ObjectMapper();
        ArrayNode series = json.createArrayNode();
        ArrayNode issues = json.createArrayNode();
        Set<Integer> publishers = new HashSet<>();
        for (int id : seriesIds) {
            ObjectNode s = bundled.seriesById(id).orElseThrow();
            series.add(s);
            publishers.add(s.path("publisher").path("id").asInt());
            for (ObjectNode issue : bundled.issuesOf(id)) {
                issues.add(issue.deepCopy().put("id", issue.path("id").asInt() + SHIFT));
            }
        }
        Files.createDirectories(dir);
        write(json, dir.resolve("series.json"), series);
        write(json, dir.resolve("issues.json"), issues);
        write(json, dir.resolve("publishers.json"), json.valueToTree(bundled.publishers().stream()
                .filter(p -> publishers.contains(p.path("id").asInt())).toList()));
        write(json, dir.resolve("imprints.json"), json.valueToTree(bundled.imprints()));
        return Catalogue.load(dir);
    }

    private static void write(ObjectMapper json, Path file, Object value) throws IOException {
        json.writeValue(file.toFile(), value);
    }

}
