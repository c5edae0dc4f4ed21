package dev.metronome.tagging;

import java.util.Map;

/**
 * The totals of a run.
 *
 * @param files     files handled
 * @param matched   files matched
 * @param ambiguous files with several plausible issues
 * @param noMatch   files nothing matched
 * @param errors    files that failed
 * @param requests  {@code total}, then per endpoint (endpoint -> outcome -> count) and per outcome ({@code 200},
 *                  {@code 304}, {@code 429}, {@code 5xx}...)
 * @param elapsedMs wall-clock time
 */
public record Summary(int files, int matched, int ambiguous, int noMatch, int errors, Map<String, Object> requests,
                      long elapsedMs) {
}
