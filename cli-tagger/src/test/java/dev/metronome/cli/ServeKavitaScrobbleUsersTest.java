package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.RequestLogEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve kavita --scrobble-user}: two other Kavita users read (one chapter both of them), and each read reaches
 * the Metron account mapped to its reader, with that account's credentials from the environment, once per account:
 * the same issue read by two users goes to both accounts, an unmapped user's and the admin's own reads go nowhere
 * (no {@code --scrobble}), and a second run over the same cache sends nothing again.
 */
class ServeKavitaScrobbleUsersTest {

    private static final Map<String, Long> BOOKS = Map.of("Saga 001 (2012).cbz", 516881L, "Saga 002 (2012).cbz", 516882L);
    private static final String ALICE_PASS = "alice-secret-pass";
    private static final String BOB_TOKEN = "bob-secret-token";

    @TempDir
    Path home;

    @Test
    void eachUsersReadsReachTheirOwnMetronAccountOnce() throws Exception {
        Path library = Files.createDirectories(home.resolve("library"));
        Path folder = Files.createDirectories(library.resolve("Saga"));
        for (String name : BOOKS.keySet()) {
            ArchiveBuilder.cbz().page("001.jpg", name.getBytes(StandardCharsets.UTF_8)).writeTo(folder.resolve(name));
        }
        try (FakeMetronServer metron = FakeMetronServer.builder().account("k", "k-pass").account("alice_m", ALICE_PASS)
                .token(BOB_TOKEN, "bob_m").burst(1000, Duration.ofSeconds(10)).start();
             FakeKavitaServer kavita = FakeKavitaServer.builder().library("Comics", library)
                     .user("alice", "alice-key", false).user("Bob", "bob-key", false).user("carol", "carol-key", false)
                     .start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "k", "METRON_PASS", "k-pass",
                    "METRONOME_CACHE_DIR", home.resolve("cache").toString(), "KAVITA_API_KEY", kavita.apiKey(),
                    "METRON_PASS_ALICE_M", ALICE_PASS, "METRON_TOKEN_BOB_M", BOB_TOKEN);
            // bob's mapping comes from the config file, alice's from the option
            Path config = home.resolve("metronome.properties");
            Files.writeString(config, "kavita.scrobble-user.bob=bob_m\n");

            Running first = serve(env, config, kavita);
            await(() -> allTagged(kavita), first, "chapters tagged");
            int one = kavita.chapterIdByFileName("Saga 001 (2012).cbz").orElseThrow();
            int two = kavita.chapterIdByFileName("Saga 002 (2012).cbz").orElseThrow();
            kavita.markRead("alice", one);
            kavita.markRead("Bob", one);
            kavita.markRead("Bob", two);
            kavita.markRead("carol", two);
            kavita.markRead("admin", two);
            await(() -> scrobbles(metron).size() >= 3, first, "three scrobbles");
            int sweeps = progressCalls(kavita);
            await(() -> progressCalls(kavita) >= sweeps + 6, first, "three more sweeps");
            first.stop();

            assertThat(scrobbles(metron)).containsExactlyInAnyOrder("user:alice_m#516881", "user:bob_m#516881",
                    "user:bob_m#516882");

            Running second = serve(env, config, kavita);
            int before = progressCalls(kavita);
            await(() -> progressCalls(kavita) >= before + 6, second, "three sweeps of the second run");
            second.stop();
            assertThat(scrobbles(metron)).as("nothing sent again").hasSize(3);
            assertThat(first.out() + second.out()).doesNotContain(ALICE_PASS).doesNotContain(BOB_TOKEN);
            assertThat(metron.requestLog()).extracting(RequestLogEntry::pathAndQuery)
                    .noneMatch(p -> p.contains(ALICE_PASS) || p.contains(BOB_TOKEN));
            assertThat(kavita.violations()).isEmpty();
        }
    }

    /** One {@code serve kavita} run. */
    private record Running(ServeKavita command, CompletableFuture<Integer> exit, StringWriter output) {
        String out() {
            return output.toString();
        }

        void stop() throws Exception {
            command.stop.countDown();
            assertThat(exit.get()).as(out()).isZero();
        }
    }

    private Running serve(Map<String, String> env, Path config, FakeKavitaServer kavita) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
        ServeKavita command = (ServeKavita) commandLine.getSubcommands().get("serve").getSubcommands().get("kavita").getCommand();
        command.environment(env, home);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("--config",
                config.toString(), "serve", "kavita", "--url", kavita.url().toString(), "--poll-ms", "100",
                "--scrobble-user", "alice=alice_m"));
        Running running = new Running(command, exit, out);
        await(() -> out.toString().contains("serving Kavita"), running, "serving");
        return running;
    }

    private static void await(BooleanSupplier condition, Running running, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline) && !running.exit().isDone()) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what + "\n" + running.out()).isTrue();
    }

    private static boolean allTagged(FakeKavitaServer kavita) {
        for (String name : BOOKS.keySet()) {
            Optional<JsonNode> m = kavita.chapterIdByFileName(name).flatMap(kavita::chapterMetadata);
            if (m.isEmpty() || !m.get().path("webLinks").asText().contains("metron.cloud/issue/")) {
                return false;
            }
        }
        return true;
    }

    private static int progressCalls(FakeKavitaServer kavita) {
        return (int) kavita.requests().stream().filter(r -> r.contains("all-chapter-progress")).count();
    }

    /** Each scrobble Metron recorded, as {@code account#issue}. */
    private static List<String> scrobbles(FakeMetronServer metron) {
        List<String> accounts = metron.requestLog().stream()
                .filter(e -> e.method().equals("POST") && e.pathAndQuery().startsWith("/api/collection/scrobble")
                        && e.status() / 100 == 2)
                .map(RequestLogEntry::account).toList();
        List<JsonNode> bodies = new ArrayList<>(metron.scrobbles());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(accounts.size(), bodies.size()); i++) {
            out.add(accounts.get(i) + "#" + bodies.get(i).path("issue_id").asLong());
        }
        return out;
    }
}
