package dev.metronome.kavita;

import dev.metronome.spi.HostServices;
import dev.metronome.spi.PathMapping;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SettingSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The {@code kavita} provider: connects to a Kavita server (0.8.4 or later) by URL with a user's API key. */
public final class KavitaProvider implements LibraryServerProvider {

    /** Kavita's base URL, with its base path if one is configured. */
    public static final SettingSpec URL = SettingSpec.required("url", "Kavita's base URL, e.g. http://localhost:5000");
    /** An admin user's API key. */
    public static final SettingSpec API_KEY = SettingSpec.secret("api-key", "The API key of an admin user (Kavita: user settings)");
    /** Path mappings, {@code KAVITA_PATH=LOCAL_PATH}; repeatable. */
    public static final SettingSpec PATH_MAP = SettingSpec.optional("path-map",
            "Maps Kavita's file paths to ours, KAVITA_PATH=LOCAL_PATH (repeatable)", null);
    /** How often new chapters (and reads) are polled. */
    public static final SettingSpec POLL_MS = SettingSpec.optional("poll-ms",
            "How often Kavita is asked for new chapters, in milliseconds", "30000");
    /** Whether reads are polled, for scrobbling. */
    public static final SettingSpec POLL_READS = SettingSpec.optional("poll-reads",
            "Also poll the API key's user's reads (for scrobbling)", "false");
    /** Other Kavita users whose finished reads are reported too (repeatable), read with the admin key. */
    public static final SettingSpec READ_USERS = SettingSpec.optional("read-users",
            "Other Kavita users whose finished reads are reported for scrobbling (repeatable; the key must be an"
                    + " admin's, which sees every user's progress)", null);
    /** The most writes per minute. */
    public static final SettingSpec WRITES_PER_MINUTE = SettingSpec.optional("max-writes-per-minute",
            "The most metadata writes and scans per minute sent to Kavita", "120");

    @Override
    public String id() {
        return "kavita";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(URL, API_KEY, PATH_MAP, POLL_MS, POLL_READS, READ_USERS, WRITES_PER_MINUTE);
    }

    @Override
    public LibraryServer connect(ServerSettings settings, HostServices host) throws ServerException {
        return connect(settings, host, Clock.systemUTC());
    }

    LibraryServer connect(ServerSettings settings, HostServices host, Clock clock) throws ServerException {
        URI url;
        try {
            url = URI.create(settings.require(URL.name()));
            if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getUserInfo() != null
                    || url.getQuery() != null) {
                throw new IllegalArgumentException("bad URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ServerException("The Kavita url must be http(s)://host:port[/base-path] without credentials.");
        }
        String key = settings.get(API_KEY.name()).orElseThrow(() ->
                new ServerException("Kavita needs an admin user's API key (setting 'api-key', or $KAVITA_API_KEY)."));
        PathMapping paths;
        try {
            paths = PathMapping.parse(settings.getAll(PATH_MAP.name()), "KAVITA");
        } catch (IllegalArgumentException e) {
            throw new ServerException(e.getMessage());
        }
        long poll = positive(settings, POLL_MS);
        int writes = (int) Math.min(Integer.MAX_VALUE, positive(settings, WRITES_PER_MINUTE));
        KavitaClient client = new KavitaClient(url, key, clock, writes);
        client.connect();
        return new KavitaServer(client, host, paths, Duration.ofMillis(poll),
                Boolean.parseBoolean(settings.get(POLL_READS).orElse("false")),
                new java.util.LinkedHashSet<>(settings.getAll(READ_USERS.name())));
    }

    private static long positive(ServerSettings settings, SettingSpec spec) throws ServerException {
        String v = settings.get(spec).orElseThrow();
        try {
            long n = Long.parseLong(v.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServerException("The setting '" + spec.name() + "' must be a positive number, got '" + v + "'.");
        }
    }
}
