package dev.metronome.kavita;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.spi.BookQuery;
import dev.metronome.spi.Capability;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.Library;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProviders;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connecting: discovery, versions, authentication and its renewal, "not found" and the index.html answer. */
class KavitaConnectTest {

    @TempDir
    Path root;
    private FakeKavitaServer fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    private FakeKavitaServer.Builder fakeWith(String version) throws Exception {
        CbzFiles.write(root.resolve("Saga/Saga 001.cbz"), Map.of(), 1);
        return FakeKavitaServer.builder().version(version).library("Comics", root);
    }

    private LibraryServer connect(Map<String, String> extra, Clock clock) throws ServerException {
        Map<String, String> s = new HashMap<>(Map.of("url", fake.url().toString(), "api-key", fake.apiKey()));
        s.putAll(extra);
        return new KavitaProvider().connect(ServerSettings.of(s), HostServices.readOnly(), clock);
    }

    private long authentications() {
        return fake.requests().stream().filter(r -> r.startsWith("POST /api/Plugin/authenticate")).count();
    }

    @Test
    void theProviderIsFoundThroughTheSpi() {
        assertThat(LibraryServerProviders.find("kavita")).isPresent().get().isInstanceOf(KavitaProvider.class);
    }

    @Test
    void aServerOlderThan084IsRefusedInOneLine() throws Exception {
        fake = fakeWith("0.8.3.16").start();
        assertThatThrownBy(() -> connect(Map.of(), Clock.systemUTC())).isInstanceOf(ServerException.class)
                .hasMessage("Kavita at " + fake.url() + " is version 0.8.3.16; Metronome needs 0.8.4.0 or later.");
    }

    @Test
    void aWrongKeyANonAdminAndAWrongBasePathEachGiveOneClearSentence() throws Exception {
        fake = fakeWith("0.8.4.0").user("reader", "reader-key", false).start();
        assertThatThrownBy(() -> connect(Map.of("api-key", "wrong"), Clock.systemUTC()))
                .hasMessageContaining("refused the API key").hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> connect(Map.of("api-key", "reader-key"), Clock.systemUTC()))
                .hasMessageContaining("reader is not an admin").hasMessageNotContaining("reader-key");
        assertThatThrownBy(() -> connect(Map.of("url", fake.url() + "/kavita"), Clock.systemUTC()))
                .hasMessageContaining("with its web page (index.html)");
    }

    @Test
    void theJwtIsRenewedBeforeItExpiresAndOnceAfterA401() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        fake = fakeWith("0.8.4.0").clock(clock).start();
        try (LibraryServer server = connect(Map.of(), clock)) {
            server.libraries();
            assertThat(authentications()).isEqualTo(1);
            clock.advance(Duration.ofDays(9));
            server.libraries();
            assertThat(authentications()).as("more than 12 hours left").isEqualTo(1);
            clock.advance(Duration.ofHours(13));
            server.libraries();
            assertThat(authentications()).as("renewed 12 hours before expiry").isEqualTo(2);
            fake.revokeTokens();
            assertThat(server.libraries()).hasSize(1);
            assertThat(authentications()).as("renewed once after a 401").isEqualTo(3);
        }
    }

    @Test
    void from089TheKeyTravelsAsAHeaderAndNoJwtIsNeeded() throws Exception {
        fake = fakeWith("0.8.9.0").start();
        try (LibraryServer server = connect(Map.of(), Clock.systemUTC())) {
            fake.revokeTokens();
            server.libraries();
            assertThat(authentications()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.8.4.0", "0.9.1.0"})
    void notFoundIs204Or404AndBothMeanEmpty(String version) throws Exception {
        fake = fakeWith(version).start();
        try (LibraryServer server = connect(Map.of(), Clock.systemUTC())) {
            assertThat(server.book("999999")).isEmpty();
            assertThat(fake.requests()).anyMatch(r -> r.startsWith("GET /api/Series/chapter")
                    && r.endsWith(version.startsWith("0.9") ? "404" : "204"));
            assertThat(server.capabilities()).contains(Capability.PATCH, Capability.FILE, Capability.EVENTS);
        }
    }

    @Test
    void aLibraryWithSeveralFoldersAndItsBooks(@TempDir Path second) throws Exception {
        CbzFiles.write(second.resolve("Other/Saga 002.cbz"), Map.of(), 1);
        fake = fakeWith("0.8.4.0").library("Comics", root, second).start();
        try (LibraryServer server = connect(Map.of(), Clock.systemUTC())) {
            List<Library> libraries = server.libraries();
            assertThat(libraries).singleElement().satisfies(l -> assertThat(l.roots()).hasSize(2));
            assertThat(server.books(BookQuery.untagged(List.of(libraries.get(0).id()))).content())
                    .extracting(b -> Path.of(b.serverPath()).getFileName().toString())
                    .containsExactlyInAnyOrder("Saga 001.cbz", "Saga 002.cbz");
        }
    }
}
