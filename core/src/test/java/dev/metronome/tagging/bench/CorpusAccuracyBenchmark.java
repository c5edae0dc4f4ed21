package dev.metronome.tagging.bench;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.CorpusGenerator;
import dev.metronome.fixtures.corpus.CorpusKind;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.tagging.CorpusRun;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The accuracy benchmark: a labelled corpus (500 archives by default) identified once against the fake Metron
 * server with an empty cache; prints precision, recall, the ambiguous rate and requests per file, then the cost of a
 * second run over the same files. One shot: the figures matter, not the time.
 *
 * <pre>./mvnw -B -Pbench -pl core -am verify -DskipTests -Dbench=CorpusAccuracyBenchmark</pre>
 * On the dense world by default ({@code -Dbench.args="-p dense=false"} for the bare sample); prints precision and
 * recall per kind of file, the files the cover hash decided, and the requests by kind. {@code -p tag=true} tags
 * (writes) instead of identifying ({@code -p convert=true} converts the CB7 archives so that they are written too, as
 * {@code --convert} does); {@code -p library=true} makes a library of series folders only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class CorpusAccuracyBenchmark {

    @Param({"500"})
    public int files;

    @Param({"20261127"})
    public long seed;

    /** Whether the fake serves the Metron-sized world ({@code DenseWorld}) instead of the bare sample. */
    @Param({"true"})
    public boolean dense;

    /** Whether the runs tag (write the files, fetching what the tag needs) instead of only identifying. */
    @Param({"false"})
    public boolean tag;

    /** Whether the corpus is a library of series folders only (Mylar layout) instead of the mixed one. */
    @Param({"false"})
    public boolean library;

    /** Whether a tag run converts the read-only archives (CB7) to CBZ ({@code --convert}) so that it writes them. */
    @Param({"false"})
    public boolean convert;

    private Path dir;
    private List<LabelledArchive> corpus;
    private CorpusRun fake;
    private Metronome engine;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("metronome-corpus");
        var catalogue = dense ? dev.metronome.fixtures.metron.DenseWorld.bundled()
                : dev.metronome.fixtures.metron.Catalogue.bundled();
        System.out.println("world: " + catalogue);
        corpus = CorpusRun.coverOnlyTruth(library
                ? new CorpusGenerator(catalogue).create(dir.resolve("corpus"), files, seed, CorpusKind.LIBRARY)
                : new CorpusGenerator(catalogue).create(dir.resolve("corpus"), files, seed), catalogue);
        Map<String, Long> kinds = new TreeMap<>();
        corpus.forEach(a -> kinds.merge(a.kind(), 1L, Long::sum));
        System.out.println("corpus: " + corpus.size() + " archives, kinds " + kinds + " (weights "
                + Stream.of(CorpusKind.values()).map(k -> k.name() + "=" + k.weight() + "%").toList() + ")");
        Map<String, Long> bySeries = new TreeMap<>();
        corpus.forEach(a -> bySeries.merge(catalogue.issue((int) a.trueIssueId()).map(i -> i.path("series").path("name")
                .asText() + " (" + i.path("series").path("year_began").asText() + ") id="
                + i.path("series").path("id").asText()).orElse("?"), 1L, Long::sum));
        System.out.printf(java.util.Locale.ROOT, "true series: %d (%.1f files each)%n", bySeries.size(),
                (double) corpus.size() / bySeries.size());
        fake = new CorpusRun(catalogue);
        engine = fake.engine(dir.resolve("cache"), 2);
    }

    @Benchmark
    public RunReport identifyCorpus() {
        RunReport first = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(!tag).withConvert(convert).withJobs(2), null)
                .run(List.of(dir.resolve("corpus")));
        CorpusRun.Score score = CorpusRun.score(corpus, first);
        System.out.println("FIRST RUN (empty cache): " + score.line());
        System.out.println("  requests: " + first.summary().requests());
        System.out.println("  sent while the rate window was exhausted: " + fake.sentWhileExhausted());
        score.wrong().forEach(w -> System.out.println("  WRONG: " + w));
        CorpusRun.byKind(corpus, first).forEach(line -> System.out.println("  kind " + line));
        System.out.println("  decided by the cover hash: " + CorpusRun.coverDecided(corpus, first));
        System.out.println("  cover-hash-only files: " + CorpusRun.coverOnly(corpus, first));
        System.out.println("  matched at 0.95 or above and wrong: " + first.files().stream()
                .filter(f -> dev.metronome.tagging.FileReport.MATCHED.equals(f.status()) && f.confidence() >= 0.95)
                .filter(f -> score.wrong().stream().anyMatch(w -> w.startsWith(f.path() + " -> "))).count());
        System.out.println("  requests by kind: " + CorpusRun.requestKinds(fake.log()));
        Map<String, Long> errors = new TreeMap<>();
        first.files().stream().filter(f -> f.error() != null)
                .forEach(f -> errors.merge(f.error().replaceAll("\\d+", "N"), 1L, Long::sum));
        System.out.println("  errors by cause: " + errors);
        fake.log().stream().map(e -> e.pathAndQuery()).filter(q -> !q.matches("/api/issue/\\d+/"))
                .forEach(q -> System.out.println("  > " + q));
        CorpusRun.misses(corpus, first).stream().limit(40).forEach(m -> System.out.println("  miss: " + m));
        int logged = fake.log().size();
        fake.advance(java.time.Duration.ofHours(2));
        RunReport second = engine.newRun(TaggingOptions.defaults().withIdentifyOnly(!tag).withConvert(convert).withJobs(2), null)
                .run(List.of(dir.resolve("corpus")));
        System.out.println("SECOND RUN (same files): " + CorpusRun.score(corpus, second).line());
        System.out.println("  requests: " + second.summary().requests());
        System.out.println("  requests by kind: " + CorpusRun.requestKinds(fake.log().subList(logged,
                fake.log().size())));
        fake.log().subList(logged, fake.log().size()).stream().map(e -> e.pathAndQuery())
                .filter(q -> !q.matches("/api/issue/\\d+/")).forEach(q -> System.out.println("  >> " + q));
        return second;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        fake.close();
        CorpusRun.deleteTree(dir);
    }
}
