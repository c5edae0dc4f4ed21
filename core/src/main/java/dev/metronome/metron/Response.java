package dev.metronome.metron;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response from Metron (or from the cache, when a 304 was answered with the stored body).
 *
 * @param status  the HTTP status
 * @param headers the headers, names case-insensitive
 * @param body    the body bytes (empty, never null)
 */
public record Response(int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies headers into a case-insensitive map. */
    public Response {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A header parsed as a long, when present and numeric. */
    public Optional<Long> longHeader(String name) {
        try {
            return header(name).map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
