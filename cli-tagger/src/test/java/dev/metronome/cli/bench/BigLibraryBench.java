package dev.metronome.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.fixtures.archives.TaggedArchives;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tag} over a big library through the real CLI, twice: the first run (every file identified and written;
 * goal: peak RSS at most 600 MB counting the JVM) and the unchanged re-run (goal: at most 30 s from the command
 * line, 1 request). The library ({@code -Dbench.files}, 20,000 by default) is small synthetic archives of real
 * catalogue issues in 200 folders: every other one carries its Metron id in a MetronInfo.xml, the others only a
 * ComicInfo.xml (series, volume, number, year), so that half the library is identified by search. It is generated
 * once into the temp folder and copied afresh for each first run.
 *
 * <pre>./mvnw -B -Pbench -pl cli-tagger -am verify -DskipTests -Dbench=BigLibraryBench -Dbench.files=20000</pre>
 */
final class BigLibraryBench {

    private BigLibraryBench() {
    }

    static void main() throws Exception {
        int files = Bench.intProperty("files", 20_000);
        int rounds = Bench.intProperty("rounds", 1);
        Path pristine = pristineLibrary(files);
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "metronome-bench-run-" + files);
        for (int round = 1; round <= rounds; round++) {
            delete(work);
            copyTree(pristine, work.resolve("library"));
            try (FakeMetronServer metron = ChildJvm.unlimitedMetron()) {
                ChildJvm child = new ChildJvm(work.resolve("home"), metron);
                ChildJvm.Result first = child.run(work.resolve("first.log"), "tag", "--quiet", work.resolve("library").toString());
                int firstRequests = metron.requestLog().size();
                System.out.printf("round %d first run: %d files, exit %d, %.1f s, peak RSS %.0f MB (VmHWM), "
                                + "%d requests%n%s%n", round, files, first.exitCode(), first.seconds(), first.peakRssMb(),
                        firstRequests, first.outTail());
                ChildJvm.Result again = child.run(work.resolve("rerun.log"), "tag", "--quiet", work.resolve("library").toString());
                int rerunRequests = metron.requestLog().size() - firstRequests;
                System.out.printf("round %d unchanged re-run: exit %d, %.1f s, peak RSS %.0f MB, %d requests%n%s%n",
                        round, again.exitCode(), again.seconds(), again.peakRssMb(), rerunRequests, again.outTail());
                System.out.printf("RESULT BigLibraryBench files=%d first: %.1f s %.0f MB; re-run: %.1f s %d requests%n",
                        files, first.seconds(), first.peakRssMb(), again.seconds(), rerunRequests);
            }
        }
    }

    /** The generated library, reused while its marker says it is complete. */
    static Path pristineLibrary(int files) throws IOException {
        Path library = Path.of(System.getProperty("java.io.tmpdir"), "metronome-bench-library-" + files);
        Path done = library.resolve(".complete");
        if (Files.exists(done)) {
            return library.resolve("library");
        }
        delete(library);
        long start = System.nanoTime();
        List<ObjectNode> issues = Catalogue.bundled().issues().stream()
                .sorted(Comparator.comparingInt(i -> i.path("id").asInt())).toList();
        java.util.stream.IntStream.range(0, files).parallel().forEach(i -> {
            ObjectNode issue = issues.get(i % issues.size());
            ObjectNode series = (ObjectNode) issue.path("series");
            String name = series.path("name").asText();
            String number = issue.path("number").asText();
            int year = Integer.parseInt(issue.path("cover_date").asText("2000").substring(0, 4));
            Path target = library.resolve("library/" + (i % 200) + "/" + safe(name) + " " + safe(number) + " (" + year
                    + ") [" + i + "].cbz");
            try {
                TaggedArchives.write(target, "", name, series.path("year_began").asInt(), number, year,
                        i % 2 == 0 ? issue.path("id").asLong() : 0, 3, i);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.writeString(done, "ok");
        System.out.printf("generated %d archives in %.1f s%n", files, (System.nanoTime() - start) / 1e9);
        return library.resolve("library");
    }

    private static String safe(String text) {
        return text.replaceAll("[/\\\\:*?\"<>|]", "_");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
