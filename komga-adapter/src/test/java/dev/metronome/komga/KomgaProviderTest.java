package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.spi.Book;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.LibraryServerProviders;
import dev.metronome.spi.Page;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KomgaProviderTest {

    @TempDir
    Path library;
    private FakeKomgaServer fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            assertThat(fake.violations()).isEmpty();
            fake.close();
        }
    }

    private static LibraryServerProvider provider() {
        return ServiceLoader.load(LibraryServerProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("komga")).findFirst().orElseThrow();
    }

    @Test
    void isFoundByServiceLoaderAndDescribesItsSettings() {
        LibraryServerProvider p = provider();
        assertThat(LibraryServerProviders.find("Komga")).get().isInstanceOf(KomgaProvider.class);
        assertThat(LibraryServerProviders.find("plex")).isEmpty();
        assertThat(p.spiVersion()).isEqualTo(LibraryServerProvider.SPI_VERSION);
        assertThat(p.settings()).extracting("name").contains("url", "api-key", "email", "password", "path-map");
        assertThat(p.settings()).filteredOn("secret", true).extracting("name").containsExactly("api-key", "password");
    }

    @Test
    void connectsWithAnApiKeyReportsTheVersionAndPagesThroughBooks() throws Exception {
        for (int i = 1; i <= 3; i++) {
            CbzFiles.write(library.resolve("Saga/Saga 00" + i + ".cbz"), Map.of(), 2);
        }
        fake = FakeKomgaServer.builder().library("Comics", library).start();
        Waits.until(java.time.Duration.ofSeconds(5), () -> fake.bookIds().stream().allMatch(id -> fake.book(id).orElseThrow()
                .path("media").path("status").asText().equals("READY")), () -> "never analysed");
        try (LibraryServer server = provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", fake.apiKey())), HostServices.readOnly())) {
            assertThat(server.info().version()).isEqualTo("1.26.3");
            assertThat(server.libraries()).singleElement().extracting("name").isEqualTo("Comics");
            assertThat(LibraryServerProviders.libraryIds(server, List.of("comics"))).containsExactly("0LIB001");
            assertThatThrownBy(() -> LibraryServerProviders.libraryIds(server, List.of("Manga")))
                    .hasMessageContaining("'Manga'").hasMessageContaining("[Comics]");
            Page<Book> first = server.books(new BookQuery(List.of("0LIB001"), true, 0, 2));
            Page<Book> second = server.books(new BookQuery(List.of("0LIB001"), true, 0, 2).next());
            assertThat(first.last()).isFalse();
            assertThat(second.last()).isTrue();
            assertThat(first.content()).hasSize(2);
            assertThat(second.content()).singleElement().extracting(Book::name).isEqualTo("Saga 003");
            Book b = first.content().get(0);
            assertThat(server.localFile(b)).contains(library.resolve("Saga/Saga 001.cbz").toAbsolutePath());
            try (InputStream in = server.openBook(b)) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(library.resolve("Saga/Saga 001.cbz")));
            }
        }
        assertThat(fake.requests()).allMatch(r -> !r.endsWith("-> 401") || r.startsWith("GET /actuator/info"));
    }

    @Test
    void fallsBackToBasicOnServersWithoutApiKeys() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library).version("1.19.2").user("me@x.org", "pw").start();
        try (LibraryServer server = provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "some-key", "email", "me@x.org", "password", "pw")), HostServices.readOnly())) {
            assertThat(server.info().version()).isEqualTo("1.19.2");
        }
    }

    @Test
    void refusedCredentialsGiveOneSentenceWithoutTheSecret() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library).version("1.19.2").start();
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "secret-key-123")), HostServices.readOnly()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("refused the credentials").hasMessageContaining("1.20.0")
                .hasMessageNotContaining("secret-key-123");
    }

    @Test
    void aNonAdminKeyWithFileDownloadConnectsByAskingWhoItIsFirst() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library)
                .account("reader@example.org", "pw", "reader-key", "FILE_DOWNLOAD").start();
        try (LibraryServer server = provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "reader-key")), HostServices.readOnly())) {
            assertThat(server.info().version()).contains("unknown");
            assertThat(server.capabilities()).doesNotContain(dev.metronome.spi.Capability.PATCH,
                    dev.metronome.spi.Capability.IMPORT).contains(dev.metronome.spi.Capability.FILE);
        }
        assertThat(fake.requests().get(0)).isEqualTo("GET /api/v2/users/me -> 200");
        assertThat(fake.requests()).noneMatch(r -> r.startsWith("GET /actuator/info"));
    }

    @Test
    void aKeyWithoutFileDownloadAndNoPathMapIsRefusedNamingTheRole() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library)
                .account("viewer@example.org", "pw", "viewer-key", "PAGE_STREAMING").start();
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "viewer-key")), HostServices.readOnly()))
                .isInstanceOf(ServerException.class).hasMessageContaining("viewer@example.org")
                .hasMessageContaining("FILE_DOWNLOAD").hasMessageNotContaining("refused").hasMessageNotContaining("\n");
        try (LibraryServer server = provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "api-key", "viewer-key", "path-map", "/data=" + library)), HostServices.readOnly())) {
            assertThat(server.libraries()).hasSize(1);
        }
        assertThat(fake.requests()).noneMatch(r -> r.endsWith("-> 403"));
    }

    @Test
    void theFakeIsAsStrictAsKomgaAboutRolesAndTheContextPath() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library)
                .account("reader@example.org", "pw", "reader-key", "FILE_DOWNLOAD").start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, Integer> get = (path, key) -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path)).header("X-API-Key", key)
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply(fake.url() + "/actuator/info", "reader-key")).isEqualTo(403);
        assertThat(get.apply(fake.url() + "/actuator/info", fake.apiKey())).isEqualTo(200);
        String root = fake.url().toString().replace("/komga", "");
        assertThat(get.apply(root + "/api/v2/users/me", fake.apiKey())).isEqualTo(404);
    }

    @Test
    void tooOldServersAreRefusedByVersion() throws Exception {
        fake = FakeKomgaServer.builder().library("Comics", library).version("1.18.0").start();
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of("url", fake.url().toString(),
                "email", "admin@example.org", "password", "fake-password")), HostServices.readOnly()))
                .isInstanceOf(ServerException.class).hasMessageContaining("version 1.18.0").hasMessageContaining("1.19.0");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of()), HostServices.readOnly()))
                .hasMessageContaining("'url'");
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of("url", "http://u:p@localhost:1")),
                HostServices.readOnly())).hasMessageContaining("without credentials").hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> provider().connect(ServerSettings.of(Map.of("url", "http://localhost:1",
                "api-key", "k", "reconnect-backoff-ms", "soon")), HostServices.readOnly()))
                .hasMessageContaining("reconnect-backoff-ms");
    }
}
