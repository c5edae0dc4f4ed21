package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** The bottom layer: {@link HttpClient} from {@code java.net.http}. */
public final class JdkTransport implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(JdkTransport.class);

    /** The largest answer read: Metron's biggest pages are a few hundred KB; anything past this is a broken server. */
    public static final int MAX_BODY_BYTES = 32 << 20;

    /** Closes the body of an answer that outlives its request's deadline. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "metronome-http-deadline");
                t.setDaemon(true);
                return t;
            });

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    /** Built on the first request: building it sets up TLS, a cost a run that needs no request should not pay. */
    private volatile HttpClient client;
    private final int maxBodyBytes;

    /**
     * Creates the transport.
     *
     * @param connectTimeout the connect timeout
     * @param requestTimeout the whole-request timeout: headers and body must have arrived within it
     */
    public JdkTransport(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, MAX_BODY_BYTES);
    }

    JdkTransport(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Starts, on a background thread, what the first requests of a process set up anyway: the default TLS context
     * (the JDK's CA certificates are read and parsed), the HTTP client's classes, and the JSON readers of a result
     * page and of an issue's details: about 0.3 s of a command's start that then overlaps with the caller's own
     * (the settings, the cache). Once per process; for a command that is about to ask Metron. Nothing is sent.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                javax.net.ssl.SSLContext.getDefault();
                HttpRequest.newBuilder(java.net.URI.create("https://localhost/")).GET().build();
                HttpResponse.BodyHandlers.ofInputStream();
                MetronJson.mapper().readValue("{}", MetronJson.pageOf(dev.metronome.metron.model.IssueListItem.class));
                MetronJson.mapper().readValue("{}", dev.metronome.metron.model.IssueDetail.class);
            } catch (java.security.GeneralSecurityException | IOException | RuntimeException e) {
                LOG.debug("Warm-up: {}", e.toString()); // the first request meets it again and says so
            }
        }, "metronome-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Response send(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(requestTimeout);
        if ("http".equals(request.uri().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach(builder::header);
        builder.header("Accept", "application/json");
        if (request.body() != null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            long deadline = System.nanoTime() + requestTimeout.toNanos();
            HttpResponse<InputStream> response = client().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body = readCapped(response, request, deadline);
            LOG.trace("{} {} -> {} ({} bytes)", request.method(), request.uri(), response.statusCode(), body.length);
            if (LOG.isTraceEnabled()) {
                request.headers().forEach((name, value) -> LOG.trace("  sent {}: {}", name,
                        name.toLowerCase(Locale.ROOT).equals("authorization") ? "****" : value));
            }
            return new Response(response.statusCode(), response.headers().map(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Metron", e);
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder().connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = built;
                }
            }
        }
        return built;
    }

    /**
     * The body, read while it stays under the cap and the whole-request deadline: a server that streams without
     * end, or trickles, is cut off with one line that names it, and memory stays bounded.
     */
    private byte[] readCapped(HttpResponse<InputStream> response, Request request, long deadline) throws IOException {
        InputStream in = response.body();
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            try {
                in.close(); // unblocks a read from a server that stopped sending
            } catch (IOException ignored) {
                // the read fails anyway
            }
        }, Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBodyBytes) {
                    throw new MetronException(MetronException.Kind.PROTOCOL, response.statusCode(),
                            "Metron sent an answer larger than " + (maxBodyBytes >> 20) + " MB for "
                                    + request.endpoint() + "; it was not read (the server is misbehaving, not your"
                                    + " files; try again later).");
                }
                out.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new HttpTimeoutException("the answer did not arrive within " + requestTimeout.toSeconds()
                            + " s");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw new HttpTimeoutException("the answer did not arrive within " + requestTimeout.toSeconds() + " s");
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }
}
