package dev.metronome.cli;

import dev.metronome.fixtures.metron.FaultyMetronServer.Mode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The 200-file {@code tag} run of {@link DeadMetronTest}, with the DEFAULT timeouts and backoffs (5 s connect,
 * 30 s deadline, 1/2/4 s backoff, the 503s asking for Retry-After 10 s), once per fault, printing the wall time of
 * each. The goal: each ends within 2 minutes with exit 4. Run it with the {@code bench} profile:
 * <pre>{@code ./mvnw -B -Pbench -pl cli-tagger -am verify -DskipTests -Dbench.jmh.skip=true}</pre>
 * or directly with the test class path: {@code java -cp ... dev.metronome.cli.DeadMetronBench}.
 */
public final class DeadMetronBench {

    private DeadMetronBench() {
    }

    /**
     * Runs every mode and prints one line each.
     *
     * @param args the faults to run, comma-separated (e.g. {@code STALL,REFUSED}); none: all five
     * @throws IOException when the temporary folder cannot be made
     */
    public static void main(String[] args) throws IOException {
        List<Mode> modes = args.length == 0 || args[0].isBlank()
                ? List.of(Mode.REFUSED, Mode.STALL, Mode.SERVER_ERRORS, Mode.UNAVAILABLE_RETRY_AFTER, Mode.HUGE_BODY)
                : java.util.Arrays.stream(args[0].split(",")).map(String::strip).map(Mode::valueOf).toList();
        Path dir = Files.createTempDirectory("dead-metron-bench");
        Path library = DeadMetronRuns.library(dir.resolve("library"), DeadMetronTest.FILES);
        System.out.printf("DeadMetronBench: %d files, jobs %d (default), default timeouts%n", DeadMetronTest.FILES,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        boolean allWithin = true;
        for (Mode mode : modes) {
            DeadMetronRuns.Outcome run = DeadMetronRuns.run(mode, library, dir, Map.of(), 10, true);
            boolean within = run.wallMs() < 120_000 && run.exitCode() == ExitCode.FATAL;
            allWithin &= within;
            System.out.printf("%-24s %7.1f s  exit %d  errors %3d  not reached %3d  requests %3d  %s%n", mode,
                    run.wallMs() / 1000.0, run.exitCode(), run.errors(), run.notReached(),
                    mode == Mode.REFUSED ? run.ioErrors() : run.serverRequests(), within ? "ok" : "OVER GOAL");
            System.out.println("    " + String.join(" | ", run.errLines()));
        }
        System.out.println(allWithin ? "every mode ended within 2 minutes with exit 4" : "GOAL MISSED");
        System.exit(allWithin ? 0 : 1);
    }
}
