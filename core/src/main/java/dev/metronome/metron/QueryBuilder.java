package dev.metronome.metron;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Collects query parameters; shared by the filter builders. Encodes as Metron does (sorted, spaces as '+'). */
abstract class QueryBuilder<B extends QueryBuilder<B>> {

    private final Map<String, String> params = new TreeMap<>();

    @SuppressWarnings("unchecked")
    B put(String name, Object value) {
        if (value == null) {
            params.remove(name);
        } else if (value instanceof OffsetDateTime time) {
            params.put(name, MetronJson.format(time));
        } else if (value instanceof LocalDate date) {
            params.put(name, date.toString());
        } else {
            params.put(name, value.toString());
        }
        return (B) this;
    }

    /** The parameters, sorted by name. */
    public Map<String, String> params() {
        return Map.copyOf(params);
    }

    /** The encoded query string (without '?'), empty when there are no filters. */
    public String query() {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((name, value) -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    @Override
    public String toString() {
        return query();
    }
}
