package dev.metronome.cli;

import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit does not wait on an HTTP client's selector thread, which sits in native code while its client lives. */
class QuickExitTest {

    @Test
    void theSelectorThreadOfAClientThatAskedSomethingIsEndedBeforeExit() throws Exception {
        try (FakeMetronServer metron = FakeMetronServer.builder().account("q", "q-pass").start()) {
            HttpClient client = HttpClient.newHttpClient();
            String basic = Base64.getEncoder().encodeToString("q:q-pass".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(metron.baseUrl() + "publisher/"))
                    .header("Authorization", "Basic " + basic).header("User-Agent", "Metronome-test/1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(selectors()).isNotEmpty(); // the client is alive, its selector waits in epoll

            assertThat(QuickExit.endHttpSelectors()).isGreaterThanOrEqualTo(1);

            assertThat(selectors()).isEmpty();
        }
    }

    private static List<Thread> selectors() {
        return Thread.getAllStackTraces().keySet().stream().filter(QuickExit::isHttpSelector).filter(Thread::isAlive)
                .toList();
    }
}
