package dev.metronome.identify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Which series the other files of a name resolved to, per folder and per batch. */
class SeriesMemoryTest {

    private static final Path FOLDER_A = Path.of("/library/a");
    private static final Path FOLDER_B = Path.of("/library/b");
    private static final Path FOLDER_C = Path.of("/library/c");
    private static final IntPredicate ANY = id -> true;

    private final SeriesMemory memory = new SeriesMemory(null);

    private Optional<SeriesMemory.Preferred> preferred(Path folder, String name, IntPredicate among,
                                                       boolean folderOnly) {
        return memory.preferred(folder, List.of(name), among, folderOnly);
    }

    @Test
    void nothingRecordedNothingPreferred() {
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, false)).isEmpty();
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, true)).isEmpty();
    }

    @Test
    void theSameFolderIsPreferredAndCountsItsFiles() {
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, false))
                .contains(new SeriesMemory.Preferred(102, 1, "in this folder"));
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, false))
                .contains(new SeriesMemory.Preferred(102, 2, "in this folder"));
    }

    @Test
    void anotherFolderFallsBackToTheBatch() {
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        memory.record(FOLDER_B, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_C, "Uncanny X-Men", ANY, false))
                .contains(new SeriesMemory.Preferred(102, 2, "in this batch"));
    }

    @Test
    void folderOnlyIgnoresTheBatch() {
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_B, "Uncanny X-Men", ANY, true)).isEmpty();
        // its own folder still counts
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, true))
                .contains(new SeriesMemory.Preferred(102, 1, "in this folder"));
    }

    @Test
    void aNameResolvedToTwoSeriesIsNotPreferred() {
        memory.record(FOLDER_A, "Uncanny X-Men", 101);
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, false)).isEmpty();
        assertThat(preferred(FOLDER_B, "Uncanny X-Men", ANY, false)).isEmpty();
    }

    @Test
    void twoSeriesInTheBatchButOneInTheFolder() {
        memory.record(FOLDER_A, "Uncanny X-Men", 101);
        memory.record(FOLDER_B, "Uncanny X-Men", 102);
        // the folder settles it
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", ANY, false))
                .contains(new SeriesMemory.Preferred(101, 1, "in this folder"));
        assertThat(preferred(FOLDER_B, "Uncanny X-Men", ANY, false))
                .contains(new SeriesMemory.Preferred(102, 1, "in this folder"));
        // elsewhere the batch does not
        assertThat(preferred(FOLDER_C, "Uncanny X-Men", ANY, false)).isEmpty();
    }

    @Test
    void namesAreComparedByTheirKey() {
        memory.record(FOLDER_A, "The Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_A, "uncanny x men", ANY, false)).map(SeriesMemory.Preferred::seriesId)
                .contains(102);
        assertThat(preferred(FOLDER_A, "UNCANNY X-MEN!", ANY, true)).map(SeriesMemory.Preferred::seriesId)
                .contains(102);
        // another name is another series
        assertThat(preferred(FOLDER_A, "X-Men", ANY, false)).isEmpty();
    }

    @Test
    void aNameWithoutLettersIsNotRecorded() {
        memory.record(FOLDER_A, "The", 7);
        memory.record(FOLDER_A, "", 7);
        assertThat(preferred(FOLDER_A, "The", ANY, false)).isEmpty();
        assertThat(preferred(FOLDER_A, "", ANY, false)).isEmpty();
    }

    @Test
    void aKeySpeltWithTwoNeighbouringLettersSwappedFindsTheRecordedOne() {
        memory.record(FOLDER_A, "Invincible", 501);
        assertThat(preferred(FOLDER_A, "Invincilbe", ANY, true))
                .contains(new SeriesMemory.Preferred(501, 1, "in this folder"));
        assertThat(preferred(FOLDER_B, "Ivnincible", ANY, false))
                .contains(new SeriesMemory.Preferred(501, 1, "in this batch"));
        // two swaps, or a letter missing, are not that typo
        assertThat(preferred(FOLDER_A, "Ivnincilbe", ANY, false)).isEmpty();
        assertThat(preferred(FOLDER_A, "Invincibe", ANY, false)).isEmpty();
    }

    @Test
    void theAmongPredicateFilters() {
        memory.record(FOLDER_A, "Uncanny X-Men", 101);
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        // two series, but only one of them still possible for the file
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", id -> id == 102, false))
                .contains(new SeriesMemory.Preferred(102, 1, "in this folder"));
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", id -> id == 101, false))
                .contains(new SeriesMemory.Preferred(101, 1, "in this folder"));
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", id -> false, false)).isEmpty();
    }

    @Test
    void aFolderWhoseSeriesIsFilteredOutFallsBackToTheBatchUnlessFolderOnly() {
        memory.record(FOLDER_A, "Uncanny X-Men", 101);
        memory.record(FOLDER_B, "Uncanny X-Men", 102);
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", id -> id == 102, false))
                .contains(new SeriesMemory.Preferred(102, 1, "in this batch"));
        assertThat(preferred(FOLDER_A, "Uncanny X-Men", id -> id == 102, true)).isEmpty();
    }

    @Test
    void anyOfSeveralNamesMayFindTheSeries() {
        memory.record(FOLDER_A, "Uncanny X-Men", 102);
        assertThat(memory.preferred(FOLDER_A, List.of("Astonishing X-Men", "Uncanny X-Men"), ANY, false))
                .contains(new SeriesMemory.Preferred(102, 1, "in this folder"));
    }

    @Test
    void foldersAreComparedNormalized() {
        memory.record(Path.of("/library/a/../a/."), "Saga", 201);
        assertThat(preferred(FOLDER_A, "Saga", ANY, true)).map(SeriesMemory.Preferred::seriesId).contains(201);
    }

    @Test
    void noFolderIsAFolderOfItsOwn() {
        memory.record(null, "Saga", 201);
        assertThat(preferred(null, "Saga", ANY, true)).map(SeriesMemory.Preferred::seriesId).contains(201);
        assertThat(preferred(FOLDER_A, "Saga", ANY, true)).isEmpty();
        assertThat(preferred(FOLDER_A, "Saga", ANY, false)).map(SeriesMemory.Preferred::where)
                .contains("in this batch");
    }
}
