package dev.metronome.identify;

import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folder-neighbours path alone, against the fake: the series the other files of a name turned out to be stands
 * for an undated file only in a series folder, costs no request, and is checked against the file's year.
 */
class FolderNeighboursTest {

    @TempDir
    Path dir;

    /** Two Uncanny X-Men volumes with the same numbers. */
    private final FakeLookups fake = new FakeLookups(Catalogue.builder()
            .publisher(1, "Marvel")
            .series(101, "Uncanny X-Men", 1963, 1, 1)
            .series(102, "Uncanny X-Men", 2013, 3, 1)
            .issue(1001, 101, "1", i -> i.put("cover_date", "1963-09-01"))
            .issue(1002, 101, "2", i -> i.put("cover_date", "1963-11-01"))
            .issue(2001, 102, "1", i -> i.put("cover_date", "2013-04-01"))
            .issue(2002, 102, "2", i -> i.put("cover_date", "2013-05-01"))
            .build());
    private final FolderNeighbours neighbours = new FolderNeighbours(fake.lookups, new SeriesMemory(null),
            new SeriesFolders());

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Path file(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), new byte[0]);
    }

    /** Records that a file of this folder turned out to be issue 2001 (the 2013 volume), whose series is then listed. */
    private void neighbourWas2013(Path neighbour) {
        neighbours.record(FakeLookups.evidence(neighbour, "", FakeLookups.name("Uncanny X-Men", "1", 2013)),
                fake.lookups.issue(2001).orElseThrow());
        fake.lookups.issueInSeries(102, "1", 0);
    }

    @Test
    void inASeriesFolderAnUndatedFileIsItsNeighboursSeriesWithoutARequest() throws IOException {
        Path folder = dir.resolve("Uncanny X-Men");
        neighbourWas2013(file(folder, "Uncanny X-Men 001 (2013).cbz"));
        int before = fake.requests().size();

        Evidence undated = FakeLookups.evidence(file(folder, "Uncanny X-Men 002.cbz"), "",
                FakeLookups.name("Uncanny X-Men", "2", null));
        List<Candidate> found = neighbours.candidate(undated.hints().get(0), undated).orElseThrow();

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.id).isEqualTo(2002);
            assertThat(c.reasons).contains("the series of 1 other file of this name in this folder");
        });
        assertThat(fake.requests()).hasSize(before);
    }

    @Test
    void aDownloadFolderProvesNothingAboutAnUndatedFile() throws IOException {
        Path folder = dir.resolve("Downloads");
        file(folder, "Saga 001.cbz");
        neighbourWas2013(file(folder, "Uncanny X-Men 001 (2013).cbz"));

        Evidence undated = FakeLookups.evidence(file(folder, "Uncanny X-Men 002.cbz"), "",
                FakeLookups.name("Uncanny X-Men", "2", null));
        assertThat(neighbours.candidate(undated.hints().get(0), undated)).isEmpty();

        // a dated one may lean on them, where its year fits
        Evidence dated = FakeLookups.evidence(file(folder, "Uncanny X-Men 002 (2013).cbz"), "",
                FakeLookups.name("Uncanny X-Men", "2", 2013));
        assertThat(neighbours.candidate(dated.hints().get(0), dated).orElseThrow().get(0).id).isEqualTo(2002);
        Evidence otherYear = FakeLookups.evidence(file(folder, "Uncanny X-Men 002 (1963).cbz"), "",
                FakeLookups.name("Uncanny X-Men", "2", 1963));
        assertThat(neighbours.candidate(otherYear.hints().get(0), otherYear)).isEmpty();
    }

    @Test
    void anIssueFitsAHintByStartYearVolumeCoverYearAndForAnUndatedNameTheVerySameName() {
        IssueListItem item = new IssueListItem(2002, new SeriesRef(102, "Uncanny X-Men", 3, 2013), "2", "",
                LocalDate.parse("2013-05-01"), null, null, "", null);
        assertThat(FolderNeighbours.fits(FakeLookups.name("Uncanny X-Men", "2", 2013), item)).isTrue();
        assertThat(FolderNeighbours.fits(FakeLookups.name("Uncanny X-Men", "2", 2014), item)).isFalse();
        assertThat(FolderNeighbours.fits(new NameHint("folder", "Uncanny X-Men", "2", Optional.empty(),
                Optional.of(1), Optional.empty()), item)).isFalse();
        assertThat(FolderNeighbours.fits(FakeLookups.name("Uncanny X-Men", "2", null), item)).isTrue();
        // similar is not enough without a year
        assertThat(FolderNeighbours.fits(FakeLookups.name("Uncanny XMen", "2", null), item)).isFalse();
    }
}
