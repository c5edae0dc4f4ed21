package dev.metronome.metron;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Retries what may be retried, and nothing else.
 * <ul>
 *   <li>429: waits {@code Retry-After} (or the burst Reset), then retries, at most {@code maxRateRetries} times; a
 *       wait longer than {@code maxRetryAfter} means the daily quota is spent, so it stops.</li>
 *   <li>5xx (GET only): exponential backoff from {@code backoffStart}, doubling, capped at {@code backoffCap}, at
 *       most {@code maxServerRetries} times; a 503 with {@code Retry-After} waits what it asks instead, and one
 *       asking for more than {@code maxRetryAfter} is returned at once.</li>
 *   <li>A refused or dropped connection (GET only): the same backoff, at most {@code maxNetworkRetries} times.</li>
 *   <li>A timeout (connect, or the whole-request deadline): never retried; waiting again would only double it.</li>
 *   <li>400, 403, 404: returned at once, never retried.</li>
 *   <li>401: fails, and every later request through this layer fails at once without being sent, because three
 *       401s in five minutes get the IP banned.</li>
 *   <li>A server that answered before and now fails {@value #BLOCKED_AFTER} times in a row at the network level
 *       (refused, dropped, timed out) looks banned: it fails with {@link MetronException.Kind#BLOCKED}, one line
 *       saying what to do, and every later request fails at once without being sent, instead of retrying.</li>
 * </ul>
 */
public final class RetryLayer implements Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLayer.class);

    private final MetronSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Exchange next;
    private final QuotaWait quotaWait;
    private volatile MetronException authFailure;
    private volatile MetronException blocked;
    private volatile boolean answered;

    /** Network failures in a row, after Metron answered before, that make it look banned. */
    static final int BLOCKED_AFTER = 3;

    /**
     * Creates the layer.
     *
     * @param settings the retry bounds
     * @param clock    the clock (to turn a Reset into a wait)
     * @param sleeper  how to wait
     * @param next     the next layer
     */
    public RetryLayer(MetronSettings settings, Clock clock, Sleeper sleeper, Exchange next) {
        this(settings, clock, sleeper, QuotaWait.STOP, next);
    }

    /**
     * Creates the layer.
     *
     * @param settings  the retry bounds
     * @param clock     the clock (to turn a Reset into a wait)
     * @param sleeper   how to wait
     * @param quotaWait what to do when a 429 says the daily quota is spent
     * @param next      the next layer
     */
    public RetryLayer(MetronSettings settings, Clock clock, Sleeper sleeper, QuotaWait quotaWait, Exchange next) {
        this.quotaWait = quotaWait;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.next = next;
    }

    @Override
    public Response send(Request request) throws IOException {
        MetronException stopped = authFailure;
        if (stopped != null) {
            throw new MetronException(MetronException.Kind.AUTH, 401, stopped.getMessage());
        }
        MetronException banned = blocked;
        if (banned != null) {
            throw new MetronException(MetronException.Kind.BLOCKED, 0, banned.getMessage());
        }
        int rateRetries = 0;
        int serverRetries = 0;
        int networkFailures = 0;
        Duration backoff = settings.backoffStart();
        while (true) {
            Response response;
            try {
                response = next.send(request);
            } catch (HttpTimeoutException e) {
                // a connect timeout or a missed deadline: retrying would only wait as long again
                throw new MetronException(MetronException.Kind.NETWORK, 0, "Metron at " + request.uri().getHost()
                        + " timed out (" + timeoutWords(e) + ").", e);
            } catch (IOException e) {
                networkFailures++;
                if (answered && networkFailures >= BLOCKED_AFTER) {
                    MetronException failure = new MetronException(MetronException.Kind.BLOCKED, 0,
                            "Metron answered before and now refuses or drops every connection (" + networkFailures
                                    + " times in a row): this address may be banned by Metron for 1 to 24 hours."
                                    + " Nothing more is sent in this run; do not retry now, run again in a few hours"
                                    + " (check https://metron.cloud in a browser first).", e);
                    blocked = failure;
                    throw failure;
                }
                if (!request.idempotent() || networkFailures > settings.maxNetworkRetries()
                        || Thread.currentThread().isInterrupted()) {
                    throw new MetronException(MetronException.Kind.NETWORK, 0, "Could not reach Metron at "
                            + request.uri().getHost() + " (" + dev.metronome.core.Problems.describe(e) + ").", e);
                }
                LOG.info("Network error on {} ({}); retry {} in {} ms", request, e.getMessage(), networkFailures,
                        backoff.toMillis());
                pause(backoff);
                backoff = doubled(backoff);
                continue;
            }
            answered = true;
            networkFailures = 0;
            int status = response.status();
            if (status == 401) {
                MetronException failure = new MetronException(MetronException.Kind.AUTH, 401,
                        "Metron rejected the credentials (401); check METRON_USER/METRON_PASS or METRON_TOKEN."
                                + " No further requests will be sent in this run.");
                authFailure = failure;
                throw failure;
            }
            if (status == 429) {
                Duration wait = retryAfter(response);
                if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                    // a Retry-After of hours: the daily quota is spent; stop, or wait for it and retry
                    quotaWait.spent(clock.instant().plus(wait));
                    rateRetries++;
                    continue;
                }
                if (rateRetries >= settings.maxRateRetries()) {
                    throw new MetronException(MetronException.Kind.RATE_LIMITED, 429,
                            "Metron kept throttling requests (429) after " + rateRetries + " retries.");
                }
                rateRetries++;
                LOG.info("Throttled on {}; retry {} in {} ms", request, rateRetries, wait.toMillis());
                pause(wait);
                continue;
            }
            if (status >= 500 && request.idempotent() && serverRetries < settings.maxServerRetries()) {
                // a 503 that says when to come back is taken at its word; one asking for more than
                // maxRetryAfter is returned at once (Availability gives up, saying when)
                Optional<Duration> asked = status == 503 ? response.longHeader("Retry-After")
                        .map(seconds -> Duration.ofSeconds(Math.max(0, seconds))) : Optional.empty();
                if (asked.isPresent() && asked.get().compareTo(settings.maxRetryAfter()) > 0) {
                    return response;
                }
                Duration wait = asked.orElse(backoff);
                serverRetries++;
                LOG.info("Metron answered {} to {}; retry {} in {} ms", status, request, serverRetries,
                        wait.toMillis());
                pause(wait);
                if (asked.isEmpty()) {
                    backoff = doubled(backoff);
                }
                continue;
            }
            return response;
        }
    }

    /** A timeout in words: which one, and how long it was. */
    private String timeoutWords(HttpTimeoutException e) {
        return e instanceof HttpConnectTimeoutException
                ? "no connection within " + seconds(settings.connectTimeout())
                : "no answer within " + seconds(settings.requestTimeout());
    }

    /** A duration as {@code 30 s} or {@code 0.5 s}. */
    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
    }

    private Duration doubled(Duration backoff) {
        Duration twice = backoff.multipliedBy(2);
        return twice.compareTo(settings.backoffCap()) > 0 ? settings.backoffCap() : twice;
    }

    private Duration retryAfter(Response response) {
        var seconds = response.longHeader("Retry-After");
        if (seconds.isPresent()) {
            return Duration.ofSeconds(Math.max(0, seconds.get()));
        }
        var reset = response.longHeader("X-RateLimit-Burst-Reset");
        if (reset.isPresent()) {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset.get()));
            return wait.isNegative() ? Duration.ofSeconds(1) : wait;
        }
        return Duration.ofSeconds(60);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetronException(MetronException.Kind.NETWORK, 0, "Interrupted while waiting to retry.", e);
        }
    }
}
