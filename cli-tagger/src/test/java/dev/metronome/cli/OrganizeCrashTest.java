package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.archives.TaggedArchives;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL during {@code metronome organize}: a real child JVM runs the command over a 200-archive library and is
 * stopped at 20 points of its run (a test hook pauses it at its N-th checkpoint, then {@code destroyForcibly} sends
 * SIGKILL), ten on one file system and ten with every move a cross-file-system copy. After each kill, {@code undo}
 * (even points) or a rerun (odd points) must leave every file exactly once, byte-identical, with no temp file and
 * no unfinished journal left; after a rerun, {@code undo} must give back the original library exactly.
 */
class OrganizeCrashTest {

    private static final int ARCHIVES = 200;
    private static final int SIDE_FILES = 10;

    @TempDir
    static Path shared;

    private static Path pristine;

    @BeforeAll
    static void library() throws IOException {
        pristine = shared.resolve("pristine");
        for (int i = 0; i < ARCHIVES; i++) {
            Path file = pristine.resolve("unsorted/" + (i % 10) + "/file " + i + ".cbz");
            TaggedArchives.write(file, "Image", "Series " + (i % 7), 2000 + i % 7, String.valueOf(i / 7 + 1), 2010 + i % 5,
                    i % 2 == 0 ? 1000 + i : 0, 1, i);
            if (i < SIDE_FILES) {
                Files.writeString(file.resolveSibling("file " + i + ".nfo"), "side " + i);
            }
        }
    }

    @Test
    void aKillAtTwentyPointsIsUndoneOrCompletedWithEveryFileExactlyOnce(@TempDir Path dir) throws Exception {
        Map<String, String> original = snapshot(pristine);
        int moves = ARCHIVES + SIDE_FILES;
        // checkpoints: 1 journal written, then per move: reserved (+ copied, copied into place across file systems),
        // move done; then 1 complete
        int sameTotal = 2 + 2 * moves;
        int crossTotal = 2 + 4 * moves;
        List<int[]> points = new ArrayList<>();
        for (int p : new int[] {1, 2, 3, 4, 5, sameTotal / 4, sameTotal / 2 + 1, 3 * sameTotal / 4, sameTotal - 1, sameTotal}) {
            points.add(new int[] {p, 0});
        }
        for (int p : new int[] {2, 3, 4, 5, crossTotal / 3, crossTotal / 3 + 1, crossTotal / 3 + 2, crossTotal / 3 + 3,
                crossTotal - 2, crossTotal - 1}) {
            points.add(new int[] {p, 1});
        }
        assertThat(points).hasSize(20);
        int run = 0;
        for (int[] point : points) {
            run++;
            Path lib = dir.resolve("lib" + run);
            Path journals = dir.resolve("journals" + run);
            copyTree(pristine, lib);
            String where = (point[1] == 1 ? "cross-file-system " : "") + "point " + point[0];

            killAt(lib, journals, point[0], point[1] == 1);

            if (run % 2 == 0) {
                Cli.Run undo = Cli.run(Map.of(), dir, "undo", "--journal-dir", journals.toString());
                assertThat(undo.exitCode()).as(where + ": " + undo.err()).isZero();
                assertThat(snapshot(lib)).as("undo after a kill at " + where).isEqualTo(original);
            } else {
                Cli.Run rerun = Cli.run(Map.of(), dir, "organize", "--quiet", "--journal-dir", journals.toString(), lib.toString());
                assertThat(rerun.exitCode()).as(where + ": " + rerun.err()).isZero();
                Map<String, String> after = snapshot(lib);
                assertThat(fileHashes(after)).as("a rerun after a kill at " + where).containsExactlyInAnyOrderElementsOf(fileHashes(original));
                assertThat(after.keySet()).as(where).allMatch(p -> p.startsWith("Image") || p.equals("/"));
                assertThat(lib.resolve("unsorted")).as(where).doesNotExist();
                assertThat(journals(journals)).as(where).allMatch(OrganizeCrashTest::complete);
                Cli.Run undo = Cli.run(Map.of(), dir, "undo", "--journal-dir", journals.toString());
                assertThat(undo.exitCode()).as(where + ": " + undo.err()).isZero();
                assertThat(snapshot(lib)).as("undo of the completed run after a kill at " + where).isEqualTo(original);
            }
            assertThat(journals(journals)).as("journals left after " + where).isEmpty();
            assertThat(tempFiles(lib)).as("temp files left after " + where).isEmpty();
        }
    }

    /** Runs organize in a child JVM until its N-th checkpoint, then SIGKILLs it. */
    private static void killAt(Path lib, Path journals, int point, boolean crossFileSystem) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), MetronomeCommand.class.getName(),
                "organize", "--quiet", "--journal-dir", journals.toString(), lib.toString());
        builder.environment().put(OrganizeSupport.ENV_PAUSE_AT, String.valueOf(point));
        builder.environment().put("HOME", lib.getParent().toString());
        builder.environment().put("XDG_CONFIG_HOME", lib.getParent().resolve("config").toString());
        if (crossFileSystem) {
            builder.environment().put(OrganizeSupport.ENV_CROSS_FS, "1");
        } else {
            builder.environment().remove(OrganizeSupport.ENV_CROSS_FS);
        }
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith(OrganizeSupport.PAUSED)) {
                    process.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        } finally {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen.toString()).as("the child paused at point " + point).contains(OrganizeSupport.PAUSED + " " + point);
    }

    private static List<String> fileHashes(Map<String, String> snapshot) {
        return snapshot.entrySet().stream().filter(e -> !e.getKey().endsWith("/")).map(Map.Entry::getValue).toList();
    }

    private static boolean complete(Path journal) {
        try {
            return dev.metronome.organize.Journal.read(journal).complete();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> journals(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(dev.metronome.organize.Journal.EXTENSION)).toList();
        }
    }

    private static List<Path> tempFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(dev.metronome.archive.TempFiles.SUFFIX)).toList();
        }
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), sha(p));
            }
        }
        try (Stream<Path> walk = Files.walk(root)) { // folders count too: an undo puts back the old tree
            walk.filter(Files::isDirectory).forEach(p -> files.put(root.relativize(p) + "/", "folder"));
        }
        return files;
    }

    private static String sha(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
