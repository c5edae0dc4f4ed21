package dev.metronome.tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a run.
 *
 * @param files      files handled
 * @param matched    files matched
 * @param ambiguous  files with several plausible issues
 * @param noMatch    files nothing matched
 * @param errors     files that failed
 * @param notReached files not looked at because the run stopped (Metron unavailable, or interrupted)
 * @param requests   {@code total}, then per endpoint (endpoint -> outcome -> count) and per outcome ({@code 200},
 *                   {@code 304}, {@code 429}, {@code 5xx}...)
 * @param elapsedMs  wall-clock time
 */
public record Summary(int files, int matched, int ambiguous, int noMatch, int errors, int notReached,
                      Map<String, Object> requests, long elapsedMs) {

    /** Totals of a run that reached every file. */
    public Summary(int files, int matched, int ambiguous, int noMatch, int errors, Map<String, Object> requests,
                   long elapsedMs) {
        this(files, matched, ambiguous, noMatch, errors, 0, requests, elapsedMs);
    }

    /**
     * Counts the reports and the requests sent during the run.
     *
     * @param reports   every file's report
     * @param before    the request counters at the start (endpoint -> outcome -> count)
     * @param after     the request counters at the end
     * @param elapsedMs wall-clock time
     * @return the totals
     */
    public static Summary of(List<FileReport> reports, Map<String, Map<String, Long>> before,
                             Map<String, Map<String, Long>> after, long elapsedMs) {
        int matched = 0;
        int ambiguous = 0;
        int noMatch = 0;
        int errors = 0;
        int notReached = 0;
        for (FileReport r : reports) {
            switch (r.status()) {
                case FileReport.MATCHED -> matched++;
                case FileReport.AMBIGUOUS -> ambiguous++;
                case FileReport.NO_MATCH -> noMatch++;
                case FileReport.NOT_REACHED -> notReached++;
                default -> errors++;
            }
        }
        Map<String, Map<String, Long>> byEndpoint = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        long total = 0;
        for (var endpoint : after.entrySet()) {
            for (var outcome : endpoint.getValue().entrySet()) {
                long earlier = before.getOrDefault(endpoint.getKey(), Map.of()).getOrDefault(outcome.getKey(), 0L);
                long count = outcome.getValue() - earlier;
                if (count > 0) {
                    byEndpoint.computeIfAbsent(endpoint.getKey(), k -> new TreeMap<>()).put(outcome.getKey(), count);
                    byOutcome.merge(outcome.getKey(), count, Long::sum);
                    total += count;
                }
            }
        }
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("total", total);
        requests.put("by_endpoint", byEndpoint);
        requests.put("by_outcome", byOutcome);
        return new Summary(reports.size(), matched, ambiguous, noMatch, errors, notReached, requests, elapsedMs);
    }
}
