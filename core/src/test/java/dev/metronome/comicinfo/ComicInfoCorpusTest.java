package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.api.ComicMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every messy file of the corpus reads, round-trips keeping the user's fields, and writes schema-valid XML. */
class ComicInfoCorpusTest {

    private final ComicInfoReader reader = new ComicInfoReader();

    static Stream<Path> corpus() {
        return TestFiles.xmlFiles("/comicinfo-corpus").stream();
    }

    static Stream<Path> broken() {
        return TestFiles.xmlFiles("/comicinfo-corpus/broken").stream();
    }

    @Test
    void corpusHasAtLeastThirtyFiles() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsWithoutCrashAndRoundTripsTheUsersFields(Path file) throws IOException {
        String name = file.getFileName().toString();
        ReadResult first = reader.read(Files.readAllBytes(file), name);
        assertThat(first.metadata().series().name()).as("every corpus file names its series").isNotEmpty();
        assertThat(first.warnings()).allSatisfy(warning -> assertThat(warning).startsWith(name + ": "));

        WriteResult written = ComicInfoWriter.defaults().write(first.metadata());
        ReadResult second = reader.read(written.bytes(), "rewritten " + name);
        ComicMetadata a = first.metadata();
        ComicMetadata b = second.metadata();
        assertThat(second.warnings()).as("a file we wrote reads cleanly").isEmpty();
        assertThat(b.toBuilder().communityRating(a.communityRating().orElse(null)).build())
                .as("everything survives the round trip (community rating may be rounded)").isEqualTo(a);
        assertThat(b.scanInformation()).isEqualTo(a.scanInformation());
        assertThat(b.review()).isEqualTo(a.review());
        assertThat(b.notes()).isEqualTo(a.notes());
        assertThat(b.pages()).isEqualTo(a.pages());
        assertThat(b.unknownElements()).isEqualTo(a.unknownElements());
        assertThat(ComicInfoWriter.defaults().write(b).bytes()).as("writing is stable").isEqualTo(written.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyWrittenFileValidates(Path file) throws IOException {
        ComicMetadata metadata = reader.read(Files.readAllBytes(file), file.getFileName().toString()).metadata();
        ComicMetadata withoutUnknown = metadata.toBuilder().unknownElements(List.of()).build();
        assertValid(ComicInfoWriter.defaults().write(withoutUnknown), ComicInfoVersion.V2_1);
        assertValid(ComicInfoWriter.strict().write(metadata), ComicInfoVersion.V2_0);
        assertValid(new ComicInfoWriter(ComicInfoVersion.V1_0, false).write(metadata), ComicInfoVersion.V1_0);
        if (metadata.unknownElements().isEmpty()) {
            assertValid(ComicInfoWriter.defaults().write(metadata), ComicInfoVersion.V2_1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void notComicInfoFailsWithOneClearMessage(Path file) {
        String name = "Some Comic 001.cbz!ComicInfo.xml";
        assertThatThrownBy(() -> reader.read(Files.readAllBytes(file), name))
                .isInstanceOf(MetadataException.class)
                .hasMessageStartingWith(name + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static void assertValid(WriteResult result, ComicInfoVersion version) throws MetadataException {
        assertThat(ComicInfoSchemas.validate(result.bytes(), version)).as("valid against %s:%n%s", version, result.text()).isEmpty();
    }
}
