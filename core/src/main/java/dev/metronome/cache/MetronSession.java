package dev.metronome.cache;

import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.Sleeper;

import java.nio.file.Path;
import java.time.Clock;

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
