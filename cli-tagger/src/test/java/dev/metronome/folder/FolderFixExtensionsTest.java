package dev.metronome.folder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder adapter's {@code fix-extensions} setting: off by default, and each rename is reported. */
class FolderFixExtensionsTest {

    @TempDir
    Path folder;

    private final List<Path> written = new ArrayList<>();
    private final HostServices host = (archive, metadata, convert) -> {
        written.add(archive);
        return archive;
    };

    private ApplyResult applyTo(Path file, Map<String, String> settings) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        try (LibraryServer server = new FolderProvider().connect(ServerSettings.of(settings), host)) {
            Book book = server.book(folder.relativize(file).toString()).orElseThrow();
            return server.apply(book, ComicMetadata.EMPTY, ApplyMode.FILE);
        }
    }

    private Path zipNamedCbr(String name) throws Exception {
        return ArchiveBuilder.cbz().page("001.jpg", "page".getBytes(StandardCharsets.UTF_8)).writeTo(folder.resolve(name));
    }

    @Test
    void aZipNamedCbrIsRenamedToCbzWhenTheSettingIsOn() throws Exception {
        Path cbr = zipNamedCbr("Saga 001.cbr");
        ApplyResult result = applyTo(cbr, Map.of("folder", folder.toString(), "fix-extensions", "true"));
        assertThat(written).containsExactly(cbr);
        assertThat(cbr).doesNotExist();
        assertThat(folder.resolve("Saga 001.cbz")).exists();
        assertThat(result.message()).contains("renamed Saga 001.cbr to Saga 001.cbz (its content is a ZIP)");
    }

    @Test
    void theNameIsKeptByDefault() throws Exception {
        Path cbr = zipNamedCbr("Saga 002.cbr");
        ApplyResult result = applyTo(cbr, Map.of("folder", folder.toString()));
        assertThat(cbr).exists();
        assertThat(folder.resolve("Saga 002.cbz")).doesNotExist();
        assertThat(result.message()).doesNotContain("renamed");
        assertThat(new FolderProvider().settings()).anySatisfy(s -> assertThat(s.name()).isEqualTo("fix-extensions"));
    }
}
