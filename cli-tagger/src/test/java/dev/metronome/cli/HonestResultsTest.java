package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.tagging.TaggingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code tag} reports and exits with must be the truth: current is success, a failed write is an error. */
class HonestResultsTest {

    @TempDir
    Path home;

    private FakeMetronServer metron;
    private Map<String, String> env;
    private Path library;
    private Path saga;

    @BeforeEach
    void start() throws Exception {
        metron = FakeMetronServer.builder().account("tagger", "tagger-pass").burst(1000, Duration.ofSeconds(10)).start();
        env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "tagger", "METRON_PASS", "tagger-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString());
        library = Files.createDirectories(home.resolve("library"));
        SampleLibrary.create(library);
        Files.delete(library.resolve("broken.cbz"));
        saga = library.resolve("Saga (2012)");
    }

    @AfterEach
    void stop() {
        metron.close();
    }

    private Path sagaFile(int n) {
        return saga.resolve(String.format("Saga %03d (2012) (Digital) (Zone-Empire).cbz", n));
    }

    @Test
    void aRerunOverAnAlreadyTaggedLibraryIsSuccess() {
        Cli.Run first = Cli.run(env, home, "tag", library.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

        Cli.Run second = Cli.run(env, home, "tag", library.toString());

        assertThat(second.out()).contains("(0 written)");
        assertThat(second.exitCode()).as("already current is success: " + second.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aFailedWriteIsAnErrorCountedListedAndExitsOne() throws Exception {
        Path locked = sagaFile(2);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));

        Cli.Run run = Cli.run(env, home, "tag", "--json", library.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        JsonNode report = Json.mapper().readTree(run.out());
        JsonNode file = null;
        for (JsonNode f : report.get("files")) {
            if (f.get("path").asText().equals(locked.toString())) {
                file = f;
            }
        }
        assertThat(file).isNotNull();
        assertThat(file.get("status").asText()).isEqualTo("error");
        assertThat(file.get("written").asBoolean()).isFalse();
        assertThat(file.get("error").asText()).contains("read-only").doesNotContain(locked.toString());
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/matched").asInt()).isEqualTo(6);

        Cli.Run text = Cli.run(env, home, "tag", library.toString());
        assertThat(text.out()).contains("Errors").contains("errors           1");
        String line = text.err().lines().filter(l -> l.contains(locked.getFileName().toString())).findFirst()
                .orElseThrow();
        assertThat(line).containsOnlyOnce(locked.getFileName().toString()).contains("read-only");

        Cli.Run forced = Cli.run(env, home, "tag", "--force", locked.toString());
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
        try (ComicArchive archive = Archives.open(locked)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).isPresent();
        }
    }

    @Test
    void eachErrorLineNamesThePathOnceAndStaysOneLine() throws Exception {
        Path broken = Files.writeString(library.resolve("bad\nname.cbz"), "not a zip at all");

        Cli.Run run = Cli.run(env, home, "tag", library.toString());

        assertThat(run.err()).doesNotContain("bad\nname").contains("bad?name.cbz");
        String line = run.err().lines().filter(l -> l.contains("bad?name.cbz")).findFirst().orElseThrow();
        assertThat(line.indexOf("bad?name.cbz")).isEqualTo(line.lastIndexOf("bad?name.cbz"));
        assertThat(run.out()).doesNotContain("bad\nname").contains("bad?name.cbz");
        assertThat(broken).exists();
    }

    @Test
    void aMissingPathIsOneErrorAndTheRestIsStillTagged() throws Exception {
        Path missing = home.resolve("no-such-folder");

        Cli.Run run = Cli.run(env, home, "tag", "--json", missing.toString(), saga.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.at("/summary/matched").asInt()).isEqualTo(6);
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(run.out()).contains("no such file or folder");
    }

    @Test
    void aHarmlessDoctypeIsReadAndAnUnreadableComicInfoSaysWhyAndCanBeReplaced() throws Exception {
        Path doctype = dev.metronome.fixtures.archives.ArchiveBuilder.cbz().page("001.jpg", new byte[] {1, 2})
                .entry("ComicInfo.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE ComicInfo>\n<ComicInfo><Series>Saga</Series>"
                        + "<Number>8</Number><Year>2012</Year></ComicInfo>")
                .writeTo(library.resolve("doctype.cbz"));
        String unreadableXml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><ComicInfo><Series>&e;</Series></ComicInfo>";
        Path unreadable = dev.metronome.fixtures.archives.ArchiveBuilder.cbz().page("001.jpg", new byte[] {3, 4})
                .entry("ComicInfo.xml", unreadableXml).writeTo(saga.resolve("Saga 009 (2012).cbz"));

        Cli.Run run = Cli.run(env, home, "tag", library.toString());

        assertThat(run.err()).containsPattern("matched +" + java.util.regex.Pattern.quote(doctype.toString()));
        String line = run.err().lines().filter(l -> l.contains("Saga 009")).findFirst().orElseThrow();
        assertThat(line).contains("DOCTYPE").contains("--replace-unreadable-metadata");

        Cli.Run replaced = Cli.run(env, home, "tag", "--replace-unreadable-metadata", unreadable.toString());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        try (ComicArchive archive = Archives.open(unreadable)) {
            assertThat(new String(archive.readMetadata("ComicInfo.xml").orElseThrow(), StandardCharsets.UTF_8))
                    .contains("<Number>9</Number>");
            assertThat(archive.readMetadata(TaggingRun.UNREADABLE_BACKUP)).hasValue(unreadableXml.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anArchiveInHandInAnotherProcessIsSkippedNotWrittenTwice() throws Exception {
        Path held = sagaFile(3);
        Path holder = Files.writeString(home.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ,
                                StandardOpenOption.WRITE); var lock = c.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(javaBinary, holder.toString(), held.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()));
            assertThat(lines.readLine()).isEqualTo("locked");
            String before = TagCommandTest.sha256(held);

            Cli.Run run = Cli.run(env, home, "tag", "--json", saga.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
            assertThat(run.out()).contains("another Metronome process");
            JsonNode report = Json.mapper().readTree(run.out());
            assertThat(report.at("/summary/matched").asInt()).isEqualTo(5);
            assertThat(TagCommandTest.sha256(held)).isEqualTo(before);
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        Cli.Run after = Cli.run(env, home, "tag", held.toString());
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        assertThat(after.out()).contains("(1 written)");
    }
}
