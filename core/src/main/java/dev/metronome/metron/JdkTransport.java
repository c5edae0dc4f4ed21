package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/** The bottom layer: {@link HttpClient} from {@code java.net.http}. */
public final class JdkTransport implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(JdkTransport.class);

    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * Creates the transport.
     *
     * @param connectTimeout the connect timeout
     * @param requestTimeout the whole-request timeout
     */
    public JdkTransport(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
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
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.trace("{} {} -> {} ({} bytes)", request.method(), request.uri(), response.statusCode(),
                    response.body() == null ? 0 : response.body().length);
            if (LOG.isTraceEnabled()) {
                request.headers().forEach((name, value) -> LOG.trace("  sent {}: {}", name,
                        name.toLowerCase(Locale.ROOT).equals("authorization") ? "****" : value));
            }
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Metron", e);
        }
    }
}
