package dev.metronome.cli;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sync} and {@code scrobble} end to end against the fake Metron server. */
class SyncAndScrobbleTest {

    @TempDir
    Path home;

    private FakeMetronServer metron;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        // a generous window: the client follows the server's headers, so the test does not wait on Metron's 20/min
        metron = FakeMetronServer.builder().account("reader", "s3cret-pass")
                .burst(10_000, java.time.Duration.ofMinutes(1)).start();
        env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "reader", "METRON_PASS", "s3cret-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString());
    }

    @AfterEach
    void stop() {
        metron.close();
    }

    @Test
    void syncRecordsABaselineThenPullsChanges() {
        Cli.Run first = Cli.run(env, home, "sync");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("baseline");
        Cli.Run since = Cli.run(env, home, "sync", "--since", "2025-11-15T00:00:00Z", "--stats");
        assertThat(since.exitCode()).as(since.err()).isZero();
        assertThat(since.out()).containsPattern("Synced \\d+ changed issues");
        assertThat(metron.requestLog()).anyMatch(r -> r.pathAndQuery().contains("modified_gt="));
    }

    @Test
    void scrobbleByIdAndByATaggedFile() throws Exception {
        Cli.Run byId = Cli.run(env, home, "scrobble", "--issue-id", "31047", "--rating", "4");
        assertThat(byId.exitCode()).as(byId.err()).isZero();
        assertThat(byId.out()).contains("Issue 31047 marked as read");

        Path tagged = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1})
                .entry("ComicInfo.xml", "<ComicInfo><Notes>Tagged with Metronome 0.1 on 2026-11-27 [metron:issue=31047]</Notes></ComicInfo>")
                .writeTo(home.resolve("tagged.cbz"));
        Path untagged = ArchiveBuilder.cbz().page("001.jpg", new byte[] {2}).writeTo(home.resolve("untagged.cbz"));
        Cli.Run byFile = Cli.run(env, home, "scrobble", tagged.toString(), untagged.toString());
        assertThat(byFile.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        // the same read again: recorded before, so not sent twice (Metron would record a second read)
        assertThat(byFile.out()).contains("Issue 31047: already recorded");
        assertThat(byFile.err()).contains("untagged.cbz: not identified yet");
        assertThat(metron.scrobbles()).hasSize(1);
        Cli.Run anotherRead = Cli.run(env, home, "scrobble", tagged.toString(), "--date-read",
                "2026-11-28T20:00:00Z");
        assertThat(anotherRead.exitCode()).as(anotherRead.err()).isZero();
        assertThat(anotherRead.out()).contains("Issue 31047 marked as read");
        assertThat(metron.scrobbles()).hasSize(2);
    }

    @Test
    void waitForQuotaIsAnOptionAndAConfigKey() throws Exception {
        assertThat(Cli.run(env, home, "tag", "--help").out()).contains("--wait-for-quota");
        Path config = home.resolve("config.properties");
        java.nio.file.Files.writeString(config, "wait.for.quota=true\n");
        Cli.Run show = Cli.run(env, home, "--config", config.toString(), "config", "show");
        assertThat(show.out()).contains("wait.for.quota").contains("true");
        java.nio.file.Files.writeString(config, "wait.for.quota=sometimes\n");
        Cli.Run bad = Cli.run(env, home, "--config", config.toString(), "config", "show");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(bad.err()).contains("wait.for.quota");
    }

    @Test
    void badCredentialsExitWithThreeAndNoSecret() {
        Map<String, String> wrong = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "reader",
                "METRON_PASS", "wrong-password-xyz", "METRONOME_CACHE_DIR", home.resolve("cache").toString());
        Cli.Run run = Cli.run(wrong, home, "scrobble", "--issue-id", "31047");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).doesNotContain("wrong-password-xyz").contains("metronome:");
        Cli.Run none = Cli.run(Map.of("METRON_URL", metron.baseUrl()), home, "sync");
        assertThat(none.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(none.err()).contains("no Metron credentials");
    }
}
