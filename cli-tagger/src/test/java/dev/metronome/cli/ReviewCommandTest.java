package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.Await;
import dev.metronome.fixtures.archives.Rar4Writer;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.corpus.ReviewCorpus;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code metronome review} as a command: {@code --open} hands the tokenised URL to the browser opener (and nothing is
 * opened without it); a choice on a CBR says in one line that the file needs {@code --convert}, and with
 * {@code --convert} the CBR is converted to a CBZ holding the chosen issue, as {@code tag --convert} does.
 */
class ReviewCommandTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private final ReviewPageClient page = new ReviewPageClient();

    private record Running(ReviewCommand command, CompletableFuture<Integer> exit, StringWriter out) {
        URI url() {
            return command.running.url();
        }

        void stop() throws Exception {
            command.stop.countDown();
            assertThat(exit.get()).as(out.toString()).isZero();
        }
    }

    private Running review(Map<String, String> env, List<URI> opened, String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
        ReviewCommand command = (ReviewCommand) commandLine.getSubcommands().get("review").getCommand();
        command.environment(env, home);
        command.browser = opened::add;
        List<String> all = new ArrayList<>(List.of("review"));
        all.addAll(List.of(args));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(all.toArray(String[]::new)));
        Await.until(PATIENCE, () -> command.running != null || exit.isDone(), out::toString);
        assertThat(command.running).as(out.toString()).isNotNull();
        return new Running(command, exit, out);
    }

    private static Map<String, String> env(FakeMetronServer metron, Path home) {
        return Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "k", "METRON_PASS", "k-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString());
    }

    private static FakeMetronServer metron() throws IOException {
        return FakeMetronServer.builder().account("k", "k-pass").burst(1000, Duration.ofSeconds(10)).start();
    }

    @Test
    void openHandsTheTokenisedUrlToTheBrowserAndNothingIsOpenedWithoutIt() throws Exception {
        try (FakeMetronServer metron = metron()) {
            List<URI> opened = new ArrayList<>();
            Running plain = review(env(metron, home), opened);
            plain.stop();
            assertThat(opened).as("without --open").isEmpty();

            Running open = review(env(metron, home), opened, "--open");
            URI url = open.url();
            open.stop();
            assertThat(opened).containsExactly(url);
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPath()).as("the token is in the URL").matches("/[A-Za-z0-9_-]{32}/");
            assertThat(open.out().toString()).contains(url.toString());
        }
    }

    @Test
    void aChoiceOnACbrNeedsConvertAndWithConvertTheCbrBecomesATaggedCbz() throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        LabelledArchive made = ReviewCorpus.create(library, 1, 1).get(0);
        Path cbr = cbrOf(made.path());
        try (FakeMetronServer metron = metron()) {
            Cli.Run tag = Cli.run(env(metron, home), home, "tag", library.toString());
            assertThat(tag.exitCode()).as(tag.out() + tag.err()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
            byte[] before = Files.readAllBytes(cbr);

            Running plain = review(env(metron, home), new ArrayList<>());
            String key = ReviewPageClient.key(page.get(plain.url().toString()));
            page.choose(plain.url(), key, made.trueIssueId());
            String shown = page.get(plain.url() + "file/" + key).body();
            Matcher message = Pattern.compile("<p[^>]*id=\"message\"[^>]*>([^<]*)</p>").matcher(shown);
            assertThat(message.find()).as(shown).isTrue();
            assertThat(message.group(1)).contains(cbr.getFileName().toString()).contains("--convert")
                    .doesNotContain("\n");
            assertThat(Files.readAllBytes(cbr)).as("the CBR is untouched").isEqualTo(before);
            plain.stop();

            Running converting = review(env(metron, home), new ArrayList<>(), "--convert");
            page.choose(converting.url(), ReviewPageClient.key(page.get(converting.url().toString())),
                    made.trueIssueId());
            converting.stop();
            Path cbz = cbr.resolveSibling(cbr.getFileName().toString().replaceAll("\\.cbr$", ".cbz"));
            assertThat(cbr).doesNotExist();
            try (ComicArchive a = Archives.open(cbz)) {
                assertThat(a.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8)))
                        .hasValueSatisfying(xml -> assertThat(xml).contains("[issue_id:" + made.trueIssueId() + "]"));
            }
        }
    }

    /** The same pages as a CBR (RAR 4) beside, the CBZ gone. */
    private static Path cbrOf(Path cbz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ComicArchive a = Archives.open(cbz)) {
            for (ArchiveEntry page : a.pages()) {
                entries.put(page.name(), a.read(page, 64 * 1024 * 1024));
            }
        }
        Path cbr = cbz.resolveSibling(cbz.getFileName().toString().replaceAll("\\.cbz$", ".cbr"));
        Rar4Writer.write(cbr, entries);
        Files.delete(cbz);
        return cbr;
    }
}
