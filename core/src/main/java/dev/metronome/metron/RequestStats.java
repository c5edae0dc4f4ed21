package dev.metronome.metron;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the requests actually sent, by endpoint and outcome (200, 304, 404, 429, 5xx, io-error...). */
public final class RequestStats {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    /** Records one response. */
    public void record(String endpoint, int status) {
        record(endpoint, status >= 500 ? "5xx" : Integer.toString(status));
    }

    /** Records one outcome label (e.g. {@code io-error}). */
    public void record(String endpoint, String outcome) {
        counts.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** A sorted copy: endpoint -> outcome -> count. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((endpoint, outcomes) -> {
            Map<String, Long> inner = new TreeMap<>();
            outcomes.forEach((outcome, count) -> inner.put(outcome, count.sum()));
            copy.put(endpoint, inner);
        });
        return copy;
    }

    /** How many requests were sent with this outcome, over every endpoint. */
    public long count(String outcome) {
        return counts.values().stream().map(m -> m.get(outcome)).filter(java.util.Objects::nonNull)
                .mapToLong(LongAdder::sum).sum();
    }

    /** How many requests were sent. */
    public long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    /** One line per endpoint, e.g. {@code issue/{id}/  200=12 304=3}. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        snapshot().forEach((endpoint, outcomes) -> {
            out.append(endpoint);
            outcomes.forEach((outcome, count) -> out.append("  ").append(outcome).append('=').append(count));
            out.append(System.lineSeparator());
        });
        return out.toString();
    }
}
