package dev.metronome.kavita;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.spi.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kavita's REST API over {@code java.net.http} (kavita-api.md §1-§2). Authenticates with
 * {@code POST /api/Plugin/authenticate} and sends the JWT as a Bearer token, re-authenticating before it expires (12
 * hours before, or half its lifetime for short-lived tokens) and once on a 401; from 0.8.9 on it sends the key as
 * {@code x-api-key} instead, falling back to the JWT if that is refused. Recognises "not found" as 204 or 404, and
 * Kavita's {@code index.html} answer (status 200) to a path it does not know. Writes are spaced to a rate (Kavita has
 * no limit of its own but logs "spamming updates").
 */
final class KavitaClient {

    /** One answer. */
    record Response(int status, byte[] body, HttpHeaders headers) {
    }

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REFRESH_BEFORE = Duration.ofHours(12);

    private final URI base;
    private final String apiKey;
    private final Clock clock;
    private final long writeSpacingNanos;
    private final HttpClient http;
    private volatile String token;
    private volatile Instant refreshAt = Instant.MIN;
    private volatile boolean keyHeader;
    private volatile KavitaVersion version;
    private volatile String userName;
    private volatile String userId;
    private long lastWriteNanos;

    KavitaClient(URI base, String apiKey, Clock clock, int writesPerMinute) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.apiKey = apiKey;
        this.clock = clock;
        this.writeSpacingNanos = writesPerMinute <= 0 ? 0 : 60_000_000_000L / writesPerMinute;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Authenticates, reads the version and checks the user is an admin.
     *
     * @throws ServerException when Kavita is unreachable, refuses the key, is older than 0.8.4 or the user no admin
     */
    void connect() throws ServerException {
        authenticate();
        if (!version.atLeast(KavitaVersion.MINIMUM)) {
            throw new ServerException("Kavita at " + base + " is version " + version + "; Metronome needs "
                    + KavitaVersion.MINIMUM + " or later.");
        }
        keyHeader = version.atLeast(KavitaVersion.API_KEY_HEADER);
    }

    private synchronized void authenticate() throws ServerException {
        String path = "/api/Plugin/authenticate";
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path + "?apiKey="
                        + URLEncoder.encode(apiKey, StandardCharsets.UTF_8) + "&pluginName=Metronome"))
                .timeout(TIMEOUT).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        Response r = send(req);
        if (r.status() == 401) {
            throw new ServerException("Kavita at " + base + " refused the API key (POST " + path + " answered 401).");
        }
        JsonNode user = parse(path, check(path, "POST", r));
        token = user.path("token").asText("");
        JsonNode claims = claims(token);
        boolean admin = false;
        JsonNode role = claims.path("role");
        for (JsonNode r1 : role.isArray() ? role : JSON.createArrayNode().add(role)) {
            admin |= "Admin".equals(r1.asText());
        }
        userName = user.path("username").asText(claims.path("name").asText("?"));
        userId = claims.path("nameid").asText(null);
        try {
            version = KavitaVersion.parse(user.path("kavitaVersion").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ServerException("Kavita at " + base + " reported no version when authenticating.");
        }
        if (!admin) {
            throw new ServerException("Kavita at " + base + ": the API key's user " + userName + " is not an admin;"
                    + " chapter updates and scans need the Admin role.");
        }
        Instant exp = Instant.ofEpochSecond(claims.path("exp").asLong(Long.MAX_VALUE / 2));
        Instant iat = Instant.ofEpochSecond(claims.path("iat").asLong(clock.instant().getEpochSecond()));
        Duration margin = Duration.between(iat, exp).dividedBy(2);
        refreshAt = exp.minus(margin.compareTo(REFRESH_BEFORE) < 0 ? margin : REFRESH_BEFORE);
    }

    /** The JWT's payload, read without checking the signature (only Kavita can). */
    private JsonNode claims(String jwt) throws ServerException {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw new ServerException("Kavita at " + base + " answered the authentication without a readable token.");
        }
    }

    URI base() {
        return base;
    }

    KavitaVersion version() {
        return version;
    }

    String userName() {
        return userName;
    }

    String userId() {
        return userId;
    }

    /** GET returning JSON; 204/404 are errors here. */
    JsonNode get(String pathAndQuery) throws ServerException {
        return getIfFound(pathAndQuery).orElseThrow(() -> new ServerException("Kavita at " + base
                + " found nothing at GET " + pathOf(pathAndQuery) + "."));
    }

    /** GET returning JSON, or empty for Kavita's "not found" (204, or 404 from 0.9). */
    Optional<JsonNode> getIfFound(String pathAndQuery) throws ServerException {
        Response r = call(() -> request(pathAndQuery).GET(), false);
        if (r.status() == 204 || r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(pathAndQuery, check(pathAndQuery, "GET", r)));
    }

    /** POST a JSON body (a write, spaced to the rate); returns the answer after checking it. */
    Response post(String pathAndQuery, JsonNode body) throws ServerException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ServerException("Could not encode the request to " + pathOf(pathAndQuery), e);
        }
        Response r = call(() -> request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), isWrite(pathAndQuery));
        check(pathAndQuery, "POST", r);
        return r;
    }

    private static boolean isWrite(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return !p.startsWith("/api/series/v2");
    }

    /** GET a byte stream (download). */
    InputStream download(String pathAndQuery) throws IOException {
        try {
            ensureFresh();
            HttpResponse<InputStream> r = http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200 || r.headers().firstValue("Content-Type").orElse("").contains("text/html")) {
                r.body().close();
                throw new IOException("Kavita answered " + r.statusCode() + " to GET " + pathOf(pathAndQuery));
            }
            return r.body();
        } catch (ServerException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + pathOf(pathAndQuery), e);
        }
    }

    private Response call(Supplier<HttpRequest.Builder> request, boolean write) throws ServerException {
        if (write) {
            throttle();
        }
        ensureFresh();
        Response r = send(authorized(request.get()).build());
        if (r.status() == 401) {
            if (keyHeader) {
                keyHeader = false; // the key is not accepted as x-api-key: use the JWT from now on
            }
            authenticate();
            r = send(authorized(request.get()).build());
        }
        return r;
    }

    private void ensureFresh() throws ServerException {
        if (!keyHeader && !clock.instant().isBefore(refreshAt)) {
            authenticate();
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        return keyHeader ? b.header("x-api-key", apiKey) : b.header("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    private synchronized void throttle() throws ServerException {
        long wait = lastWriteNanos + writeSpacingNanos - System.nanoTime();
        if (lastWriteNanos != 0 && wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerException("Interrupted while waiting to write to Kavita at " + base, e);
            }
        }
        lastWriteNanos = System.nanoTime();
    }

    private Response send(HttpRequest request) throws ServerException {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new ServerException("Kavita at " + base + " could not be reached (" + request.method() + " "
                    + request.uri().getPath() + "): " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("Interrupted while calling Kavita at " + base, e);
        }
    }

    private byte[] check(String pathAndQuery, String method, Response r) throws ServerException {
        String path = pathOf(pathAndQuery);
        int s = r.status();
        boolean html = r.headers().firstValue("Content-Type").orElse("").contains("text/html")
                || new String(r.body(), 0, Math.min(r.body().length, 64), StandardCharsets.UTF_8).stripLeading().startsWith("<");
        if (s >= 200 && s < 300 && html) {
            throw new ServerException("Kavita at " + base + " answered " + method + " " + path + " with its web page"
                    + " (index.html): the URL or base path is wrong, or this Kavita version has no such endpoint.");
        }
        if (s >= 200 && s < 300) {
            return r.body();
        }
        String detail = switch (s) {
            case 401 -> ": the API key was refused";
            case 403 -> ": the user " + userName + " lacks the role (an admin is needed)";
            case 400, 500 -> ": " + summarize(r);
            default -> "";
        };
        throw new ServerException("Kavita at " + base + " answered " + s + " to " + method + " " + path + detail);
    }

    private static String summarize(Response r) {
        String text = new String(r.body(), StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = JSON.readTree(text);
            if (n.has("errors")) {
                return n.path("errors").toString();
            }
            if (n.has("message")) {
                return n.path("message").asText();
            }
        } catch (IOException e) {
            // plain text
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static JsonNode parse(String path, byte[] body) throws ServerException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ServerException("Kavita's answer to " + pathOf(path) + " is not JSON: " + e.getMessage(), e);
        }
    }
}
