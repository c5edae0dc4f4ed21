package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.spi.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Komga's REST API over {@code java.net.http}, without a cookie store (an API key must never travel with a session
 * cookie). {@link #connect()} picks the authentication ({@code X-API-Key} first, Basic as the fallback), reads the
 * account's roles and, for an admin, the version. Every URL is {@code base + path}, so a context path such as
 * {@code http://nas:8080/komga} is kept (a {@code URI.resolve("/...")} would drop it).
 */
final class KomgaClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final KomgaCredentials credentials;
    private final HttpClient http;
    private volatile String[] authHeader;
    private volatile KomgaVersion version;
    private volatile Set<String> roles = Set.of();
    private volatile String email = "?";
    private volatile String userId;

    KomgaClient(URI base, KomgaCredentials credentials) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.credentials = credentials;
        this.authHeader = credentials.apiKeyHeader().or(credentials::basicHeader).orElse(null);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Authenticates, reads the account's roles, then (for an admin) the version. {@code /api/v2/users/me} is asked
     * first because {@code /actuator/info} is admin-only: a non-admin key would otherwise look refused.
     *
     * @return the server's version, or null when the account is not an admin (only admins may read it)
     * @throws ServerException when the server is unreachable, the credentials are refused, or the server is too old
     */
    KomgaVersion connect() throws ServerException {
        if (!credentials.hasApiKey() && !credentials.hasBasic()) {
            throw new ServerException("Komga at " + base + ": give an API key, or an email and password.");
        }
        Optional<JsonNode> me = Optional.empty();
        if (credentials.hasApiKey()) {
            authHeader = credentials.apiKeyHeader().orElseThrow();
            me = tryMe();
        }
        if (me.isEmpty() && credentials.hasBasic()) {
            authHeader = credentials.basicHeader().orElseThrow();
            me = tryMe();
        }
        if (me.isEmpty()) {
            throw new ServerException("Komga at " + base + " refused the credentials"
                    + (credentials.hasApiKey() && !credentials.hasBasic()
                    ? " (API keys need Komga 1.20.0 or later; older servers need an email and password)." : "."));
        }
        email = me.get().path("email").asText("?");
        userId = me.get().path("id").asText(null);
        Set<String> r = new HashSet<>();
        me.get().path("roles").forEach(role -> r.add(role.asText()));
        roles = Set.copyOf(r);
        if (!roles.contains("ADMIN")) {
            return null; // the version is admin-only; a key that works means 1.20.0 or later
        }
        String text = getJson("/actuator/info").path("build").path("version").asText("");
        try {
            version = KomgaVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ServerException("Komga at " + base + " reported no version in /actuator/info.");
        }
        if (!version.atLeast(KomgaVersion.BOOK_SEARCH)) {
            throw new ServerException("Komga at " + base + " is version " + version + "; Metronome needs "
                    + KomgaVersion.BOOK_SEARCH + " or later.");
        }
        return version;
    }

    private Optional<JsonNode> tryMe() throws ServerException {
        HttpResponse<byte[]> r = send(request("/api/v2/users/me").GET().build());
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            return Optional.empty();
        }
        return Optional.of(parse("/api/v2/users/me", check("/api/v2/users/me", r)));
    }

    /** @return the account's flat roles (ADMIN does not include FILE_DOWNLOAD) */
    Set<String> roles() {
        return roles;
    }

    /** @return the account's user id (whose reading the events show) */
    String userId() {
        return userId;
    }

    /** @return the account's email, for messages */
    String email() {
        return email;
    }

    URI base() {
        return base;
    }

    KomgaVersion version() {
        return version;
    }

    /** GET returning JSON. */
    JsonNode getJson(String path) throws ServerException {
        return parse(path, check(path, send(request(path).GET().build())));
    }

    /** GET returning JSON, or empty on 404. */
    Optional<JsonNode> getJsonIfFound(String path) throws ServerException {
        HttpResponse<byte[]> r = send(request(path).GET().build());
        return r.statusCode() == 404 ? Optional.empty() : Optional.of(parse(path, check(path, r)));
    }

    /** POST a JSON body, returning JSON. */
    JsonNode postJson(String pathAndQuery, JsonNode body) throws ServerException {
        return parse(pathAndQuery, check(pathAndQuery, send(withBody(pathAndQuery, "POST", body))));
    }

    /** PATCH a JSON body (Komga answers 204). */
    void patchJson(String path, JsonNode body) throws ServerException {
        check(path, send(withBody(path, "PATCH", body)));
    }

    /** POST a JSON body, ignoring the answer's body (Komga answers 202 for tasks such as an import). */
    void postNoAnswer(String path, JsonNode body) throws ServerException {
        check(path, send(withBody(path, "POST", body)));
    }

    /** POST without a body (Komga answers 202 for tasks). */
    void post(String path) throws ServerException {
        check(path, send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** GET a byte stream (file download). */
    InputStream download(String path) throws IOException {
        try {
            HttpResponse<InputStream> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IOException("Komga answered " + r.statusCode() + " to GET " + path);
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + path, e);
        }
    }

    /** Opens the SSE stream; the caller reads and closes the body. */
    HttpResponse<InputStream> openEvents() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/sse/v1/events"))
                .header(authHeader[0], authHeader[1]).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("Komga answered " + r.statusCode() + " to the event stream");
        }
        return r;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .header(authHeader[0], authHeader[1]).header("Accept", "application/json");
    }

    private HttpRequest withBody(String pathAndQuery, String method, JsonNode body) throws ServerException {
        try {
            return request(pathAndQuery).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new ServerException("Could not encode the request to " + pathAndQuery, e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws ServerException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerException("Komga at " + base + " could not be reached (" + request.method() + " "
                    + request.uri().getPath() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("Interrupted while calling Komga at " + base, e);
        }
    }

    private byte[] check(String path, HttpResponse<byte[]> r) throws ServerException {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return r.body();
        }
        String detail = s == 400 ? ": " + summarize(r.body())
                : s == 403 ? " (the account " + email + " lacks the role this needs; Komga's roles are flat: ADMIN for"
                + " changes, FILE_DOWNLOAD for downloads)" : "";
        throw new ServerException("Komga at " + base + " answered " + s + " to " + r.request().method() + " "
                + path.split("\\?")[0] + detail);
    }

    private static String summarize(byte[] body) {
        try {
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : JSON.readTree(body).path("violations")) {
                sb.append(sb.length() == 0 ? "" : "; ").append(v.path("message").asText());
            }
            return sb.toString();
        } catch (IOException e) {
            return "(no details)";
        }
    }

    private static JsonNode parse(String path, byte[] body) throws ServerException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ServerException("Komga's answer to " + path + " is not JSON: " + e.getMessage(), e);
        }
    }
}
