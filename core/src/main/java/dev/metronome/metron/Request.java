package dev.metronome.metron;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request to Metron. Never carries credentials: {@link AuthLayer} adds them at the last moment.
 *
 * @param method      GET or POST
 * @param uri         the absolute URL (without user info)
 * @param endpoint    the endpoint template for statistics, e.g. {@code issue/{id}/}
 * @param headers     extra headers (never Authorization)
 * @param body        the JSON body of a POST, or null
 * @param conditional whether Metron answers this URL with Last-Modified and honours If-Modified-Since
 */
public record Request(String method, URI uri, String endpoint, Map<String, String> headers, byte[] body,
                      boolean conditional) {

    /** Validates and copies. */
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("A Metron URL must not carry credentials");
        }
        headers = Map.copyOf(headers);
    }

    /** A GET request. */
    public static Request get(URI uri, String endpoint, boolean conditional) {
        return new Request("GET", uri, endpoint, Map.of(), null, conditional);
    }

    /** A POST request with a JSON body. */
    public static Request postJson(URI uri, String endpoint, byte[] json) {
        return new Request("POST", uri, endpoint, Map.of("Content-Type", "application/json"), json, false);
    }

    /** Whether sending this request twice is harmless (GET), so failures may be retried. */
    public boolean idempotent() {
        return "GET".equals(method);
    }

    /** A copy with one more header. */
    public Request withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Request(method, uri, endpoint, copy, body, conditional);
    }

    /** The URL as a cache key: scheme, host, port, path and query, never user info. */
    public String cacheKey() {
        return uri.toString();
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
