package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.TaggedArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizeCommandTest {

    @TempDir
    Path dir;

    private Path lib;
    private Path journals;

    @BeforeEach
    void library() throws Exception {
        lib = dir.resolve("lib");
        journals = dir.resolve("journals");
        TaggedArchives.write(lib.resolve("new/saga_1.cbz"), "Image", "Saga", 2012, "1", 2012, 516881, 1, 1);
        TaggedArchives.write(lib.resolve("new/AT&T.cbz"), "Marvel", "AT&T: Tales?", 0, "½", 2020, 0, 1, 2);
        Files.writeString(lib.resolve("new/saga_1.nfo"), "nfo");
    }

    private Cli.Run run(String... args) {
        return Cli.run(Map.of(), dir, args);
    }

    @Test
    void aDryRunPrintsThePlanAndMovesNothing() throws Exception {
        Map<String, String> before = OrganizeCrashTest.snapshot(lib);
        Cli.Run run = run("organize", "--dry-run", "--json", "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.path("dry_run").asBoolean()).isTrue();
        assertThat(json.path("files")).hasSize(3);
        assertThat(json.path("files").findValuesAsText("target")).contains(
                lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz").toString(),
                lib.resolve("Image/Saga (2012)/Saga 001 (2012).nfo").toString(),
                lib.resolve("Marvel/AT&T - Tales/AT&T - Tales 000.5 (2020).cbz").toString());
        assertThat(json.path("summary").path("move").asInt()).isEqualTo(3);
        assertThat(OrganizeCrashTest.snapshot(lib)).isEqualTo(before);
        assertThat(journals).doesNotExist();
    }

    @Test
    void organizeThenUndoGivesBackTheLibraryExactly() throws Exception {
        Map<String, String> before = OrganizeCrashTest.snapshot(lib);
        Cli.Run run = run("organize", "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("organize: 3 moved").contains("undo with: metronome undo ");
        assertThat(lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz")).exists();
        assertThat(lib.resolve("new")).doesNotExist();

        Cli.Run list = run("undo", "--list", "--journal-dir", journals.toString());
        assertThat(list.out()).contains("organize").contains("3 files");
        Cli.Run undo = run("undo", "--json", "--journal-dir", journals.toString());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Json.mapper().readTree(undo.out()).path("summary").path("restored").asInt()).isEqualTo(3);
        assertThat(OrganizeCrashTest.snapshot(lib)).isEqualTo(before);
        assertThat(run("undo", "--journal-dir", journals.toString()).err()).contains("there is no run to undo");
    }

    @Test
    void aTemplateErrorIsOneLinePointingAtTheToken() {
        Cli.Run run = run("organize", "--template", "{publisher}/{seris} {number:3}", "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("unknown token {seris} (did you mean {series}?)").contains("at column 13");
    }

    @Test
    void theSideFilesSettingKeepsThemInPlace() throws Exception {
        Path config = Files.writeString(dir.resolve("config.properties"), "organize.sidecars=keep\n");
        Cli.Run run = run("organize", "--config", config.toString(), "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lib.resolve("new/saga_1.nfo")).exists();
        assertThat(lib.resolve("Image/Saga (2012)/Saga 001 (2012).nfo")).doesNotExist();
    }

    @Test
    void organizeWarnsWhenThePathIsInsideAServerLibrary() throws Exception {
        Path config = Files.writeString(dir.resolve("config.properties"), "organize.server-libraries=komga=" + lib + "\n");
        Cli.Run run = run("organize", "--dry-run", "--config", config.toString(), "--journal-dir", journals.toString(),
                lib.resolve("new").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning").contains("inside the komga library " + lib)
                .contains("soft-deleted").contains("read progress");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertThat(run("organize", "--dry-run", "--config", config.toString(), elsewhere.toString()).err()).doesNotContain("warning");
    }

    @Test
    void anInterruptedRunIsCompletedByTheNextOne() throws Exception {
        // a journal whose plan is whole but whose moves never happened: the next run completes it first
        Path from = lib.resolve("new/saga_1.cbz");
        Path to = lib.resolve("elsewhere/x.cbz");
        dev.metronome.organize.Runs runs = new dev.metronome.organize.Runs(journals, new dev.metronome.organize.FileMover(),
                what -> {
                    if (what.equals("journal written")) {
                        throw new StackOverflowError("simulated kill");
                    }
                }, java.time.Clock.systemUTC());
        try {
            runs.execute("organize", java.util.List.of(lib), java.util.List.of(new dev.metronome.organize.Move(from, to, false)));
        } catch (StackOverflowError expected) {
            // the process died
        }
        Cli.Run run = run("organize", "--journal-dir", journals.toString(), lib.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("completed run").contains("1 files moved");
        assertThat(from).doesNotExist();
        // then the new run organised x.cbz where the template says
        assertThat(lib.resolve("Image/Saga (2012)/Saga 001 (2012).cbz")).exists();
    }
}
