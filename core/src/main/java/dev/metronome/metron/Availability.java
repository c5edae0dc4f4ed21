package dev.metronome.metron;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The overall give-up: a layer above the retries that watches whole requests. After {@value #FAILURES_IN_A_ROW}
 * requests in a row failed (a refused connection, a connect timeout, a missed whole-request deadline, an oversized
 * answer, or a 5xx after its retries), Metron is unavailable:
 * <ul>
 *   <li>in a run (no pause given), the request fails with {@link MetronException.Kind#UNAVAILABLE}, one line naming
 *       the cause and what to do, and every later request fails the same way at once, without being sent;</li>
 *   <li>in a long-lived host (a pause given, one minute for {@code serve}), requests fail at once during the pause,
 *       then one request goes through as a probe: an answer ends the pause, a failure starts another.</li>
 * </ul>
 * A 503 whose {@code Retry-After} is longer than {@code maxRetryAfter} makes Metron unavailable at once, until
 * the time it asks for. Requests a 4xx answers count as answered: Metron is there.
 */
public final class Availability implements Exchange {

    /** Whole requests that must fail in a row before Metron counts as unavailable. */
    public static final int FAILURES_IN_A_ROW = 3;
    /** How long a long-lived host leaves Metron alone before it probes again. */
    public static final Duration HOST_PAUSE = Duration.ofMinutes(1);

    private final MetronSettings settings;
    private final Clock clock;
    private final Duration pause;
    private final Exchange next;
    private int failures;
    /** What the last failure that made Metron unavailable said, e.g. {@code Metron at HOST is unreachable (...)}. */
    private String what;
    private Instant pausedUntil;
    private MetronException gaveUp;

    /**
     * Creates the layer.
     *
     * @param settings the retry bounds (for the messages and the longest Retry-After worth waiting for)
     * @param clock    the clock (when a pause ends)
     * @param pause    null: give up the run; else how long to leave Metron alone before probing again
     * @param next     the next layer (the retries)
     */
    public Availability(MetronSettings settings, Clock clock, Duration pause, Exchange next) {
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        MetronException refused = refusal();
        if (refused != null) {
            throw refused;
        }
        Response response;
        try {
            response = next.send(request);
        } catch (MetronException e) {
            String words = counted(e);
            if (words == null || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw orElse(failed(request, words, Optional.empty()), e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            MetronException unavailable = failed(request, causeWords(e), Optional.empty());
            if (unavailable != null) {
                throw unavailable;
            }
            throw e;
        }
        int status = response.status();
        if (status >= 500) {
            Optional<Instant> comeBack = comeBackAt(response);
            Optional<String> retryAfter = status == 503 ? response.header("Retry-After") : Optional.empty();
            MetronException unavailable = failed(request, "HTTP " + status + retryAfter.map(
                    seconds -> " with Retry-After " + seconds.strip() + " s").orElse(""), comeBack);
            if (unavailable != null) {
                throw unavailable;
            }
            return response;
        }
        answered();
        return response;
    }

    /** Whether Metron counts as unavailable now (given up, or within a pause). */
    public synchronized boolean unavailable() {
        return gaveUp != null || (pausedUntil != null && clock.instant().isBefore(pausedUntil));
    }

    private synchronized MetronException refusal() {
        if (gaveUp != null) {
            return new MetronException(MetronException.Kind.UNAVAILABLE, gaveUp.status(), gaveUp.getMessage());
        }
        if (pausedUntil == null) {
            return null;
        }
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new MetronException(MetronException.Kind.UNAVAILABLE, 0, what + "; nothing is sent before "
                    + at(pausedUntil) + ", then one request tries again.");
        }
        // this request is the probe; the others wait for its outcome as if the pause went on
        pausedUntil = now.plus(pause);
        return null;
    }

    private synchronized void answered() {
        failures = 0;
        pausedUntil = null;
    }

    /** Counts a failed request; the exception that says Metron is unavailable, or null while it is not yet. */
    private synchronized MetronException failed(Request request, String words, Optional<Instant> comeBack) {
        failures++;
        if (failures < FAILURES_IN_A_ROW && comeBack.isEmpty()) {
            return null;
        }
        String host = request.uri().getHost();
        boolean http = words.startsWith("HTTP");
        // it answers, badly (5xx, oversized answers): failing; it does not answer: unreachable
        boolean failing = http || words.startsWith("answers");
        what = comeBack.isPresent()
                ? "Metron at " + host + " is down for maintenance (" + words + "): it asks to come back at "
                  + at(comeBack.get())
                : "Metron at " + host + " is " + (failing ? "failing" : "unreachable") + " (" + words + ", "
                  + failures + " requests in a row" + (http ? ", each retried " + settings.maxServerRetries()
                  + " times" : "") + ")";
        if (pause == null) {
            gaveUp = new MetronException(MetronException.Kind.UNAVAILABLE, 0, what + "; the run stopped. "
                    + (comeBack.isPresent() ? "Run again after that time"
                    : failing ? "Check https://metron.cloud in a browser, then run again later"
                    : "Check your network (and METRON_URL) and https://metron.cloud, then run again later")
                    + " (--wait-for-quota does not help: this is not the daily quota).");
            return gaveUp;
        }
        Instant now = clock.instant();
        Instant until = now.plus(pause);
        if (comeBack.isPresent() && comeBack.get().isAfter(until)) {
            until = comeBack.get();
        }
        pausedUntil = until;
        return new MetronException(MetronException.Kind.UNAVAILABLE, 0, what + "; nothing is sent before "
                + at(until) + ", then one request tries again.");
    }

    /** The words for a failure that counts (the network, a timeout, an oversized answer), or null. */
    private String counted(MetronException e) {
        return switch (e.kind()) {
            case NETWORK -> e.getCause() == null ? null : causeWords(e.getCause());
            case PROTOCOL -> e.getMessage() != null && e.getMessage().contains("larger than")
                    ? "answers larger than " + (JdkTransport.MAX_BODY_BYTES >> 20) + " MB" : null;
            default -> null;
        };
    }

    private String causeWords(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "timed out: no connection within " + RetryLayer.seconds(settings.connectTimeout());
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out: no answer within " + RetryLayer.seconds(settings.requestTimeout());
            }
        }
        return dev.metronome.core.Problems.describe(e);
    }

    /** When a 503 asks to come back later than is worth waiting for, that time. */
    private Optional<Instant> comeBackAt(Response response) {
        if (response.status() != 503) {
            return Optional.empty();
        }
        return response.longHeader("Retry-After").map(seconds -> Duration.ofSeconds(Math.max(0, seconds)))
                .filter(wait -> wait.compareTo(settings.maxRetryAfter()) > 0)
                .map(wait -> clock.instant().plus(wait));
    }

    private static MetronException orElse(MetronException unavailable, MetronException original) {
        return unavailable != null ? unavailable : original;
    }

    private static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
