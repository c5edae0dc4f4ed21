package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.Await;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.corpus.ReviewCorpus;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.FakeKomgaServer;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --review-port} on {@code serve folder}, {@code serve komga} and {@code serve kavita}, end to end against the
 * fakes: a file the engine leaves ambiguous shows on the serve's review page (a request without the page's token is
 * refused), and a choice POSTed there lands in the server the way a confident match does: in patch mode the server's
 * metadata is patched (a field the user locked kept) and the file is left alone; in file mode the file gets the
 * chosen issue's ComicInfo and the server is asked to re-read it.
 */
class ServeReviewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final ReviewPageClient page = new ReviewPageClient();

    /** A serve command running in-process. */
    private record Running(ServeCommand.Server command, CompletableFuture<Integer> exit, StringWriter out) {
    }

    private Running serve(Map<String, String> env, String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
        ServeCommand.Server command = (ServeCommand.Server) commandLine.getSubcommands().get("serve").getSubcommands()
                .get(args[1]).getCommand();
        command.environment(env, home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        Await.until(PATIENCE, () -> command.review != null || exit.isDone(), out::toString);
        assertThat(command.review).as(out.toString()).isNotNull();
        return new Running(command, exit, out);
    }

    private Map<String, String> env(FakeMetronServer metron, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "k",
                "METRON_PASS", "k-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static FakeMetronServer metron() throws IOException {
        return FakeMetronServer.builder().account("k", "k-pass").burst(1000, Duration.ofSeconds(10)).start();
    }

    /** One archive the engine cannot decide alone (Fantastic Four #1 without a year: the 2018 or the 1961 volume). */
    private static LabelledArchive ambiguous(Path library) {
        List<LabelledArchive> made = ReviewCorpus.create(library, 1, 1);
        assertThat(made).hasSize(1);
        return made.get(0);
    }

    /** The page's key of the one file it lists, once the serve has left it undecided and the page shows it. */
    private String keyOnThePage(Running running, LabelledArchive file) throws InterruptedException {
        String base = running.command().review.url().toString();
        List<HttpResponse<String>> shown = new java.util.ArrayList<>(List.of(page.get(base)));
        Await.until(PATIENCE, () -> {
            shown.set(0, page.get(base));
            return shown.get(0).body().contains(file.path().getFileName().toString());
        }, () -> "the review page never listed " + file.path().getFileName() + ": " + shown.get(0).body() + "\n"
                + running.out());
        return ReviewPageClient.key(shown.get(0));
    }

    /** Asserts the refusal without the token, then POSTs the choice as the page's form does. */
    private void choose(Running running, String key, long issueId) throws Exception {
        URI url = running.command().review.url();
        String origin = ReviewPageClient.origin(url);
        assertThat(page.get(origin + "/").statusCode()).as("no token").isEqualTo(403);
        assertThat(page.get(origin + "/file/" + key).statusCode()).as("no token").isEqualTo(403);
        assertThat(page.post(origin + "/file/" + key + "/choose", "issue=" + issueId, origin).statusCode())
                .as("a write without the token").isEqualTo(403);
        page.choose(url, key, issueId);
        String after = page.get(url.toString()).body();
        assertThat(after).as("the page says it is done").contains("tagged as");
        assertThat(after).doesNotContain(key);
    }

    private static Optional<String> comicInfo(Path archive) throws IOException {
        try (ComicArchive a = Archives.open(archive)) {
            return a.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }

    private static String coverDate(FakeMetronServer metron, long issueId) {
        return metron.catalogue().issue((int) issueId).orElseThrow().path("cover_date").asText();
    }

    private static void stop(Running running) throws Exception {
        running.command().stop.countDown();
        assertThat(running.exit().get()).as(running.out().toString()).isZero();
    }

    @Test
    void serveFolderWritesTheChoiceIntoTheArchive() throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        LabelledArchive file = ambiguous(library);
        try (FakeMetronServer metron = metron()) {
            Running running = serve(env(metron), "serve", "folder", library.toString(), "--settle-ms", "100",
                    "--review-port", "0");
            String key = keyOnThePage(running, file);
            assertThat(comicInfo(file.path())).as("undecided, so untouched").isEmpty();
            int before = metron.requestLog().size();
            choose(running, key, file.trueIssueId());
            assertThat(comicInfo(file.path())).hasValueSatisfying(xml ->
                    assertThat(xml).contains("[issue_id:" + file.trueIssueId() + "]"));
            System.out.printf("serve folder --review-port: the choice cost %d Metron requests%n",
                    metron.requestLog().size() - before);
            stop(running);
            assertThat(running.out().toString()).contains("1 books tagged");
        }
    }

    @ParameterizedTest(name = "Komga, {0} mode")
    @ValueSource(strings = {"patch", "file"})
    void serveKomgaAppliesTheChoiceInItsMode(String mode) throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        LabelledArchive file = ambiguous(library);
        String name = file.path().getFileName().toString();
        try (FakeMetronServer metron = metron();
             FakeKomgaServer komga = FakeKomgaServer.builder().library("Comics", library)
                     .heartbeat(Duration.ofMillis(100)).taskStatusInterval(Duration.ofMillis(100))
                     .scanInterval(Duration.ofMillis(300)).start()) {
            Await.until(PATIENCE, () -> komga.bookIdByFileName(name).isPresent(), () -> komga.requests().toString());
            String bookId = komga.bookIdByFileName(name).orElseThrow();
            komga.lockTitle(bookId, "My own title");
            Running running = serve(env(metron, "KOMGA_API_KEY", komga.apiKey()), "serve", "komga", "--url",
                    komga.url().toString(), "--mode", mode, "--review-port", "0");
            String key = keyOnThePage(running, file);
            int metronBefore = metron.requestLog().size();
            int komgaBefore = komga.requests().size();
            choose(running, key, file.trueIssueId());

            JsonNode metadata = komga.book(bookId).orElseThrow().get("metadata");
            if (mode.equals("patch")) {
                assertThat(comicInfo(file.path())).as("patch mode leaves the file alone").isEmpty();
                assertThat(komga.requests().subList(komgaBefore, komga.requests().size()))
                        .anyMatch(r -> r.startsWith("PATCH ") && r.contains("/books/" + bookId + "/metadata"));
            } else {
                assertThat(comicInfo(file.path())).hasValueSatisfying(xml ->
                        assertThat(xml).contains("[issue_id:" + file.trueIssueId() + "]"));
                assertThat(komga.requests().subList(komgaBefore, komga.requests().size()))
                        .anyMatch(r -> r.startsWith("POST ") && r.contains("/books/" + bookId + "/analyze"));
                Await.until(PATIENCE, () -> komga.book(bookId).orElseThrow().at("/metadata/links").toString()
                        .contains("metron.cloud/issue/"), () -> komga.book(bookId).toString());
                metadata = komga.book(bookId).orElseThrow().get("metadata");
            }
            assertThat(metadata.at("/links").toString()).contains("metron.cloud/issue/");
            assertThat(metadata.path("releaseDate").asText()).isEqualTo(coverDate(metron, file.trueIssueId()));
            assertThat(metadata.path("title").asText()).as("the user's lock").isEqualTo("My own title");
            System.out.printf("serve komga --mode %s --review-port: the choice cost %d Metron and %d Komga requests%n",
                    mode, metron.requestLog().size() - metronBefore, komga.requests().size() - komgaBefore);
            stop(running);
            assertThat(running.out().toString()).contains("1 books tagged");
            assertThat(komga.violations()).isEmpty();
        }
    }

    @ParameterizedTest(name = "Kavita, {0} mode")
    @ValueSource(strings = {"patch", "file"})
    void serveKavitaAppliesTheChoiceInItsMode(String mode) throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        LabelledArchive file = ambiguous(library);
        String name = file.path().getFileName().toString();
        try (FakeMetronServer metron = metron();
             FakeKavitaServer kavita = FakeKavitaServer.builder().version("0.9.1.0").library("Comics", library)
                     .seriesScanDelay(Duration.ofMillis(300)).start()) {
            kavita.scan();
            Await.until(PATIENCE, () -> kavita.chapterIdByFileName(name).isPresent(), () -> kavita.requests().toString());
            int chapterId = kavita.chapterIdByFileName(name).orElseThrow();
            kavita.userEdit(chapterId, "summary", "My own summary", "summaryLocked");
            Running running = serve(env(metron, "KAVITA_API_KEY", kavita.apiKey()), "serve", "kavita", "--url",
                    kavita.url().toString(), "--mode", mode, "--poll-ms", "100", "--review-port", "0");
            String key = keyOnThePage(running, file);
            int metronBefore = metron.requestLog().size();
            int kavitaBefore = kavita.requests().size();
            int updatesBefore = kavita.updates().size();
            choose(running, key, file.trueIssueId());

            if (mode.equals("patch")) {
                assertThat(comicInfo(file.path())).as("patch mode leaves the file alone").isEmpty();
                assertThat(kavita.updates().subList(updatesBefore, kavita.updates().size()))
                        .anyMatch(u -> u.id() == chapterId);
            } else {
                assertThat(comicInfo(file.path())).hasValueSatisfying(xml ->
                        assertThat(xml).contains("[issue_id:" + file.trueIssueId() + "]"));
                assertThat(kavita.requests().subList(kavitaBefore, kavita.requests().size()))
                        .anyMatch(r -> r.contains("/api/Series/scan"));
            }
            Await.until(PATIENCE, () -> kavita.chapterMetadata(chapterId).orElseThrow().path("webLinks").asText()
                    .contains("metron.cloud/issue/"), () -> kavita.chapterMetadata(chapterId).toString());
            JsonNode metadata = kavita.chapterMetadata(chapterId).orElseThrow();
            assertThat(metadata.path("releaseDate").asText()).startsWith(coverDate(metron, file.trueIssueId()));
            assertThat(metadata.path("summary").asText()).as("the user's lock").isEqualTo("My own summary");
            System.out.printf("serve kavita --mode %s --review-port: the choice cost %d Metron and %d Kavita requests"
                    + "%n", mode, metron.requestLog().size() - metronBefore, kavita.requests().size() - kavitaBefore);
            stop(running);
            assertThat(running.out().toString()).contains("1 books tagged");
            assertThat(kavita.violations()).isEmpty();
        }
    }
}
