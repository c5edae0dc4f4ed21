package dev.metronome.metron;

import dev.metronome.cache.MetronCache;
import dev.metronome.cache.SharedRateLimiter;
import dev.metronome.fixtures.metron.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE (see simplelogger.properties), a run through every path logs neither the password, nor
 * the token, nor the Base64 Authorization value; nor do exception messages or the cache file hold them.
 */
class SecretsNeverLeakTest {

    private static final String WRONG_PASSWORD = "wr0ng-Pa55word-!";

    @Test
    void noSecretInLogsExceptionsOrCache(@TempDir Path cacheDir) throws Exception {
        assertThat(LoggerFactory.getLogger(MetronClient.class).isTraceEnabled()).as("TRACE is on").isTrue();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> failures = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeMetron fake = new FakeMetron(); MetronCache cache = MetronCache.open(cacheDir, fake.clock)) {
            for (MetronCredentials credentials : List.of(MetronCredentials.basic(FakeMetron.USER, FakeMetron.PASSWORD),
                    MetronCredentials.token(FakeMetron.TOKEN))) {
                LoggerFactory.getLogger(getClass()).info("Credentials in use: {}", credentials);
                MetronClient client = fake.client(credentials).responseStore(cache)
                        .rateLimiter(new SharedRateLimiter(cache, credentials.accountKey(), fake.settings(), fake.clock,
                                fake.sleeper)).build();
                client.issue(156270);
                client.issue(156270);
                client.issues(IssueFilter.create().seriesName("batman"), 2);
                fake.server.enqueue(Fault.throttled(2), Fault.status(503), Fault.reset());
                client.series(1);
                client.scrobble(156270, null, 5);
                collect(failures, () -> client.issue(987654321));
                fake.server.enqueue(Fault.malformed());
                collect(failures, () -> client.issue(1));
            }
            for (MetronCredentials wrong : List.of(MetronCredentials.basic(FakeMetron.USER, WRONG_PASSWORD),
                    MetronCredentials.token("not-the-" + FakeMetron.TOKEN))) {
                MetronClient client = fake.client(wrong).responseStore(cache).build();
                collect(failures, () -> client.issue(1));
                collect(failures, () -> client.issue(2));
            }
            fake.sleeper.waits();
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture works").contains("TRACE").contains("issue/156270").contains("****");
        assertThat(failures).hasSize(8);

        List<String> secrets = List.of(FakeMetron.PASSWORD, FakeMetron.TOKEN, WRONG_PASSWORD,
                basic(FakeMetron.USER, FakeMetron.PASSWORD), basic(FakeMetron.USER, WRONG_PASSWORD));
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            assertThat(failures).allSatisfy(message -> assertThat(message).doesNotContain(secret));
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(bytes).as(file.getFileName() + " holds no secret").doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void credentialsMaskThemselves() {
        assertThat(MetronCredentials.basic("alice", FakeMetron.PASSWORD).toString())
                .isEqualTo("MetronCredentials[user=alice, password=****]");
        assertThat(MetronCredentials.token(FakeMetron.TOKEN).toString()).isEqualTo("MetronCredentials[token=****]");
        assertThat(MetronCredentials.token(FakeMetron.TOKEN).accountKey()).startsWith("token:")
                .doesNotContain(FakeMetron.TOKEN);
        assertThat(MetronCredentials.fromEnvironment(Map.of("METRON_TOKEN", "t", "METRON_USER", "u")))
                .get().matches(MetronCredentials::isToken);
        assertThat(MetronCredentials.fromEnvironment(Map.of("METRON_USER", "u", "METRON_PASS", "p"))).isPresent();
        assertThat(MetronCredentials.fromEnvironment(Map.of())).isEmpty();
        try {
            MetronCredentials.fromEnvironment(Map.of("METRON_USER", "u"));
            throw new AssertionError("a user without a password must fail");
        } catch (MetronException e) {
            assertThat(e.getMessage()).isEqualTo("Set both METRON_USER and METRON_PASS, or METRON_TOKEN.");
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void collect(List<String> failures, Runnable call) {
        try {
            call.run();
            failures.add("no failure");
        } catch (MetronException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t).append('\n');
            }
            failures.add(all.toString());
        }
    }
}
