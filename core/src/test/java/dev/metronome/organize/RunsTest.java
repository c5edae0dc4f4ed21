package dev.metronome.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsTest {

    @TempDir
    Path dir;

    private Path lib;
    private Path journals;

    private void library(int files) throws Exception {
        lib = dir.resolve("lib");
        journals = dir.resolve("journals");
        for (int i = 1; i <= files; i++) {
            Library.tagged(lib.resolve("unsorted/" + (i % 3) + "/file" + i + ".cbz"), "Series " + (i % 4), String.valueOf(i), 2012,
                    1000 + i, i);
        }
        Files.writeString(lib.resolve("unsorted/1/file1.nfo"), "side file");
    }

    private Runs runs(Checkpoint checkpoint, FileStores stores) {
        return new Runs(journals, new FileMover(stores, checkpoint), checkpoint, Clock.systemUTC());
    }

    private Plan plan() throws Exception {
        return new Planner(Planner.Options.defaults()).plan(List.of(lib));
    }

    @Test
    void aRunMovesEverythingAndUndoPutsBackEveryByteAndFolder() throws Exception {
        library(9);
        Map<String, String> before = Library.snapshot(lib);
        List<String> foldersBefore = Library.folders(lib);
        RunResult run = runs(Checkpoint.NONE, FileStores.REAL).execute("organize", plan().roots(), plan().moves());
        assertThat(run.count(RunResult.Status.MOVED)).isEqualTo(10);
        assertThat(lib.resolve("unsorted")).doesNotExist(); // emptied folders are removed
        assertThat(lib.resolve("Image/Series 1 (2012)/Series 1 001 (2012).nfo")).hasContent("side file");
        assertThat(Library.snapshot(lib).values()).containsExactlyInAnyOrderElementsOf(before.values());

        RunResult undone = runs(Checkpoint.NONE, FileStores.REAL).undo(null);
        assertThat(undone.count(RunResult.Status.RESTORED)).isEqualTo(10);
        assertThat(Library.snapshot(lib)).isEqualTo(before);
        assertThat(Library.folders(lib)).isEqualTo(foldersBefore);
        assertThat(runs(Checkpoint.NONE, FileStores.REAL).list()).isEmpty();
    }

    @Test
    void undoReversesANamedRunAndLeavesTheOthers() throws Exception {
        library(3);
        Runs runs = runs(Checkpoint.NONE, FileStores.REAL);
        Plan first = plan();
        RunResult one = runs.execute("organize", first.roots(), first.moves());
        Library.tagged(lib.resolve("new/late.cbz"), "Late", "1", 2012, 9, 99);
        Plan second = plan();
        RunResult two = runs.execute("organize", second.roots(), second.moves());
        assertThat(runs.list()).extracting(Journal.Contents::runId).containsExactly(one.runId(), two.runId());
        runs.undo(one.runId());
        assertThat(lib.resolve("unsorted/1/file1.cbz")).exists();
        assertThat(lib.resolve("Image/Late (2012)/Late 001 (2012).cbz")).exists();
        assertThat(runs.list()).extracting(Journal.Contents::runId).containsExactly(two.runId());
        assertThatThrownBy(() -> runs.undo("nope")).hasMessageContaining("there is no run nope");
    }

    @Test
    void theJournalHoldsTheWholePlanBeforeTheFirstFileMoves() throws Exception {
        library(4);
        Plan plan = plan();
        AtomicInteger checked = new AtomicInteger();
        Runs runs = runs(what -> {
            if (what.startsWith("reserved") && checked.getAndIncrement() == 0) {
                try (var files = Files.list(journals)) {
                    Path journal = files.filter(f -> f.toString().endsWith(Journal.EXTENSION)).findFirst().orElseThrow();
                    Journal.Contents contents = Journal.read(journal);
                    assertThat(contents.planned()).isTrue();
                    assertThat(contents.moves()).isEqualTo(plan.moves());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, FileStores.REAL);
        runs.execute("organize", plan.roots(), plan.moves());
        assertThat(checked.get()).isPositive();
    }

    @Test
    void aTornLastLineOfAJournalIsIgnored() throws Exception {
        library(2);
        Plan plan = plan();
        RunResult run = runs(Checkpoint.NONE, FileStores.REAL).execute("organize", plan.roots(), plan.moves());
        Path journal = journals.resolve(run.runId() + Journal.EXTENSION);
        Files.writeString(journal, "0badc0de {\"type\":\"und", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Journal.Contents contents = Journal.read(journal);
        assertThat(contents.complete()).isTrue();
        assertThat(contents.undoStarted()).isFalse();
        assertThat(contents.moves()).hasSize(plan.moves().size());
    }

    /** A crash (an Error, which no catch in the mover handles) at every checkpoint of a run; then recovery or undo. */
    @Test
    void aCrashAtAnyPointIsCompletedByTheNextRunOrReversedByUndo() throws Exception {
        for (boolean crossFileSystem : List.of(false, true)) {
            FileStores stores = crossFileSystem ? (a, b) -> false : FileStores.REAL;
            for (int point = 1; ; point++) {
                Files.createDirectories(dir);
                deleteTree(dir.resolve("lib"));
                deleteTree(dir.resolve("journals"));
                library(5);
                Map<String, String> before = Library.snapshot(lib);
                Plan plan = plan();
                int stopAt = point;
                AtomicInteger seen = new AtomicInteger();
                Runs crashing = runs(what -> {
                    if (seen.incrementAndGet() == stopAt) {
                        throw new FileMoverTest.Crash();
                    }
                }, stores);
                try {
                    crashing.execute("organize", plan.roots(), plan.moves());
                    break; // no more checkpoints: every point was tried
                } catch (FileMoverTest.Crash expected) {
                    // the process died here
                }
                Runs next = runs(Checkpoint.NONE, FileStores.REAL);
                if (point % 2 == 0) {
                    next.undo(null);
                    assertThat(Library.snapshot(lib)).as("undo after a crash at point %d", point).isEqualTo(before);
                    assertThat(next.list()).isEmpty();
                } else {
                    next.recover();
                    Map<String, String> after = Library.snapshot(lib);
                    assertThat(after.values()).as("rerun after a crash at point %d", point)
                            .containsExactlyInAnyOrderElementsOf(before.values());
                    assertThat(after.keySet()).allMatch(p -> p.startsWith("Image/"));
                    assertThat(next.list()).allMatch(Journal.Contents::complete);
                }
                assertThat(Library.snapshot(lib).keySet()).noneMatch(p -> p.contains("metronome-tmp"));
                assertThat(point).isLessThan(100);
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
