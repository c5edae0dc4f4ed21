package dev.metronome.organize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.TaggedArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path dir;

    private Plan plan(Planner.Options options, Path... paths) throws Exception {
        return new Planner(options).plan(List.of(paths));
    }

    private PlannedFile entry(Plan plan, String fileName) {
        return plan.files().stream().filter(f -> f.source().getFileName().toString().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void filesGoWhereTheDefaultTemplateSaysMetronInfoFirst() throws Exception {
        Path lib = dir.resolve("lib");
        Library.tagged(lib.resolve("in/saga_1.cbz"), "Saga", "1", 2012, 516881, 1);
        // ComicInfo says "Old Name", MetronInfo "Saga": MetronInfo wins
        ArchiveBuilder.cbz().randomPages(1, 32, 2)
                .entry("ComicInfo.xml", TaggedArchives.comicInfo("Image", "Old Name", 0, "2", 2012))
                .entry("MetronInfo.xml", TaggedArchives.metronInfo("Image", "Saga", 2012, "2", 2012, 516882))
                .writeTo(lib.resolve("in/saga_2.cbz"));
        Plan plan = plan(Planner.Options.defaults(), lib);
        assertThat(entry(plan, "saga_1.cbz").target()).isEqualTo(lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz"));
        assertThat(entry(plan, "saga_2.cbz").target()).isEqualTo(lib.resolve("Image/Saga (2012)/Saga 002 (2012).cbz"));
        assertThat(plan.moves()).hasSize(2);
    }

    @Test
    void aTargetWithTheSameContentIsADuplicateLeftInPlace() throws Exception {
        Path lib = dir.resolve("lib");
        Path placed = Library.tagged(lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz"), "Saga", "1", 2012, 1, 7);
        Path copy = lib.resolve("incoming/copy.cbz");
        Files.createDirectories(copy.getParent());
        Files.copy(placed, copy);
        Plan plan = plan(Planner.Options.defaults(), lib);
        PlannedFile duplicate = entry(plan, "copy.cbz");
        assertThat(duplicate.status()).isEqualTo(PlannedFile.Status.DUPLICATE);
        assertThat(duplicate.detail()).contains("Saga 001 (2012).cbz");
        assertThat(entry(plan, "Saga 001 (2012).cbz").status()).isEqualTo(PlannedFile.Status.IN_PLACE);
        assertThat(plan.moves()).isEmpty();
    }

    @Test
    void aTargetWithOtherContentGivesTheNewFileASuffixAndNothingIsOverwritten() throws Exception {
        Path lib = dir.resolve("lib");
        Path placed = Library.tagged(lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz"), "Saga", "1", 2012, 1, 7);
        Library.tagged(lib.resolve("incoming/other scan.cbz"), "Saga", "1", 2012, 1, 8);
        Library.tagged(lib.resolve("incoming/third scan.cbz"), "Saga", "1", 2012, 1, 9);
        String before = Library.sha(placed);
        Plan plan = plan(Planner.Options.defaults(), lib);
        assertThat(entry(plan, "other scan.cbz").status()).isEqualTo(PlannedFile.Status.MOVE_WITH_SUFFIX);
        assertThat(entry(plan, "other scan.cbz").target().getFileName().toString()).isEqualTo("Saga 001 (2012) (2).cbz");
        assertThat(entry(plan, "third scan.cbz").target().getFileName().toString()).isEqualTo("Saga 001 (2012) (3).cbz");
        new Runs(dir.resolve("journal"), new FileMover(), Checkpoint.NONE, Clock.systemUTC()).execute("organize", plan.roots(), plan.moves());
        assertThat(Library.sha(placed)).isEqualTo(before);
        assertThat(Library.snapshot(lib)).hasSize(3);
        // a second run finds everything in place
        Plan again = plan(Planner.Options.defaults(), lib);
        assertThat(again.moves()).isEmpty();
        assertThat(again.count(PlannedFile.Status.IN_PLACE)).isEqualTo(3);
    }

    @Test
    void twoArchivesOfOneRunWantingOneNameAreKeptApartOrReportedAsDuplicates() throws Exception {
        Path lib = dir.resolve("lib");
        Path a = Library.tagged(lib.resolve("a/x.cbz"), "Saga", "1", 2012, 1, 1);
        Files.createDirectories(lib.resolve("b"));
        Files.copy(a, lib.resolve("b/x-copy.cbz"));
        Library.tagged(lib.resolve("c/x-other.cbz"), "Saga", "1", 2012, 1, 2);
        Plan plan = plan(Planner.Options.defaults(), lib);
        assertThat(entry(plan, "x.cbz").status()).isEqualTo(PlannedFile.Status.MOVE);
        assertThat(entry(plan, "x-copy.cbz").status()).isEqualTo(PlannedFile.Status.DUPLICATE);
        assertThat(entry(plan, "x-other.cbz").status()).isEqualTo(PlannedFile.Status.MOVE_WITH_SUFFIX);
    }

    @Test
    void aNameThatDiffersOnlyInLetterCaseCounts() throws Exception {
        Path lib = dir.resolve("lib");
        ArchiveBuilder.cbz().randomPages(1, 32, 1).writeTo(lib.resolve("Image/Saga (2012)/saga 001 (2012).cbz")); // untagged
        Library.tagged(lib.resolve("in/new.cbz"), "Saga", "1", 2012, 1, 2);
        Plan plan = plan(Planner.Options.defaults(), lib);
        assertThat(entry(plan, "new.cbz").target().getFileName().toString()).isEqualTo("Saga 001 (2012) (2).cbz");
    }

    @Test
    void untaggedAndBrokenArchivesStayWithAReason() throws Exception {
        Path lib = dir.resolve("lib");
        ArchiveBuilder.cbz().randomPages(1, 32, 1).writeTo(lib.resolve("untagged.cbz"));
        Files.writeString(lib.resolve("broken.cbz"), "not a zip");
        Plan plan = plan(Planner.Options.defaults(), lib);
        assertThat(entry(plan, "untagged.cbz").status()).isEqualTo(PlannedFile.Status.SKIPPED);
        assertThat(entry(plan, "broken.cbz").status()).isEqualTo(PlannedFile.Status.ERROR);
        assertThat(entry(plan, "broken.cbz").detail()).contains("broken.cbz");
    }

    @Test
    void sideFilesFollowTheirArchiveOrStayAsTheSettingSays() throws Exception {
        Path lib = dir.resolve("lib");
        Library.tagged(lib.resolve("dl/saga_1.cbz"), "Saga", "1", 2012, 1, 1);
        Files.writeString(lib.resolve("dl/saga_1.nfo"), "nfo");
        Files.writeString(lib.resolve("dl/saga_1.cover.jpg"), "jpg");
        Files.writeString(lib.resolve("dl/folder.jpg"), "folder cover");
        Plan plan = plan(Planner.Options.defaults(), lib);
        Path target = lib.resolve("Image/Saga (2012)");
        assertThat(entry(plan, "saga_1.nfo").target()).isEqualTo(target.resolve("Saga 001 (2012).nfo"));
        assertThat(entry(plan, "saga_1.cover.jpg").target()).isEqualTo(target.resolve("Saga 001 (2012).cover.jpg"));
        assertThat(entry(plan, "folder.jpg").target()).isEqualTo(target.resolve("folder.jpg"));
        assertThat(plan.moves()).hasSize(4);

        Plan keep = plan(Planner.Options.defaults().withSidecars(SidecarPolicy.KEEP), lib);
        assertThat(keep.moves()).hasSize(1);
    }

    @Test
    void intoAnotherLibrary() throws Exception {
        Library.tagged(dir.resolve("incoming/a.cbz"), "Saga", "1", 2012, 1, 1);
        Plan plan = plan(Planner.Options.defaults().withInto(dir.resolve("library")), dir.resolve("incoming"));
        assertThat(plan.moves().get(0).to()).isEqualTo(dir.resolve("library/Image/Saga (2012)/Saga 001 (2012).cbz"));
        assertThat(plan.roots()).containsExactly(dir.resolve("library"), dir.resolve("incoming"));
    }
}
