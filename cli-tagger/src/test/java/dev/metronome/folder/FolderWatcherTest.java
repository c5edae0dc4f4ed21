package dev.metronome.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import dev.metronome.api.WebLink;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @TempDir
    Path folder;
    @TempDir
    Path staging;
    private final Map<String, AtomicInteger> identified = new ConcurrentHashMap<>();
    private final List<String> incomplete = new CopyOnWriteArrayList<>();
    private LibraryServerSync sync;

    /** Identifies every readable CBZ as issue 1; records any archive it finds truncated. */
    private final Tagger tagger = new Tagger() {
        @Override
        public Decision identify(Path archive) {
            identified.computeIfAbsent(archive.getFileName().toString(), k -> new AtomicInteger()).incrementAndGet();
            try {
                CbzFiles.readComicInfo(archive);
                return Decision.matched(1, 1.0, "test");
            } catch (IOException e) {
                incomplete.add(archive.getFileName().toString());
                return new Decision(Decision.Status.ERROR, null, 0, List.of(), List.of(e.getMessage()));
            }
        }

        @Override
        public ComicMetadata metadata(long id) {
            return ComicMetadata.builder().webLinks(List.of(WebLink.of("https://metron.cloud/issue/x-" + id + "/"))).build();
        }

        @Override
        public FileResult tag(Path archive, TagOptions options) {
            throw new UnsupportedOperationException();
        }
    };

    private final HostServices host = (archive, metadata, convert) -> {
        CbzFiles.replaceComicInfo(archive, Map.of("Web", metadata.primaryWebLink().orElseThrow().url()));
        return archive;
    };

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.close();
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    private boolean tagged(Path file) {
        try {
            return Files.exists(file) && CbzFiles.readComicInfo(file).containsKey("Web");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void tagsFilesDroppedIntoTheFolderIncludingOneCopiedInSlowly() throws Exception {
        CbzFiles.write(folder.resolve("already there.cbz"), Map.of(), 1);
        Files.setLastModifiedTime(folder.resolve("already there.cbz"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
        LibraryServer server = new FolderProvider().connect(ServerSettings.of(Map.of("folder", folder.toString(),
                "settle-ms", "400")), host);
        sync = new LibraryServerSync(server, tagger, SyncState.inMemory(), SyncOptions.of("folder", ApplyMode.FILE),
                Clock.systemUTC());
        sync.start();

        CbzFiles.write(folder.resolve("quick 1.cbz"), Map.of(), 2);
        Files.createDirectories(folder.resolve("sub"));
        CbzFiles.write(folder.resolve("sub/quick 2.cbz"), Map.of(), 2);
        Path big = CbzFiles.write(staging.resolve("slow.cbz"), Map.of(), 40);
        CbzFiles.copySlowly(big, folder.resolve("slow.cbz"), 256, 40); // ~1 s, with pauses longer than a tick

        List<Path> expected = List.of(folder.resolve("already there.cbz"), folder.resolve("quick 1.cbz"),
                folder.resolve("sub/quick 2.cbz"), folder.resolve("slow.cbz"));
        await(Duration.ofSeconds(10), () -> expected.stream().allMatch(this::tagged), "tagged: " + identified);
        await(Duration.ofSeconds(5), sync::isIdle, "idle");
        assertThat(incomplete).isEmpty();
        assertThat(identified.keySet()).containsExactlyInAnyOrder("already there.cbz", "quick 1.cbz", "quick 2.cbz", "slow.cbz");
        assertThat(identified.values()).allMatch(n -> n.get() == 1);
        assertThat(Files.readAllBytes(folder.resolve("slow.cbz")).length).isGreaterThan((int) Files.size(big) - 1);
    }

    @Test
    void isFoundAsAProviderSettingUpOnlyRealFolders() {
        LibraryServerProvider p = new FolderProvider();
        assertThat(p.id()).isEqualTo("folder");
        assertThatThrownBy(() -> p.connect(ServerSettings.of(Map.of("folder", folder.resolve("missing").toString())),
                host)).isInstanceOf(ServerException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> p.connect(ServerSettings.of(Map.of("folder", folder.toString(), "settle-ms", "x")),
                host)).hasMessageContaining("settle-ms");
    }
}
