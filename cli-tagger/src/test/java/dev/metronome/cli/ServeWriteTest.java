package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Resource;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve}'s host writes when an adapter asks it to ({@code HostServices.writeMetadata}): the metadata the
 * adapter handed, merged with the file's own ComicInfo, never a fresh record from Metron. Kavita's file mode hands
 * Kavita's series name and no volume or format so that Kavita keeps the chapter where it is; a host that re-tagged
 * from Metron would write Metron's series name and volume, and Kavita would move the file to a new chapter.
 */
class ServeWriteTest {

    private static final String EXISTING = "<?xml version=\"1.0\"?><ComicInfo><Series>Saga Deluxe</Series>"
            + "<Number>1</Number><Volume>3</Volume><Tags>my shelf</Tags><Review>loved it</Review></ComicInfo>";

    @TempDir
    Path home;

    @Test
    void theHostWritesTheMetadataTheAdapterHandedMergedWithTheFile() throws Exception {
        Path file = ArchiveBuilder.cbz().page("001.jpg", "saga".getBytes(StandardCharsets.UTF_8))
                .entry("ComicInfo.xml", EXISTING).writeTo(home.resolve("Saga Deluxe 001.cbz"));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("w", "w-pass")
                .burst(1000, Duration.ofSeconds(10)).start();
             Metronome metronome = Metronome.builder()
                     .settings(MetronSettings.defaults().withBaseUrl(URI.create(metron.baseUrl())))
                     .credentials(MetronCredentials.basic("w", "w-pass")).cacheDir(home.resolve("cache")).build()) {
            ComicMetadata fromMetron = metronome.metadata(516881);
            // what KavitaMerge.forFile hands: Kavita's series name, no volume, no format, and the adapter's own title
            ComicMetadata handed = fromMetron.toBuilder()
                    .series(fromMetron.series().toBuilder().name("Saga Deluxe").volume(OptionalInt.empty()).format("").build())
                    .storyTitles(java.util.List.of("The title the adapter chose")).build();
            int requestsBefore = metron.requestLog().size();

            Path written = ServeCommand.Server.write(metronome, file, handed, false);

            assertThat(written).isEqualTo(file);
            assertThat(metron.requestLog()).as("nothing is asked of Metron again").hasSize(requestsBefore);
            ComicMetadata now = comicInfo(file);
            assertThat(now.series().name()).isEqualTo("Saga Deluxe");
            assertThat(now.series().volume()).as("the file's volume, not Metron's").hasValue(3);
            assertThat(now.storyTitles()).containsExactly("The title the adapter chose");
            assertThat(now.tags()).as("the user's own field survives").contains(Resource.of("my shelf"));
            assertThat(now.review()).isEqualTo("loved it");
            assertThat(now.notes()).contains("[issue_id:516881]");
            assertThat(now.summary()).isEqualTo(fromMetron.summary());
        }
    }

    @Test
    void metadataWithoutAMetronIdIsRefusedAndTheFileLeftAlone() throws Exception {
        Path file = ArchiveBuilder.cbz().page("001.jpg", "saga".getBytes(StandardCharsets.UTF_8))
                .entry("ComicInfo.xml", EXISTING).writeTo(home.resolve("Saga Deluxe 001.cbz"));
        byte[] before = Files.readAllBytes(file);
        try (Metronome metronome = Metronome.builder().cacheDir(home.resolve("cache")).build()) {
            ComicMetadata handed = ComicMetadata.builder()
                    .series(ComicMetadata.EMPTY.series().toBuilder().name("Saga").build()).build();
            assertThatThrownBy(() -> ServeCommand.Server.write(metronome, file, handed, false))
                    .hasMessageContaining("no Metron issue id");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static ComicMetadata comicInfo(Path file) throws Exception {
        try (ComicArchive archive = Archives.open(file)) {
            return new ComicInfoReader().read(archive.readMetadata("ComicInfo.xml").orElseThrow(), file.toString())
                    .metadata();
        }
    }
}
