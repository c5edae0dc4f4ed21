package dev.metronome.cache;

import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.Sleeper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A Metron client wired to the persistent cache: conditional responses kept in the cache, and the rate limiter
 * shared (through the cache database) with every other process using the same cache folder.
 */
public final class MetronSession implements AutoCloseable {

    private final MetronCache cache;
    private final MetronClient client;

    private MetronSession(MetronCache cache, MetronClient client) {
        this.cache = cache;
        this.client = client;
    }

    /**
     * Opens the cache and builds the client.
     *
     * @param settings    where and how
     * @param credentials the account
     * @param cacheDir    the cache folder
     * @param clock       the clock
     * @param sleeper     how to wait
     * @return the session; close it to close the cache
     */
    public static MetronSession open(MetronSettings settings, MetronCredentials credentials, Path cacheDir,
                                     Clock clock, Sleeper sleeper) {
        MetronCache cache = MetronCache.open(cacheDir, clock);
        MetronClient client = MetronClient.builder().settings(settings).credentials(credentials).clock(clock)
                .sleeper(sleeper).responseStore(cache)
                .rateLimiter(new SharedRateLimiter(cache, credentials.accountKey(), settings, clock, sleeper))
                .build();
        return new MetronSession(cache, client);
    }

    /**
     * Opens a session from the environment: credentials from {@code METRON_TOKEN} or {@code METRON_USER}/
     * {@code METRON_PASS}, the URL from the option or {@code METRON_URL}, the cache folder from the option or
     * {@link CacheLocation}. Real clock and sleeper.
     *
     * @param metronUrl the {@code --metron-url} option, or null
     * @param cacheDir  the {@code --cache-dir} option, or null
     * @param env       the environment
     * @return the session
     * @throws MetronException when no credentials are set
     */
    public static MetronSession fromEnvironment(URI metronUrl, Path cacheDir, Map<String, String> env) {
        MetronSettings settings = MetronSettings.fromEnvironment(env);
        if (metronUrl != null) {
            settings = settings.withBaseUrl(metronUrl);
        }
        MetronCredentials credentials = MetronCredentials.fromEnvironment(env).orElseThrow(() ->
                new MetronException(MetronException.Kind.CONFIGURATION, 0,
                        "No Metron credentials: set METRON_TOKEN, or METRON_USER and METRON_PASS."));
        Path dir = CacheLocation.resolve(cacheDir, env, Path.of(System.getProperty("user.home")));
        return open(settings, credentials, dir, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** The client. */
    public MetronClient client() {
        return client;
    }

    /** The cache. */
    public MetronCache cache() {
        return cache;
    }

    @Override
    public void close() {
        cache.close();
    }
}
