package dev.metronome.metron;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How the client talks to Metron: where, as whom (User-Agent), and within which budgets.
 *
 * @param baseUrl            the API root, ending with {@code /}
 * @param userAgent          the User-Agent sent on every request
 * @param burstBudget        requests allowed per burst window before the server has told us its limits
 * @param burstWindow        the burst window length
 * @param dailyBudget        requests allowed per sustained window before the server has told us its limits
 * @param dailyWindow        the sustained window length
 * @param maxRateRetries     how many times one request is retried after a 429
 * @param maxRetryAfter      the longest Retry-After worth waiting for; longer means the daily quota is spent
 * @param maxServerRetries   how many times one request is retried after a 5xx
 * @param backoffStart       the first backoff after a 5xx or network error (then doubling)
 * @param backoffCap         the longest backoff
 * @param connectTimeout     the TCP/TLS connect timeout
 * @param requestTimeout     the whole-request deadline: headers and body within it; a timeout is not retried
 * @param maxNetworkRetries  how many times one request is retried after a refused or dropped connection
 */
public record MetronSettings(URI baseUrl, String userAgent, int burstBudget, Duration burstWindow, int dailyBudget,
                             Duration dailyWindow, int maxRateRetries, Duration maxRetryAfter, int maxServerRetries,
                             Duration backoffStart, Duration backoffCap, Duration connectTimeout,
                             Duration requestTimeout, int maxNetworkRetries) {

    /** The public Metron API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://metron.cloud/api/");
    /** Environment variable overriding the base URL. */
    public static final String ENV_URL = "METRON_URL";

    /** Validates; adds the trailing slash Metron paths need. */
    public MetronSettings {
        String url = baseUrl.toString();
        if (!url.endsWith("/")) {
            baseUrl = URI.create(url + "/");
        }
        if (baseUrl.getUserInfo() != null) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                    "The Metron URL must not contain credentials; use METRON_USER/METRON_PASS or METRON_TOKEN.");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || backoffStart.isNegative()) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                    "Metron timeouts must be positive and the retry backoff must not be negative.");
        }
        if (burstBudget < 1 || dailyBudget < 1) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0, "Metron budgets must be at least 1.");
        }
    }

    /**
     * The defaults: metron.cloud, 20 a minute, 5,000 a day, 3 retries on 429, 3 on 5xx (after 1, 2 and 4 s), 2 on a
     * refused or dropped connection, a 5 s connect timeout and a 30 s whole-request deadline.
     */
    public static MetronSettings defaults() {
        return new MetronSettings(DEFAULT_BASE_URL, defaultUserAgent(), 20, Duration.ofMinutes(1), 5000,
                Duration.ofDays(1), 3, Duration.ofSeconds(65), 3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 2);
    }

    /** The defaults, with the base URL from {@code METRON_URL} when set. */
    public static MetronSettings fromEnvironment(Map<String, String> env) {
        MetronSettings settings = defaults();
        String url = env.get(ENV_URL);
        return url == null || url.isBlank() ? settings : settings.withBaseUrl(URI.create(url.trim()));
    }

    /** A copy with another base URL. */
    public MetronSettings withBaseUrl(URI url) {
        return new MetronSettings(url, userAgent, burstBudget, burstWindow, dailyBudget, dailyWindow,
                maxRateRetries, maxRetryAfter, maxServerRetries, backoffStart, backoffCap, connectTimeout,
                requestTimeout, maxNetworkRetries);
    }

    /** A copy with other local budgets. */
    public MetronSettings withBudgets(int burst, Duration burstLength, int daily, Duration dailyLength) {
        return new MetronSettings(baseUrl, userAgent, burst, burstLength, daily, dailyLength, maxRateRetries,
                maxRetryAfter, maxServerRetries, backoffStart, backoffCap, connectTimeout, requestTimeout,
                maxNetworkRetries);
    }

    /** A copy with other retry bounds. */
    public MetronSettings withRetries(int rateRetries, int serverRetries) {
        return new MetronSettings(baseUrl, userAgent, burstBudget, burstWindow, dailyBudget, dailyWindow,
                rateRetries, maxRetryAfter, serverRetries, backoffStart, backoffCap, connectTimeout, requestTimeout,
                maxNetworkRetries);
    }

    /** A copy with another bound on retries after a refused or dropped connection. */
    public MetronSettings withNetworkRetries(int networkRetries) {
        return new MetronSettings(baseUrl, userAgent, burstBudget, burstWindow, dailyBudget, dailyWindow,
                maxRateRetries, maxRetryAfter, maxServerRetries, backoffStart, backoffCap, connectTimeout,
                requestTimeout, networkRetries);
    }

    /** A copy with other timeouts (config keys {@code metron.connect-timeout} and {@code metron.timeout}). */
    public MetronSettings withTimeouts(Duration connect, Duration request) {
        return new MetronSettings(baseUrl, userAgent, burstBudget, burstWindow, dailyBudget, dailyWindow,
                maxRateRetries, maxRetryAfter, maxServerRetries, backoffStart, backoffCap, connect, request,
                maxNetworkRetries);
    }

    /** A copy with another first backoff after a 5xx or network error (config key {@code metron.retry-backoff}). */
    public MetronSettings withBackoffStart(Duration start) {
        return new MetronSettings(baseUrl, userAgent, burstBudget, burstWindow, dailyBudget, dailyWindow,
                maxRateRetries, maxRetryAfter, maxServerRetries, start, backoffCap, connectTimeout, requestTimeout,
                maxNetworkRetries);
    }

    /** {@code Metronome/<version> (<os>; Java <version>)}: stable and distinctive, as Metron asks. */
    public static String defaultUserAgent() {
        return "Metronome/" + version() + " (" + System.getProperty("os.name", "unknown") + "; Java "
                + Runtime.version().feature() + ")";
    }

    /** The project version Maven filtered into {@code version.properties}, or {@code dev}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = MetronSettings.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String version = properties.getProperty("version", "dev");
        return version.startsWith("${") ? "dev" : version;
    }
}
