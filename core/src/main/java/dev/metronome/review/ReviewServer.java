package dev.metronome.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The review page's web server (the JDK's own). Safe to leave running:
 * <ul>
 *   <li>it binds to the loopback address unless told otherwise;</li>
 *   <li>every URL starts with a random token, and any request without it is refused (403);</li>
 *   <li>writes are POSTs, refused when the browser says they come from another origin;</li>
 *   <li>files are named by their queue key, so only the queue's files are ever shown or written (else 404);</li>
 *   <li>Metron's covers are fetched and kept by the server, and the page's Content-Security-Policy lets the browser
 *       load nothing from anywhere else.</li>
 * </ul>
 */
public final class ReviewServer implements AutoCloseable {

    /**
     * Where to listen.
     *
     * @param bind the address ({@link InetAddress#getLoopbackAddress()} unless the user asked for another)
     * @param port the port, 0 for any free one
     */
    public record Options(InetAddress bind, int port) {
        /** Checks the values. */
        public Options {
            Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the port must be 0 to 65535: " + port);
            }
        }

        /** The loopback address, on a port (0: any free one). */
        public static Options loopback(int port) {
            return new Options(InetAddress.getLoopbackAddress(), port);
        }
    }

    private static final String CSP = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final int MAX_FORM = 16 * 1024;

    private final Reviewer reviewer;
    private final HttpServer server;
    private final ExecutorService pool;
    private final String token;
    private final String base;
    private final ReviewPage page;
    private volatile String message;

    private ReviewServer(Reviewer reviewer, HttpServer server, ExecutorService pool, String token) {
        this.reviewer = reviewer;
        this.server = server;
        this.pool = pool;
        this.token = token;
        this.base = "/" + token;
        this.page = new ReviewPage(base);
    }

    /**
     * Starts serving.
     *
     * @param reviewer what the page does
     * @param options  where to listen
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static ReviewServer start(Reviewer reviewer, Options options) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 32);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "metronome-review");
            t.setDaemon(true);
            return t;
        });
        ReviewServer review = new ReviewServer(reviewer, server, pool, token);
        server.createContext("/", review::handle);
        server.setExecutor(pool);
        server.start();
        return review;
    }

    /** The address listened on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's URL, token included. */
    public URI url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + base + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!tokenMatches(path)) {
                send(exchange, 403, "text/plain; charset=utf-8", "403 forbidden: this URL needs the page's token\n");
                return;
            }
            String rest = path.substring(base.length());
            String method = exchange.getRequestMethod();
            if ("POST".equals(method)) {
                if (!sameOrigin(exchange)) {
                    send(exchange, 403, "text/plain; charset=utf-8", "403 forbidden: a write from another origin\n");
                    return;
                }
                post(exchange, rest);
            } else if ("GET".equals(method) || "HEAD".equals(method)) {
                get(exchange, rest);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                send(exchange, 405, "text/plain; charset=utf-8", "405 method not allowed\n");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "500 " + dev.metronome.core.Problems.describe(e) + "\n");
        }
    }

    private boolean tokenMatches(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        int end = path.indexOf('/', 1);
        String given = end < 0 ? path.substring(1) : path.substring(1, end);
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a POST comes from the page itself: its {@code Origin} (which browsers send with every POST) must be
     * this server as the browser reached it; without one, a {@code Sec-Fetch-Site} must say same-origin. A request
     * with neither (a script with the token) is let through: the token is the authority.
     */
    static boolean sameOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null) {
            return host != null && origin.equalsIgnoreCase("http://" + host);
        }
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        return site == null || "same-origin".equals(site);
    }

    private void get(HttpExchange exchange, String rest) throws IOException {
        List<String> parts = segments(rest);
        if (parts.isEmpty()) {
            List<ReviewItem> items = reviewer.queue().items();
            if (items.isEmpty()) {
                send(exchange, 200, "text/html; charset=utf-8", page.empty(takeMessage()));
            } else {
                redirect(exchange, base + "/file/" + items.get(0).key());
            }
        } else if (parts.size() == 1 && parts.get(0).equals("review.css")) {
            resource(exchange, "review.css", "text/css; charset=utf-8");
        } else if (parts.size() == 1 && parts.get(0).equals("review.js")) {
            resource(exchange, "review.js", "text/javascript; charset=utf-8");
        } else if (parts.size() == 2 && parts.get(0).equals("file")) {
            Optional<ReviewItem> item = reviewer.queue().find(parts.get(1));
            if (item.isEmpty()) {
                notFound(exchange);
            } else {
                send(exchange, 200, "text/html; charset=utf-8", filePage(item.get(), query(exchange)));
            }
        } else if (parts.size() == 3 && parts.get(0).equals("cover")) {
            Optional<ReviewItem> item = reviewer.queue().find(parts.get(1));
            Optional<byte[]> image = item.flatMap(i -> number(parts.get(2)).flatMap(n -> reviewer.fileCover(i,
                    n.intValue())));
            image(exchange, image);
        } else if (parts.size() == 2 && parts.get(0).equals("metron")) {
            image(exchange, number(parts.get(1)).flatMap(reviewer::metronCover));
        } else {
            notFound(exchange);
        }
    }

    private String filePage(ReviewItem item, Map<String, String> query) {
        List<ReviewItem> items = reviewer.queue().items();
        int at = indexOf(items, item.key());
        String previous = at > 0 ? items.get(at - 1).key() : null;
        String next = at >= 0 && at + 1 < items.size() ? items.get(at + 1).key() : null;
        String name = query.getOrDefault("name", "");
        boolean searched = query.containsKey("name");
        List<ReviewCandidate> candidates;
        String note = takeMessage();
        if (searched) {
            try {
                Integer year = number(query.getOrDefault("year", "")).map(Long::intValue).orElse(null);
                candidates = reviewer.search(item, name, query.getOrDefault("number", ""), year);
            } catch (RuntimeException e) {
                candidates = List.of();
                note = "The search failed: " + dev.metronome.core.Problems.describe(e);
            }
        } else {
            candidates = reviewer.candidates(item);
        }
        String[] asked = searched ? new String[] {name, query.getOrDefault("number", ""),
                query.getOrDefault("year", "")} : null;
        return page.file(new ReviewPage.View(item, at + 1, items.size(), previous, next, reviewer.coverPages(item),
                candidates, searched, reviewer.hint(item), asked, note));
    }

    private void post(HttpExchange exchange, String rest) throws IOException {
        List<String> parts = segments(rest);
        if (parts.size() != 3 || !parts.get(0).equals("file")) {
            notFound(exchange);
            return;
        }
        List<ReviewItem> before = reviewer.queue().items();
        int at = indexOf(before, parts.get(1));
        if (at < 0) {
            notFound(exchange);
            return;
        }
        ReviewItem item = before.get(at);
        Map<String, String> form = form(exchange);
        Reviewer.Outcome outcome;
        switch (parts.get(2)) {
            case "choose" -> {
                Optional<Long> issue = number(form.getOrDefault("issue", ""));
                if (issue.isEmpty()) {
                    message = "Give a Metron issue id (a number).";
                    redirect(exchange, base + "/file/" + item.key());
                    return;
                }
                outcome = reviewer.choose(item, issue.get(), "1".equals(form.get("rest")));
            }
            case "skip" -> {
                reviewer.skip(item);
                outcome = new Reviewer.Outcome(true, item.file().getFileName() + " skipped", List.of());
            }
            case "not-in-metron" -> outcome = reviewer.notInMetron(item);
            default -> {
                notFound(exchange);
                return;
            }
        }
        message = outcome.message();
        if (!outcome.ok()) {
            redirect(exchange, base + "/file/" + item.key());
            return;
        }
        List<ReviewItem> after = reviewer.queue().items();
        redirect(exchange, after.isEmpty() ? base + "/" : base + "/file/" + after.get(Math.min(at, after.size() - 1))
                .key());
    }

    private String takeMessage() {
        String m = message;
        message = null;
        return m;
    }

    private static int indexOf(List<ReviewItem> items, String key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> segments(String rest) {
        return java.util.Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Long> number(String text) {
        try {
            long n = Long.parseLong(text.strip());
            return n >= 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM);
            return decode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new java.util.HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // ignored, as a browser would never send it
            }
        }
        return values;
    }

    private void resource(HttpExchange exchange, String name, String type) throws IOException {
        try (InputStream in = ReviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                notFound(exchange);
                return;
            }
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static void image(HttpExchange exchange, Optional<byte[]> image) throws IOException {
        if (image.isEmpty()) {
            notFound(exchange);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
        send(exchange, 200, CoverStore.contentType(image.get()).orElse("application/octet-stream"), image.get());
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", "404 not in the review queue\n");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 303, "text/plain; charset=utf-8", "see " + location + "\n");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Content-Security-Policy", CSP);
        headers.set("Referrer-Policy", "same-origin"); // no-referrer would make POSTs say Origin: null
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.containsKey("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
