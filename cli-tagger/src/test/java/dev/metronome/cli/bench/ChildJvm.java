package dev.metronome.cli.bench;

import dev.metronome.fixtures.metron.FakeMetronServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI as a child process: {@code java -jar metronome.jar ARGS} with a private home, cache and config,
 * pointed at a fake Metron; its RSS is sampled from {@code /proc/PID/status} while it runs.
 */
final class ChildJvm {

    private final Path jar;
    private final Path home;
    private final Map<String, String> env;

    /**
     * @param home  a private folder for the cache and config
     * @param metron the fake Metron the child talks to
     */
    ChildJvm(Path home, FakeMetronServer metron) {
        this.jar = jar();
        this.home = home;
        this.env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "bench", "METRON_PASS", "bench-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(), "HOME", home.toString());
    }

    /** The fat jar: {@code -Dmetronome.jar}, else {@code target/metronome.jar} of this module. */
    static Path jar() {
        String configured = System.getProperty("metronome.jar", "");
        Path jar = configured.isBlank() ? Path.of("target", "metronome.jar") : Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("cli-tagger", "target", "metronome.jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first (./mvnw -B -pl cli-tagger -am package -DskipTests)");
        }
        return jar.toAbsolutePath();
    }

    /** A fake Metron without rate limits, counting every request. */
    static FakeMetronServer unlimitedMetron() {
        return FakeMetronServer.builder().account("bench", "bench-pass")
                .burst(1_000_000_000, Duration.ofSeconds(60)).daily(1_000_000_000, Duration.ofDays(1)).threads(4).start();
    }

    /** What a finished child did. */
    record Result(int exitCode, double seconds, long peakRssKb, long lastRssKb, String outTail) {
        double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    /**
     * The command line: {@code java [jvm options] -jar metronome.jar args}, or with {@code -Dbench.launcher=PATH}
     * the launcher script users run ({@code ./metronome args}, which adds class-data sharing), on this JDK.
     */
    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty("bench.launcher", "");
        if (!launcher.isBlank()) {
            command.add(Path.of(launcher).toAbsolutePath().toString());
            command.addAll(args);
            return command;
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvm = System.getProperty("bench.childJvmArgs", "");
        if (!jvm.isBlank()) {
            command.addAll(List.of(jvm.strip().split("\\s+")));
        }
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** Starts the child with its output going to {@code log}. */
    Process start(Path log, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(List.of(args))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(home.toFile());
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** Runs the child to its end, sampling its RSS every 20 ms. */
    Result run(Path log, String... args) throws IOException, InterruptedException {
        Files.createDirectories(home);
        long start = System.nanoTime();
        Process process = start(log, args);
        long peak = 0;
        long last = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            // the JVM may be a child of the launcher script (its first command on JDK 17 does not exec)
            long[] rss = largest(process);
            peak = Math.max(peak, Math.max(rss[0], rss[1]));
            last = rss[1] > 0 ? rss[1] : last;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(process.exitValue(), seconds, peak, last, tail(log, 12));
    }

    /** VmHWM and VmRSS of the largest of a process and its descendants. */
    static long[] largest(Process process) {
        long[] best = rssKb(process.pid());
        for (ProcessHandle child : (Iterable<ProcessHandle>) process.descendants()::iterator) {
            long[] rss = rssKb(child.pid());
            if (rss[1] > best[1]) {
                best = rss;
            }
        }
        return best;
    }

    /** VmHWM and VmRSS of a live process in KB ({@code 0} where /proc does not say). */
    static long[] rssKb(long pid) {
        long hwm = 0;
        long rss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two samples
        }
        return new long[] {hwm, rss};
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
