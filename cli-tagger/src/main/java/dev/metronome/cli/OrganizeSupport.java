package dev.metronome.cli;

import dev.metronome.organize.Checkpoint;
import dev.metronome.organize.FileMover;
import dev.metronome.organize.FileStores;
import dev.metronome.organize.RunResult;
import dev.metronome.organize.Runs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code organize}, {@code undo} and {@code duplicates} share: the journalled runs, and two hooks for the
 * crash test, read from the environment: {@code METRONOME_TEST_PAUSE_AT=N} stops the process at its N-th
 * checkpoint (it prints {@code METRONOME-PAUSED} and waits to be killed), {@code METRONOME_TEST_CROSS_FS=1} makes
 * every move a cross-file-system copy.
 */
final class OrganizeSupport {

    static final String ENV_PAUSE_AT = "METRONOME_TEST_PAUSE_AT";
    static final String ENV_CROSS_FS = "METRONOME_TEST_CROSS_FS";
    static final String PAUSED = "METRONOME-PAUSED";

    private OrganizeSupport() {
    }

    static Runs runs(Path journalDir, Map<String, String> env) {
        Checkpoint checkpoint = checkpoint(env);
        FileStores stores = "1".equals(env.get(ENV_CROSS_FS)) ? (a, b) -> false : FileStores.REAL;
        return new Runs(journalDir, new FileMover(stores, checkpoint), checkpoint, Clock.systemUTC());
    }

    private static Checkpoint checkpoint(Map<String, String> env) {
        String pauseAt = env.get(ENV_PAUSE_AT);
        if (pauseAt == null || pauseAt.isBlank()) {
            return Checkpoint.NONE;
        }
        int stopAt = Integer.parseInt(pauseAt.strip());
        AtomicInteger seen = new AtomicInteger();
        return what -> {
            if (seen.incrementAndGet() == stopAt) {
                System.err.println(PAUSED + " " + stopAt + " " + what);
                System.err.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // wait for the kill
                    }
                }
            }
        };
    }

    /** The archives of these files and folders (folders walked), sorted; a missing path is a usage error. */
    static java.util.List<Path> archives(java.util.List<Path> paths) throws java.io.IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (Path path : paths) {
            if (java.nio.file.Files.isDirectory(path)) {
                files.addAll(dev.metronome.archive.Archives.under(path));
            } else if (java.nio.file.Files.exists(path)) {
                files.add(path);
            } else {
                throw new UserError(ExitCode.USAGE, path + " does not exist");
            }
        }
        return files;
    }

    /** Prints what a completion or undo did, one line per file that did not simply move back or on. */
    static void printResult(RunResult result, PrintWriter out, PrintWriter err, boolean verbose) {
        for (RunResult.Outcome outcome : result.outcomes()) {
            boolean problem = outcome.status() == RunResult.Status.FAILED || outcome.status() == RunResult.Status.MISSING
                    || outcome.status() == RunResult.Status.CONFLICT;
            if (problem) {
                err.printf("metronome: %s -> %s: %s (%s)%n", outcome.move().from(), outcome.move().to(),
                        outcome.status().name().toLowerCase(java.util.Locale.ROOT), outcome.detail());
            } else if (verbose) {
                out.printf("%-9s %s -> %s%n", outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                        outcome.move().from(), outcome.move().to());
            }
        }
    }

    /** The JSON of a run's outcome. */
    static Map<String, Object> json(RunResult result) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("run_id", result.runId());
        json.put("kind", result.kind());
        json.put("action", result.action());
        json.put("files", result.outcomes().stream().map(o -> Map.of("from", o.move().from().toString(), "to",
                o.move().to().toString(), "status", o.status().name().toLowerCase(java.util.Locale.ROOT), "detail", o.detail())).toList());
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (RunResult.Status status : RunResult.Status.values()) {
            counts.put(status.name().toLowerCase(java.util.Locale.ROOT), result.count(status));
        }
        json.put("summary", counts);
        json.put("removed_folders", result.removedFolders().stream().map(Path::toString).toList());
        return json;
    }
}
