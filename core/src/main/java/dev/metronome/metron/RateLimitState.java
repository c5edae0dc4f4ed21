package dev.metronome.metron;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The state of one account's limiter, kept separate from how it is shared (in memory, or in the cache database for
 * several processes). It serializes to JSON.
 *
 * <p>Rules: while the server has told us a window's state, the headers decide: Remaining above 0 means go, Remaining
 * 0 means wait until that window's Reset. Before the first response, and again once a Reset has passed (the window
 * then frees at least one slot, but how many is unknown until the next response), the local budget decides: at most
 * {@code burstBudget} sends per {@code burstWindow} and {@code dailyBudget} per {@code dailyWindow}.
 *
 * <p>Requests still in flight are subtracted from what a response says is left, because the server may not have
 * counted them yet when it answered; so concurrent senders never overspend a window.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RateLimitState {

    /** Added to a header Reset, which has one-second resolution. */
    static final Duration RESET_MARGIN = Duration.ofMillis(100);

    private Window burst = new Window();
    private Window sustained = new Window();
    /** Epoch millis of the most recent sends (at most burstBudget kept). */
    private Deque<Long> recentSends = new ArrayDeque<>();
    private long dailyStartMillis;
    private int dailyCount;
    /** Epoch millis of requests sent whose response has not come back yet (any thread or process). */
    private Deque<Long> pending = new ArrayDeque<>();

    /** A request older than this is no longer counted as in flight (its sender may have died). */
    static final Duration PENDING_EXPIRY = Duration.ofMinutes(2);

    /** What the server told us about one window. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Window {
        Integer limit;
        Integer remaining;
        Long resetEpochSecond;

        boolean known() {
            return remaining != null && resetEpochSecond != null;
        }

        void forget() {
            remaining = null;
            resetEpochSecond = null;
        }

        Duration waitFor(Instant now) {
            if (remaining > 0) {
                return Duration.ZERO;
            }
            Instant reset = Instant.ofEpochSecond(resetEpochSecond).plus(RESET_MARGIN);
            return now.isBefore(reset) ? Duration.between(now, reset) : null;
        }
    }

    /**
     * How long to wait before the next send may go; zero means now.
     *
     * @param now      the current time
     * @param settings the local budgets
     * @return the wait
     */
    public Duration waitBefore(Instant now, MetronSettings settings) {
        Duration burstWait = headerWait(burst, now);
        if (burstWait == null) {
            burstWait = localBurstWait(now, settings);
        }
        Duration sustainedWait = headerWait(sustained, now);
        if (sustainedWait == null) {
            sustainedWait = localDailyWait(now, settings);
        }
        return burstWait.compareTo(sustainedWait) >= 0 ? burstWait : sustainedWait;
    }

    /** The wait the headers impose, or null when the headers say nothing (unknown, or Reset passed). */
    private static Duration headerWait(Window window, Instant now) {
        if (!window.known()) {
            return null;
        }
        Duration wait = window.waitFor(now);
        if (wait == null) {
            window.forget();
        }
        return wait;
    }

    private Duration localBurstWait(Instant now, MetronSettings settings) {
        long cutoff = now.toEpochMilli() - settings.burstWindow().toMillis();
        while (!recentSends.isEmpty() && recentSends.peekFirst() <= cutoff) {
            recentSends.pollFirst();
        }
        if (recentSends.size() < settings.burstBudget()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(recentSends.peekFirst() + settings.burstWindow().toMillis() + 1
                - now.toEpochMilli());
    }

    private Duration localDailyWait(Instant now, MetronSettings settings) {
        long window = settings.dailyWindow().toMillis();
        if (now.toEpochMilli() - dailyStartMillis >= window) {
            dailyStartMillis = now.toEpochMilli();
            dailyCount = 0;
        }
        if (dailyCount < settings.dailyBudget()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(dailyStartMillis + window - now.toEpochMilli());
    }

    /**
     * Records that one request is being sent now.
     *
     * @param now      the current time
     * @param settings the local budgets
     */
    public void reserve(Instant now, MetronSettings settings) {
        recentSends.addLast(now.toEpochMilli());
        pending.addLast(now.toEpochMilli());
        while (recentSends.size() > settings.burstBudget()) {
            recentSends.pollFirst();
        }
        if (now.toEpochMilli() - dailyStartMillis >= settings.dailyWindow().toMillis()) {
            dailyStartMillis = now.toEpochMilli();
            dailyCount = 0;
        }
        dailyCount++;
        for (Window window : new Window[] {burst, sustained}) {
            if (window.known()) {
                window.remaining = Math.max(0, window.remaining - 1);
            }
        }
    }

    /**
     * Learns the six {@code X-RateLimit-*} headers of a response, and that its request is no longer in flight.
     *
     * @param response the response
     * @param now      the current time
     */
    public void update(Response response, Instant now) {
        settle(now);
        learn(burst, response, "Burst", pending.size());
        learn(sustained, response, "Sustained", pending.size());
    }

    /**
     * Records that a request got no response (a network error), so it is no longer in flight.
     *
     * @param now the current time
     */
    public void abandon(Instant now) {
        settle(now);
    }

    /** One in-flight request has ended; forgets in-flight requests too old to still matter. */
    private void settle(Instant now) {
        pending.pollFirst();
        long cutoff = now.toEpochMilli() - PENDING_EXPIRY.toMillis();
        while (!pending.isEmpty() && pending.peekFirst() < cutoff) {
            pending.pollFirst();
        }
    }

    private static void learn(Window window, Response response, String name, int stillInFlight) {
        var limit = response.longHeader("X-RateLimit-" + name + "-Limit");
        var remaining = response.longHeader("X-RateLimit-" + name + "-Remaining");
        var reset = response.longHeader("X-RateLimit-" + name + "-Reset");
        if (remaining.isPresent() && reset.isPresent()) {
            int left = Math.max(0, remaining.get().intValue() - stillInFlight);
            if (window.known() && reset.get() < window.resetEpochSecond) {
                return; // a late answer from a window that has already ended
            }
            if (window.known() && reset.get().equals(window.resetEpochSecond)) {
                // responses may come back out of order: within one window what is left only ever goes down, so an
                // answer the server gave before others must not raise it again
                left = Math.min(left, window.remaining);
            }
            window.limit = limit.map(Long::intValue).orElse(window.limit);
            window.remaining = left;
            window.resetEpochSecond = reset.get();
        }
    }

    /** What the server last said is left in the burst window, or null when unknown. */
    public Integer burstRemaining() {
        return burst.remaining;
    }

    /** What the server last said is left in the sustained window, or null when unknown. */
    public Integer sustainedRemaining() {
        return sustained.remaining;
    }
}
