package dev.metronome.tagging.bench;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.CorpusGenerator;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.tagging.CorpusRun;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code identify} over 500 archives that all carry their Metron id, with a warm cache: files per second (the score
 * is per file, {@link OperationsPerInvocation}). Each run costs one {@code modified_gt} request.
 *
 * <pre>./mvnw -B -Pbench -pl core -am verify -DskipTests -Dbench=WarmIdentifyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class WarmIdentifyBenchmark {

    private static final int FILES = 500;

    private Path dir;
    private CorpusRun fake;
    private Metronome engine;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("metronome-warm");
        new CorpusGenerator(Catalogue.bundled()).createTagged(dir.resolve("corpus"), FILES, 11L);
        fake = new CorpusRun();
        engine = fake.engine(dir.resolve("cache"), 2);
        RunReport warm = run();
        System.out.println("warm-up run: " + warm.summary());
    }

    private RunReport run() {
        fake.advance(java.time.Duration.ofMinutes(5));
        return engine.newRun(TaggingOptions.defaults().withIdentifyOnly(true).withJobs(2), null)
                .run(List.of(dir.resolve("corpus")));
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public RunReport identifyTaggedFiles() {
        RunReport report = run();
        if (report.summary().matched() != FILES) {
            throw new IllegalStateException("expected every file matched: " + report.summary());
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        fake.close();
        CorpusRun.deleteTree(dir);
    }
}
