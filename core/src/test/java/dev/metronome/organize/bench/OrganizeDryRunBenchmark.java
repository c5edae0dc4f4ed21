package dev.metronome.organize.bench;

import dev.metronome.fixtures.archives.TaggedArchives;
import dev.metronome.organize.Plan;
import dev.metronome.organize.PlannedFile;
import dev.metronome.organize.Planner;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code organize --dry-run} over 20,000 tagged archives: the whole plan (walk, open every archive, read its
 * MetronInfo.xml or ComicInfo.xml, render the default template, check every target) in a fresh JVM. The first
 * iteration is the cold figure the goal is about (at most 10 s of work after the JVM has started); the later ones
 * show the warm cost. The library (a messy layout: 200 folders, 60 series, half with MetronInfo) is generated once
 * into the temp folder and reused.
 *
 * <pre>./mvnw -B -Pbench -pl core -am verify -DskipTests -Dbench=OrganizeDryRunBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 0)
@Measurement(iterations = 3)
public class OrganizeDryRunBenchmark {

    @Param({"20000"})
    public int files;

    private Path library;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        library = Path.of(System.getProperty("java.io.tmpdir"), "metronome-organize-bench-" + files);
        Path done = library.resolve(".complete");
        if (Files.exists(done)) {
            return;
        }
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            int series = i % 60;
            TaggedArchives.write(library.resolve("unsorted/" + (i % 200) + "/scan " + i + ".cbz"), "Publisher " + series % 7,
                    "Series " + series, 1990 + series % 30, String.valueOf(i / 60 + 1), 2000 + i % 25,
                    i % 2 == 0 ? 100_000 + i : 0, 2, i);
        }
        Files.writeString(done, "ok");
        System.out.printf("generated %d archives in %.1f s%n", files, (System.nanoTime() - start) / 1e9);
    }

    @Benchmark
    public Plan dryRun() throws IOException {
        Plan plan = new Planner(Planner.Options.defaults()).plan(List.of(library));
        if (plan.count(PlannedFile.Status.MOVE) != files) {
            throw new IllegalStateException("expected " + files + " moves, planned " + plan.count(PlannedFile.Status.MOVE));
        }
        return plan;
    }
}
