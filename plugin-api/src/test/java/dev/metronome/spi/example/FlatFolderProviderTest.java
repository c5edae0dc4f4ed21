package dev.metronome.spi.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the guide's minimal adapter under the host's sync, as docs/plugins.md shows. */
class FlatFolderProviderTest {

    @TempDir
    Path dir;

    @Test
    void theGuidesAdapterTagsFilesAsTheyAppear() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        HostServices host = (archive, metadata, convert) -> {
            written.add(archive.getFileName() + ":" + metadata.summary());
            return archive;
        };
        Tagger tagger = new Tagger() {
            @Override
            public Decision identify(Path archive) {
                return Decision.matched(7, 1, "test");
            }

            @Override
            public ComicMetadata metadata(long id) {
                return ComicMetadata.builder().summary("issue " + id).build();
            }

            @Override
            public FileResult tag(Path archive, TagOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        Files.writeString(dir.resolve("one.cbz"), "x");
        LibraryServer server = new FlatFolderProvider().connect(ServerSettings.of(Map.of("folder", dir.toString(),
                "poll-ms", "20")), host);
        try (server; LibraryServerSync sync = new LibraryServerSync(server, tagger, SyncState.inMemory(),
                SyncOptions.of("flat", ApplyMode.FILE), Clock.systemUTC())) {
            sync.start();
            Files.writeString(dir.resolve("two.cbz"), "y");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (written.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100); // later polls must not tag anything twice
        }
        assertThat(written).containsExactlyInAnyOrder("one.cbz:issue 7", "two.cbz:issue 7");
    }
}
