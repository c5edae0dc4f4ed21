package dev.metronome.cli;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.komga.CbzFiles;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve folder} with the real engine: archives dropped into the watched folder get tagged, including one copied
 * in slowly (it is only read once it has stopped growing); stopping is clean.
 */
class ServeFolderTest {

    @TempDir
    Path home;

    @Test
    void archivesDroppedIntoTheFolderAreTaggedIncludingASlowCopy() throws Exception {
        Path source = Files.createDirectories(home.resolve("source"));
        Path quick = ArchiveBuilder.cbz().page("001.jpg", "saga one".getBytes(StandardCharsets.UTF_8))
                .writeTo(source.resolve("Saga 001 (2012).cbz"));
        // a bigger file, copied in small chunks with pauses, as over a slow network share
        Path slow = ArchiveBuilder.cbz().randomPages(4, 100_000, 9).writeTo(source.resolve("Saga 002 (2012).cbz"));
        Path watched = Files.createDirectories(home.resolve("incoming"));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("watch", "watch-pass")
                .burst(1000, Duration.ofSeconds(10)).start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "watch",
                    "METRON_PASS", "watch-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString());
            StringWriter out = new StringWriter();
            CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
            ServeCommand.Folder folder = (ServeCommand.Folder) commandLine.getSubcommands().get("serve")
                    .getSubcommands().get("folder").getCommand();
            folder.environment(env, home);
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
                    commandLine.execute("serve", "folder", watched.toString(), "--settle-ms", "300"));
            awaitServing(out, running);
            Files.copy(quick, watched.resolve(quick.getFileName()));
            CbzFiles.copySlowly(slow, watched.resolve(slow.getFileName()), 16_384, 40);

            assertThat(awaitStamp(watched.resolve(quick.getFileName()), running)).as(out.toString())
                    .hasValueSatisfying(xml -> assertThat(xml).contains("[issue_id:516881]"));
            assertThat(awaitStamp(watched.resolve(slow.getFileName()), running)).as(out.toString())
                    .hasValueSatisfying(xml -> assertThat(xml).contains("[issue_id:516882]"));
            folder.stop.countDown();
            assertThat(running.get()).isZero();
            assertThat(out.toString()).contains("2 books tagged");
        }
    }

    @Test
    void withOrganizeEachTaggedArchiveIsFiledByTheTemplateJournalled() throws Exception {
        Path source = Files.createDirectories(home.resolve("source"));
        Path quick = ArchiveBuilder.cbz().page("001.jpg", "saga one".getBytes(StandardCharsets.UTF_8))
                .writeTo(source.resolve("Saga 001 (2012).cbz"));
        Path watched = Files.createDirectories(home.resolve("incoming"));
        Path journals = home.resolve("journals");
        try (FakeMetronServer metron = FakeMetronServer.builder().account("watch", "watch-pass")
                .burst(1000, Duration.ofSeconds(10)).start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "watch",
                    "METRON_PASS", "watch-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString(),
                    "METRONOME_JOURNAL_DIR", journals.toString());
            StringWriter out = new StringWriter();
            CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
            ServeCommand.Folder folder = (ServeCommand.Folder) commandLine.getSubcommands().get("serve")
                    .getSubcommands().get("folder").getCommand();
            folder.environment(env, home);
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
                    commandLine.execute("serve", "folder", watched.toString(), "--settle-ms", "300", "--organize"));
            awaitServing(out, running);
            Files.copy(quick, watched.resolve(quick.getFileName()));
            Instant deadline = Instant.now().plusSeconds(30);
            Optional<Path> filed = Optional.empty();
            while (filed.isEmpty() && Instant.now().isBefore(deadline) && !running.isDone()) {
                Thread.sleep(100);
                try (var walk = Files.walk(watched)) {
                    filed = walk.filter(p -> p.getFileName().toString().equals("Saga 001 (2012).cbz"))
                            .filter(p -> watched.relativize(p).getNameCount() > 1).findFirst();
                }
            }
            folder.stop.countDown();
            assertThat(running.get()).isZero();
            assertThat(filed).as(out.toString()).isPresent();
            assertThat(watched.relativize(filed.get()).getNameCount()).isEqualTo(3); // publisher/series (year)/file
            assertThat(stamped(filed.get())).isPresent();
            assertThat(watched.resolve(quick.getFileName())).doesNotExist();
            try (var files = Files.list(journals)) {
                assertThat(files.filter(f -> f.toString().endsWith(".journal")).count()).isEqualTo(1);
            }
        }
    }

    private static void awaitServing(StringWriter out, CompletableFuture<Integer> running) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!out.toString().contains("serving") && !running.isDone() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains("serving");
    }

    private static Optional<String> awaitStamp(Path file, CompletableFuture<Integer> running) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !running.isDone()) {
            Optional<String> xml = stamped(file);
            if (xml.isPresent()) {
                return xml;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static Optional<String> stamped(Path file) {
        try (ComicArchive archive = Archives.open(file)) {
            return archive.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8))
                    .filter(x -> x.contains("[issue_id:"));
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }
}
