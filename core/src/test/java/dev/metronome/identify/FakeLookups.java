package dev.metronome.identify;

import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A fake Metron on 127.0.0.1 with a hand-made catalogue and one run's lookups against it, for one evidence path. */
final class FakeLookups implements AutoCloseable {

    private static final String USER = "paths";
    private static final String PASSWORD = "evidence-paths-123";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final FakeMetronServer server;
    final MetronLookups lookups;

    FakeLookups(Catalogue catalogue) {
        server = FakeMetronServer.builder().catalogue(catalogue).clock(clock).account(USER, PASSWORD).start();
        MetronClient client = MetronClient.builder()
                .settings(MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl())))
                .credentials(MetronCredentials.basic(USER, PASSWORD)).clock(clock).sleeper(clock::advance).build();
        lookups = new MetronLookups(() -> client, null, URI.create(server.baseUrl()));
    }

    /** The requests received so far, path and query, in order. */
    List<String> requests() {
        return server.requestLog().stream().map(RequestLogEntry::pathAndQuery).toList();
    }

    /** Evidence of a file that says only what its hints say (and its UPC, if any). */
    static Evidence evidence(Path file, String upc, NameHint... hints) {
        return new Evidence(file, "fp-" + file, List.of(), upc, Optional.empty(), Arrays.asList(hints),
                Optional.empty(), "", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** A file-name hint. */
    static NameHint name(String series, String number, Integer year) {
        return new NameHint("file name", series, number, Optional.ofNullable(year), Optional.empty(),
                Optional.empty());
    }

    @Override
    public void close() {
        server.close();
    }
}
