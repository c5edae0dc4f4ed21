package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve komga} with the real engine, end to end: archives dropped into the fake Komga's library get Metron
 * metadata with locks, in patch and in file mode; a restart tags nothing again.
 */
class ServeKomgaTest {

    /** Five Saga (2012) issues of the bundled catalogue, named as a user would. */
    private static final Map<String, Long> BOOKS = Map.of("Saga 001 (2012).cbz", 516881L, "Saga 002 (2012).cbz", 516882L,
            "Saga 003 (2012).cbz", 516883L, "Saga 004 (2012).cbz", 516884L, "Saga 005 (2012).cbz", 516885L);

    @TempDir
    Path home;

    private record Running(CommandLine commandLine, ServeCommand.Komga command, CompletableFuture<Integer> exit, StringWriter out) {
    }

    private Running serve(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
        ServeCommand.Komga command = (ServeCommand.Komga) commandLine.getSubcommands().get("serve")
                .getSubcommands().get("komga").getCommand();
        command.environment(env, home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        return new Running(commandLine, command, exit, out);
    }

    private static void drop(Path library) throws Exception {
        Path folder = Files.createDirectories(library.resolve("Saga"));
        for (Map.Entry<String, Long> book : BOOKS.entrySet()) {
            ArchiveBuilder.cbz().page("001.jpg", book.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .writeTo(folder.resolve(book.getKey()));
        }
    }

    private static boolean allTagged(FakeKomgaServer komga) {
        for (String name : BOOKS.keySet()) {
            Optional<JsonNode> book = komga.bookIdByFileName(name).flatMap(komga::book);
            if (book.isEmpty() || !book.get().at("/metadata/links").toString().contains("metron.cloud")) {
                return false;
            }
        }
        return true;
    }

    private static void await(FakeKomgaServer komga, String why, Running running) throws InterruptedException {
        StringWriter out = running.out();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!allTagged(komga) && Instant.now().isBefore(deadline) && !running.exit().isDone()) {
            Thread.sleep(100);
        }
        assertThat(allTagged(komga)).as(why + "\n" + out).isTrue();
    }

    @Test
    void patchModeThenRestartTagsNothingTwice() throws Exception {
        runMode("patch");
    }

    @Test
    void fileModeWritesComicInfoAndAnalyses() throws Exception {
        runMode("file");
    }

    private void runMode(String mode) throws Exception {
        Path library = Files.createDirectories(home.resolve("library-" + mode));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("k", "k-pass").burst(1000, Duration.ofSeconds(10)).start();
             FakeKomgaServer komga = FakeKomgaServer.builder().library("Comics", library).heartbeat(Duration.ofMillis(100))
                     .taskStatusInterval(Duration.ofMillis(100)).scanInterval(Duration.ofMillis(300)).start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "k", "METRON_PASS", "k-pass",
                    "METRONOME_CACHE_DIR", home.resolve("cache-" + mode).toString(), "KOMGA_API_KEY", komga.apiKey());
            Running first = serve(env, "serve", "komga", "--url", komga.url().toString(), "--mode", mode);
            Thread.sleep(500);
            drop(library);
            await(komga, "every book tagged in " + mode + " mode", first);
            for (String name : BOOKS.keySet()) {
                JsonNode metadata = komga.book(komga.bookIdByFileName(name).orElseThrow()).orElseThrow().get("metadata");
                assertThat(metadata.get("number").asText()).isEqualTo(String.valueOf(Integer.parseInt(name.substring(5, 8))));
                for (String lock : List.of("numberLock", "numberSortLock", "releaseDateLock", "linksLock")) {
                    assertThat(metadata.get(lock).asBoolean()).as(lock + " in " + metadata).isTrue();
                }
                assertThat(metadata.at("/links").toString()).contains("metron.cloud/issue/");
            }
            if (mode.equals("file")) {
                try (var archive = dev.metronome.archive.Archives.open(library.resolve("Saga/Saga 001 (2012).cbz"))) {
                    assertThat(new String(archive.readMetadata("ComicInfo.xml").orElseThrow())).contains("[issue_id:516881]");
                }
            }
            first.command().stop.countDown();
            assertThat(first.exit().get()).isZero();
            long metronRequests = metron.requestLog().size();

            Running second = serve(env, "serve", "komga", "--url", komga.url().toString(), "--mode", mode);
            Thread.sleep(2000);
            second.command().stop.countDown();
            assertThat(second.exit().get()).isZero();
            assertThat(second.out().toString()).contains("0 books tagged");
            assertThat(metron.requestLog().size()).as("a restart asks Metron nothing").isEqualTo(metronRequests);
            assertThat(komga.violations()).isEmpty();
        }
    }
}
