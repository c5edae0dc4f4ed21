package dev.metronome.filename.bench;

import dev.metronome.filename.FilenameParser;
import dev.metronome.filename.ParsedName;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Names parsed per second on one thread, over a realistic mix: scene releases, Mylar names, bare
 * numbers, volumes, annuals, TPBs, dotted and underscored names, numbers in series names.
 * The score is operations (= names) per second. Run settings sit in annotations (1 fork, 2 × 2 s warm-up,
 * 3 × 2 s measurement) because the bench profile passes {@code bench.args} as one argument.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FilenameParserBenchmark {

    private static final String[] NAMES = {
        "Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz",
        "X-Men v2 #1 (1991) (c2c).cbr",
        "Batman - The Long Halloween 01 (of 13) (1996).cbz",
        "Aquaman - Green Arrow - Deep Target #01 (of 07) (2021) (digital) (Son of Ultron-Empire).cbr",
        "Action Comics 1000 (2018) (Digital).cbz",
        "2000 AD Prog 2150 (2019).cbz",
        "100 Bullets 050 (2004).cbz",
        "Spider-Man 2099 #25 (1994).cbz",
        "Star Wars - War of the Bounty Hunters - IG-88 #1 (2021) (Digital) (Kileko-Empire).cbz",
        "Saga v01 (2012) (Digital TPB).cbz",
        "001.cbz",
        "Issue 12.cbz",
        "Monster_Island_v1_#2__repaired__c2c.cbz",
        "Amazing.Spider-Man.001.2018.Digital.Zone-Empire.cbz",
        "The Walking Dead 100 - Something to Fear (2012).cbz",
        "X-Men Annual '95.cbz",
        "Infinity Gauntlet #1-6 (1991).cbz",
        "Avengers #1.MU (2015).cbz",
        "Wonder Woman #49 DC Sep-Oct 1951 digital [downsized, lightened, 4 missing story pages restored] (Shadowcat-Empire).cbz",
        "Cyberpunk 2077 - You Have My Word #02 (2021) (digital) (Son of Ultron-Empire).cbr",
        "Blue Beetle #½.cbr",
        "Detective_Comics_027_(1939)_(c2c).cbz",
        "The Defenders v1 Annual #01 (1976) (Digital) (Minutemen-Slayer).cbr",
        "Elephantmen 2259 #008 - Simple Truth 03 (of 06) (2021) (digital) (Son of Ultron-Empire).cbr",
    };

    private final FilenameParser parser = new FilenameParser();

    /**
     * Parses every name of the mix once.
     *
     * @param bh sink that keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(24)
    public void parseMixedNames(Blackhole bh) {
        for (String name : NAMES) {
            ParsedName parsed = parser.parse(name);
            bh.consume(parsed);
        }
    }
}
