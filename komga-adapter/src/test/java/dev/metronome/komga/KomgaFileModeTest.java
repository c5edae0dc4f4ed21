package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.ApplyResult;
import dev.metronome.spi.Book;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File mode's edges: CBR fallback, conversion, path mapping, files not visible here. */
class KomgaFileModeTest {

    @TempDir
    Path library;
    @TempDir
    Path elsewhere;
    private FakeKomgaServer fake;
    private final List<Path> written = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (fake != null) {
            assertThat(fake.violations()).isEmpty();
            fake.close();
        }
    }

    private LibraryServer connect(Map<String, String> extra, HostServices host) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("url", fake.url().toString(), "api-key", fake.apiKey()));
        settings.putAll(extra);
        return new KomgaProvider().connect(ServerSettings.of(settings), host);
    }

    private Book only(LibraryServer server) throws Exception {
        awaitReady();
        return server.books(dev.metronome.spi.BookQuery.untagged(List.of())).content().get(0);
    }

    private Path cbr(String name) throws Exception {
        return dev.metronome.fixtures.archives.Rar4Writer.write(library.resolve(name),
                Map.of("page001.jpg", new byte[] {1, 2, 3}, "page002.jpg", new byte[] {4, 5, 6}));
    }

    private void awaitReady() throws Exception {
        Waits.until(java.time.Duration.ofSeconds(5), () -> fake.bookIds().stream().allMatch(id -> fake.book(id)
                .map(b -> b.path("media").path("status").asText().equals("READY")).orElse(true)), () -> "not analysed");
    }

    @Test
    void aCbrFallsBackToPatchWithoutConversion() throws Exception {
        cbr("Saga 001.cbr");
        fake = FakeKomgaServer.builder().library("Comics", library).start();
        try (LibraryServer server = connect(Map.of(), (a, m, c) -> {
            written.add(a);
            return a;
        })) {
            ApplyResult r = server.apply(only(server), new SagaTagger().metadata(1001), ApplyMode.FILE);
            assertThat(r.modeUsed()).isEqualTo(ApplyMode.PATCH);
            assertThat(r.message()).contains("CBR");
        }
        assertThat(written).isEmpty();
        assertThat(fake.book(fake.bookIds().get(0)).orElseThrow().path("metadata").path("titleLock").asBoolean()).isTrue();
    }

    @Test
    void aConvertedCbrIsImportedInPlaceOfTheOldBookAndKeepsItsReadProgress() throws Exception {
        Path cbr = cbr("Saga 001.cbr");
        fake = FakeKomgaServer.builder().library("Comics", library).start();
        awaitReady();
        String oldId = fake.bookIds().get(0);
        fake.markRead(oldId);
        HostServices converting = (archive, metadata, convert) -> {
            assertThat(convert).isTrue();
            Path cbz = archive.resolveSibling("Saga 001.cbz");
            CbzFiles.write(cbz, Map.of("Web", SagaTagger.metronUrl(1)), 1);
            Files.delete(archive);
            return cbz;
        };
        ApplyResult r;
        try (LibraryServer server = connect(Map.of("convert-to-cbz", "true"), converting)) {
            r = server.apply(only(server), new SagaTagger().metadata(1001), ApplyMode.FILE);
        }
        assertThat(r.message()).contains("imported").contains("read progress");
        assertThat(r.newBookId()).isNotNull().isNotEqualTo(oldId);
        assertThat(cbr).doesNotExist();
        assertThat(library.resolve("Saga 001.cbz")).exists();
        assertThat(fake.requests()).contains("POST /api/v1/books/import -> 202");
        assertThat(fake.book(oldId)).isEmpty();
        assertThat(fake.bookIdByFileName("Saga 001.cbz")).contains(r.newBookId());
        assertThat(fake.book(r.newBookId()).orElseThrow().path("readProgress").path("completed").asBoolean()).isTrue();
    }

    @Test
    void aCbrInALibraryKomgaConvertsItselfWaitsForTheConversionAndKeepsItsId() throws Exception {
        cbr("Saga 002.cbr");
        fake = FakeKomgaServer.builder().library("Comics", library).convertToCbz(true).start();
        String id = fake.bookIds().get(0);
        try (LibraryServer server = connect(Map.of(), (a, m, c) -> a)) {
            Waits.until(java.time.Duration.ofSeconds(5), () -> fake.bookIdByFileName("Saga 002.cbz").isPresent(),
                    () -> "Komga never converted the CBR");
            assertThat(fake.bookIdByFileName("Saga 002.cbz")).contains(id);
            Waits.until(java.time.Duration.ofSeconds(5), () -> {
                try {
                    return server.book(id).isPresent();
                } catch (Exception e) {
                    return false;
                }
            }, () -> "the converted book was never offered");
            assertThat(server.book(id).orElseThrow().extension()).isEqualTo("cbz");
        }
    }

    @Test
    void komgasPathsAreMappedToOursAndUnmappedOnesGiveOneClearSentence() throws Exception {
        CbzFiles.write(library.resolve("Saga 001.cbz"), Map.of(), 1);
        fake = FakeKomgaServer.builder().library("Comics", library).start();
        // our copy of the library lives elsewhere: Komga's paths must be mapped to it
        Path ours = elsewhere.resolve("Saga 001.cbz");
        Files.copy(library.resolve("Saga 001.cbz"), ours);
        HostServices host = (a, m, c) -> {
            written.add(a);
            return a;
        };
        try (LibraryServer server = connect(Map.of("path-map", library.toAbsolutePath() + "=" + elsewhere), host)) {
            Book book = only(server);
            assertThat(server.localFile(book)).contains(ours);
            assertThat(server.apply(book, new SagaTagger().metadata(1001), ApplyMode.FILE).modeUsed())
                    .isEqualTo(ApplyMode.FILE);
            assertThat(written).containsExactly(ours);
            Files.delete(ours);
            assertThatThrownBy(() -> server.apply(book, new SagaTagger().metadata(1001), ApplyMode.FILE))
                    .isInstanceOf(ServerException.class).hasMessageContaining("path mapping")
                    .hasMessageContaining(book.serverPath());
        }
    }
}
