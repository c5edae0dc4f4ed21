package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.metron.FakeMetronServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code serve kavita} with the real engine against the fake Metron and the fake Kavita, in patch and file mode:
 * five Saga issues (or {@code -Dmetronome.serveKavitaChapters=N}) dropped into the library get Metron's data; the requests each chapter cost on both sides are
 * printed (the figures of the closing note).
 */
class ServeKavitaTest {

    /** How many Saga issues are dropped: 5, or {@code -Dmetronome.serveKavitaChapters=50} for the figure. */
    private static final int CHAPTERS = Integer.getInteger("metronome.serveKavitaChapters", 5);
    private static final List<String> BOOKS = IntStream.rangeClosed(1, CHAPTERS)
            .mapToObj(n -> String.format("Saga %03d (2012).cbz", n)).toList();

    @TempDir
    Path home;

    private static boolean allTagged(FakeKavitaServer kavita) {
        for (String name : BOOKS) {
            Optional<JsonNode> m = kavita.chapterIdByFileName(name).flatMap(kavita::chapterMetadata);
            if (m.isEmpty() || !m.get().path("webLinks").asText().contains("metron.cloud/issue/")) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0} mode, Kavita {1}")
    @CsvSource({"patch,0.8.4.0", "file,0.9.1.0"})
    void droppedChaptersAreTaggedAndTheRequestsArePrinted(String mode, String version) throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("k", "k-pass").burst(1000, Duration.ofSeconds(10)).start();
             FakeKavitaServer kavita = FakeKavitaServer.builder().version(version).library("Comics", library)
                     .seriesScanDelay(Duration.ofMillis(300)).start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "k", "METRON_PASS", "k-pass",
                    "METRONOME_CACHE_DIR", home.resolve("cache").toString(), "KAVITA_API_KEY", kavita.apiKey());
            StringWriter out = new StringWriter();
            CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
            ServeKavita command = (ServeKavita) commandLine.getSubcommands().get("serve").getSubcommands().get("kavita").getCommand();
            command.environment(env, home);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("serve", "kavita",
                    "--url", kavita.url().toString(), "--mode", mode, "--poll-ms", "100"));
            Instant deadline = Instant.now().plusSeconds(60 + 6L * CHAPTERS); // generous: big runs on a loaded machine are slow
            while (!out.toString().contains("serving Kavita") && Instant.now().isBefore(deadline) && !exit.isDone()) {
                Thread.sleep(50);
            }
            int kavitaBefore = kavita.requests().size();
            Path folder = Files.createDirectories(library.resolve("Saga"));
            for (String name : BOOKS) {
                ArchiveBuilder.cbz().page("001.jpg", name.getBytes(StandardCharsets.UTF_8)).writeTo(folder.resolve(name));
            }
            kavita.scan();
            while (!allTagged(kavita) && Instant.now().isBefore(deadline) && !exit.isDone()) {
                Thread.sleep(100);
            }
            assertThat(allTagged(kavita)).as(out.toString()).isTrue();
            command.stop.countDown();
            assertThat(exit.get()).as(out.toString()).isZero();
            long kavitaCalls = kavita.requests().subList(kavitaBefore, kavita.requests().size()).stream()
                    .filter(r -> !r.startsWith("POST /api/Series/v2")).count();
            System.out.printf("serve kavita --mode %s (Kavita %s): %.1f Metron requests and %.1f Kavita requests per"
                    + " chapter (besides polls), cold cache, %d chapters of one series%n", mode, version,
                    metron.requestLog().size() / (double) CHAPTERS, kavitaCalls / (double) CHAPTERS, CHAPTERS);
            assertThat(kavita.violations()).isEmpty();
        }
    }
}
