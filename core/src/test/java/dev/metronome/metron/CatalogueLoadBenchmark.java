package dev.metronome.metron;

import dev.metronome.fixtures.metron.Catalogue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How long the fake Metron server's bundled catalogue (24,131 issues, 47 MB of JSON gzipped) takes to load.
 * Single-shot: the first load in a fresh JVM is what every test run and the demo pay once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class CatalogueLoadBenchmark {

    /** A cold load of the bundled catalogue. */
    @Benchmark
    public Catalogue coldLoad() {
        return Catalogue.readBundled();
    }
}
