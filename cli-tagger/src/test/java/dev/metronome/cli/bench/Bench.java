package dev.metronome.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the command-line benchmarks: each starts the real CLI (the fat jar) as a child JVM against the fakes and
 * prints its figures. Not JMH: what is measured is a whole process (its wall time, its RSS), once per round.
 *
 * <pre>./mvnw -B -Pbench -pl cli-tagger -am verify -DskipTests -Dbench=WriteCommandBench</pre>
 * Long benchmarks should not hold a shared build lock: build once, then run this class yourself with the test
 * class path ({@code java -cp ... dev.metronome.cli.bench.Bench NAME}) and the {@code -Dbench.*} properties.
 */
public final class Bench {

    private static final Map<String, ThrowingRunnable> BENCHES = Map.of(
            "BigLibraryBench", BigLibraryBench::main,
            "DeadMetronBench", () -> dev.metronome.cli.DeadMetronBench.main(
                    new String[] {System.getProperty("dead-metron.modes", "")}),
            "ServeSoakBench", ServeSoakBench::main,
            "WriteCommandBench", WriteCommandBench::main);

    private Bench() {
    }

    /** A benchmark's entry point. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Runs every benchmark whose name matches the regular expression in {@code args[0]} (all when absent).
     *
     * @param args the name pattern
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        Pattern wanted = Pattern.compile(args.length == 0 || args[0].isBlank() ? ".*" : args[0]);
        int run = 0;
        for (String name : List.copyOf(new java.util.TreeSet<>(BENCHES.keySet()))) {
            if (wanted.matcher(name).find()) {
                System.out.println("== " + name);
                BENCHES.get(name).run();
                run++;
            }
        }
        if (run == 0) {
            throw new IllegalArgumentException("no benchmark matches " + wanted + "; known: " + BENCHES.keySet());
        }
    }

    /** An integer system property ({@code -Dbench.NAME=...}), or its default. */
    static int intProperty(String name, int fallback) {
        String value = System.getProperty("bench." + name, "");
        return value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
