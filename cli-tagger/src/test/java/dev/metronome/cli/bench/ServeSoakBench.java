package dev.metronome.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.fixtures.archives.TaggedArchives;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code serve folder} process (the real CLI, a child JVM) taking {@code -Dbench.events} arrivals (10,000 by
 * default): archives renamed into the watched folder in batches, each batch waited for until every file is tagged,
 * then removed (so that the folder does not grow: what is measured is the daemon, not the library). Prints the
 * child's RSS and its live heap (after a full GC, through {@code jcmd}) at the start and after every 2,000 events;
 * memory must stay flat. {@code -Dbench.histogram=true} adds the live heap's biggest classes to each report.
 *
 * <pre>./mvnw -B -Pbench -pl cli-tagger -am verify -DskipTests -Dbench=ServeSoakBench -Dbench.events=10000</pre>
 */
final class ServeSoakBench {

    private static final int BATCH = 250;

    private ServeSoakBench() {
    }

    static void main() throws Exception {
        int events = Bench.intProperty("events", 10_000);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "metronome-bench-serve");
        BigLibraryBench.delete(dir);
        Path watched = Files.createDirectories(dir.resolve("incoming"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        List<ObjectNode> issues = Catalogue.bundled().issues().stream()
                .sorted(Comparator.comparingInt(i -> i.path("id").asInt())).toList();
        try (FakeMetronServer metron = ChildJvm.unlimitedMetron()) {
            ChildJvm child = new ChildJvm(dir.resolve("home"), metron);
            Files.createDirectories(dir.resolve("home"));
            Path log = dir.resolve("serve.log");
            Process serve = child.start(log, "serve", "folder", watched.toString(), "--settle-ms", "50");
            try {
                awaitServing(serve, log);
                report(serve, 0, "start");
                long start = System.nanoTime();
                for (int done = 0; done < events; done += BATCH) {
                    Map<Path, Long> batch = new HashMap<>();
                    for (int i = done; i < Math.min(events, done + BATCH); i++) {
                        ObjectNode issue = issues.get(i % issues.size());
                        Path file = TaggedArchives.write(staging.resolve("Book " + i + ".cbz"), "",
                                issue.path("series").path("name").asText(), 0, issue.path("number").asText(), 0,
                                issue.path("id").asLong(), 2, i);
                        batch.put(watched.resolve(file.getFileName()), Files.size(file));
                    }
                    for (Path target : batch.keySet()) {
                        Files.move(staging.resolve(target.getFileName()), target);
                    }
                    awaitTagged(serve, batch, log);
                    for (Path target : batch.keySet()) {
                        Files.delete(target);
                    }
                    int count = Math.min(events, done + BATCH);
                    if (count % 2000 == 0 || count == events) {
                        report(serve, count, String.format("%.0f s", (System.nanoTime() - start) / 1e9));
                    }
                }
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
                System.out.println(ChildJvm.tail(log, 3));
            }
            System.out.printf("RESULT ServeSoakBench %d events, %d requests%n", events, metron.requestLog().size());
        }
    }

    private static void awaitServing(Process serve, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.readString(log).contains("serving")) {
                return;
            }
            if (!serve.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve did not start:\n" + ChildJvm.tail(log, 20));
    }

    /** Waits until every file of the batch was rewritten (its size changed: a ComicInfo.xml was written). */
    private static void awaitTagged(Process serve, Map<Path, Long> batch, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<Path> pending = new ArrayList<>(batch.keySet());
        while (!pending.isEmpty()) {
            pending.removeIf(p -> {
                try {
                    return Files.size(p) != batch.get(p);
                } catch (IOException e) {
                    return false;
                }
            });
            if (!serve.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " files not tagged:\n" + ChildJvm.tail(log, 20));
            }
            Thread.sleep(50);
        }
    }

    /** RSS from /proc, live heap after a full GC from jcmd. */
    private static void report(Process serve, int events, String when) throws Exception {
        long[] rss = ChildJvm.rssKb(serve.pid());
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(serve.pid()), "GC.run");
        String heap = run(jcmd, String.valueOf(serve.pid()), "GC.heap_info").lines()
                .filter(l -> l.contains("total") && l.contains("used")).findFirst().orElse("?").strip();
        System.out.printf("after %5d events (%s): RSS %.0f MB (peak %.0f MB); heap after GC: %s%n", events, when,
                rss[1] / 1024.0, rss[0] / 1024.0, heap);
        if (Boolean.getBoolean("bench.histogram")) {
            // what a leak is made of: the biggest classes of the live heap
            run(jcmd, String.valueOf(serve.pid()), "GC.class_histogram").lines().skip(1).limit(14)
                    .forEach(System.out::println);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
