package dev.metronome.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.archive.TempFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMoverTest {

    @TempDir
    Path dir;

    /** Simulates two file systems: "a" and everything else. */
    private final FileStores twoFileSystems = (x, y) -> x.startsWith(dir.resolve("a")) == y.startsWith(dir.resolve("a"));

    /** Stands for SIGKILL inside the mover. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aMoveNeverReplacesAnExistingFile() throws Exception {
        Path from = Files.writeString(dir.resolve("from.cbz"), "mine");
        Path to = Files.writeString(dir.resolve("to.cbz"), "someone else's");
        assertThatThrownBy(() -> new FileMover().move(from, to)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(from)).isEqualTo("mine");
        assertThat(Files.readString(to)).isEqualTo("someone else's");
    }

    @Test
    void onOneFileSystemItIsARenameIntoNewFolders() throws Exception {
        Path from = Files.writeString(dir.resolve("from.cbz"), "content");
        List<String> points = new ArrayList<>();
        new FileMover(FileStores.REAL, points::add).move(from, dir.resolve("x/y/to.cbz"));
        assertThat(from).doesNotExist();
        assertThat(dir.resolve("x/y/to.cbz")).hasContent("content");
        assertThat(points).containsExactly("reserved to.cbz");
    }

    @Test
    void acrossFileSystemsItCopiesVerifiesRenamesThenDeletesTheSource() throws Exception {
        Path from = Files.write(Files.createDirectories(dir.resolve("a")).resolve("from.cbz"), bytes(300_000));
        Path to = dir.resolve("b/to.cbz");
        List<String> points = new ArrayList<>();
        new FileMover(twoFileSystems, what -> {
            points.add(what);
            if (what.startsWith("copied to")) {
                assertThat(from).exists(); // the source stays until the copy is in place
            }
        }).move(from, to);
        assertThat(points).containsExactly("reserved to.cbz", "copied to.cbz", "copied into place to.cbz");
        assertThat(from).doesNotExist();
        assertThat(Files.readAllBytes(to)).isEqualTo(bytes(300_000));
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aCrashAtEachPointOfACrossFileSystemMoveIsSettledForwardsOrBackwards() throws Exception {
        for (String point : List.of("reserved", "copied t.cbz", "copied into")) {
            for (boolean forward : List.of(true, false)) {
                Path a = Files.createDirectories(dir.resolve("a/" + point.replace(' ', '_') + forward));
                Path from = Files.write(a.resolve("f.cbz"), bytes(5000));
                Path to = dir.resolve("b/" + point.replace(' ', '_').replace('.', '_') + forward + "/t.cbz");
                FileMover crashing = new FileMover(twoFileSystems, what -> {
                    if (what.startsWith(point)) {
                        throw new Crash();
                    }
                });
                assertThatThrownBy(() -> crashing.move(from, to)).isInstanceOf(Crash.class);
                // what a SIGKILL would leave: a reservation, a temp file, or a copy beside the source
                FileMover.State state = new FileMover().settle(from, to, forward);
                boolean atTarget = state == FileMover.State.AT_TARGET;
                assertThat(Files.exists(from)).isNotEqualTo(atTarget);
                assertThat(Files.exists(to)).isEqualTo(atTarget);
                assertThat(Files.readAllBytes(atTarget ? to : from)).isEqualTo(bytes(5000));
                if (point.equals("copied into")) {
                    assertThat(state).isEqualTo(forward ? FileMover.State.AT_TARGET : FileMover.State.AT_SOURCE);
                }
            }
        }
    }

    @Test
    void aCopyThatDiffersIsNeverPutInPlace() throws Exception {
        Path from = Files.write(Files.createDirectories(dir.resolve("a")).resolve("from.cbz"), bytes(1000));
        Path to = dir.resolve("b/to.cbz");
        FileMover corrupting = new FileMover(twoFileSystems, what -> {
            if (what.startsWith("copied to")) {
                try (Stream<Path> temps = Files.list(dir.resolve("b"))) {
                    Path temp = temps.filter(TempFiles::isTempFile).findFirst().orElseThrow();
                    Files.write(temp, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertThatThrownBy(() -> corrupting.move(from, to)).hasMessageContaining("differs from the original");
        assertThat(Files.readAllBytes(from)).isEqualTo(bytes(1000));
        assertThat(to).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    private List<Path> tempFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(TempFiles.SUFFIX)).toList();
        }
    }

    static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new java.util.Random(size).nextBytes(b);
        return b;
    }
}
