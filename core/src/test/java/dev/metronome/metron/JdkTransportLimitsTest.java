package dev.metronome.metron;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hostile server cannot take the process's memory or hold a request forever. */
class JdkTransportLimitsTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length: it just keeps coming
            byte[] chunk = new byte[1 << 16];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1 << 14; i++) { // up to 1 GiB, far past the cap
                    out.write(chunk);
                }
            } catch (java.io.IOException closedByTheClient) {
                // expected: the client stops reading at the cap
            }
        });
        server.createContext("/stall/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('{');
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private Request get(String path) {
        return Request.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), path, false);
    }

    @Test
    void anEndlessBodyIsCutAtTheCapAndTheServerIsBlamed() {
        JdkTransport transport = new JdkTransport(Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20);
        assertThatThrownBy(() -> transport.send(get("/endless/")))
                .isInstanceOf(MetronException.class)
                .hasMessageContaining("larger than 1 MB").hasMessageContaining("server is misbehaving")
                .hasMessageNotContaining("archive");
    }

    @Test
    void aServerThatStopsSendingMidAnswerHitsTheWholeRequestDeadline() {
        JdkTransport transport = new JdkTransport(Duration.ofSeconds(5), Duration.ofMillis(500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.send(get("/stall/"))).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
