package dev.metronome.komga;

import dev.metronome.spi.HostServices;
import dev.metronome.spi.PathMapping;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SettingSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The {@code komga} provider: connects to a Komga server by URL with an API key (or email and password). */
public final class KomgaProvider implements LibraryServerProvider {

    /** Komga's base URL, e.g. {@code http://localhost:25600}. */
    public static final SettingSpec URL = SettingSpec.required("url", "Komga's base URL, e.g. http://localhost:25600");
    /** An API key (Komga 1.20 and later). */
    public static final SettingSpec API_KEY = SettingSpec.secret("api-key", "An API key (Komga 1.20+): ADMIN for patch mode, FILE_DOWNLOAD without a path map");
    /** The email for Basic authentication. */
    public static final SettingSpec EMAIL = SettingSpec.optional("email", "The admin's email, for Basic authentication", null);
    /** The password for Basic authentication. */
    public static final SettingSpec PASSWORD = SettingSpec.secret("password", "The admin's password, for Basic authentication");
    /** Path mappings, {@code KOMGA_PATH=LOCAL_PATH}; repeatable. */
    public static final SettingSpec PATH_MAP = SettingSpec.optional("path-map",
            "Maps Komga's file paths to ours, KOMGA_PATH=LOCAL_PATH (repeatable)", null);
    /** Whether file mode may convert CBR/CB7 to CBZ (this changes the book's id in Komga). */
    public static final SettingSpec CONVERT = SettingSpec.optional("convert-to-cbz",
            "In file mode, convert CBR/CB7 to CBZ (Komga then gives the book a new id)", "false");
    /** Whether fields the user locked in Komga may be overwritten. */
    public static final SettingSpec OVERRIDE_LOCKS = SettingSpec.optional("override-locks",
            "Overwrite fields the user locked in Komga (by default they are left alone)", "false");
    /** Whether characters and teams are sent as tags. */
    public static final SettingSpec CHARACTERS_AS_TAGS = SettingSpec.optional("characters-as-tags",
            "Send the issue's characters and teams as Komga tags (Komga has no field for them)", "true");
    /** The least time between two full walks over the library. */
    public static final SettingSpec FULL_CATCH_UP_MINUTES = SettingSpec.optional("full-catch-up-minutes",
            "The least time between two full walks over the library; other catch-ups ask only for changed books",
            "360");
    /** How long to wait for Komga to import a converted book. */
    public static final SettingSpec IMPORT_WAIT_MS = SettingSpec.optional("import-wait-ms",
            "How long to wait for Komga to import a converted book, in milliseconds", "30000");
    /** How long a series waits after its last tagged book before it is patched. */
    public static final SettingSpec SERIES_QUIET_MS = SettingSpec.optional("series-patch-delay-ms",
            "How long a series waits after its last tagged book before it is patched once, in milliseconds", "2000");
    /** The event stream's first reconnect wait, in milliseconds. */
    public static final SettingSpec BACKOFF_MS = SettingSpec.optional("reconnect-backoff-ms",
            "First wait before reconnecting the event stream, in milliseconds", "1000");
    /** The silence after which the event stream counts as dead, in milliseconds. */
    public static final SettingSpec HEARTBEAT_TIMEOUT_MS = SettingSpec.optional("heartbeat-timeout-ms",
            "Silence after which the event stream reconnects, in milliseconds", "45000");
    /** The longest book events wait for Komga's task queue to empty, in milliseconds. */
    public static final SettingSpec BUFFER_MS = SettingSpec.optional("event-buffer-ms",
            "The longest book events wait for Komga's task queue to empty, in milliseconds", "30000");

    @Override
    public String id() {
        return "komga";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(URL, API_KEY, EMAIL, PASSWORD, PATH_MAP, CONVERT, OVERRIDE_LOCKS, CHARACTERS_AS_TAGS,
                FULL_CATCH_UP_MINUTES, IMPORT_WAIT_MS, SERIES_QUIET_MS, BACKOFF_MS, HEARTBEAT_TIMEOUT_MS, BUFFER_MS);
    }

    @Override
    public LibraryServer connect(ServerSettings settings, HostServices host) throws ServerException {
        return connect(settings, host, java.time.Clock.systemUTC());
    }

    /**
     * Connects with a clock of the caller's choice (tests advance it to pass the full-walk limit).
     *
     * @param settings the settings
     * @param host     the host's services
     * @param clock    the clock
     * @return the connected server
     * @throws ServerException when the settings are bad or Komga refuses
     */
    public LibraryServer connect(ServerSettings settings, HostServices host, java.time.Clock clock) throws ServerException {
        URI url;
        try {
            url = URI.create(settings.require(URL.name()));
            if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getUserInfo() != null) {
                throw new IllegalArgumentException("bad scheme or credentials in URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ServerException("The Komga url must be http(s)://host:port without credentials.");
        }
        KomgaCredentials credentials = new KomgaCredentials(settings.get(API_KEY.name()).orElse(null),
                settings.get(EMAIL.name()).orElse(null), settings.get(PASSWORD.name()).orElse(null));
        PathMapping paths;
        try {
            paths = PathMapping.parse(settings.getAll(PATH_MAP.name()));
        } catch (IllegalArgumentException e) {
            throw new ServerException(e.getMessage());
        }
        long backoff = millis(settings, BACKOFF_MS);
        KomgaEventStream.Timing timing = new KomgaEventStream.Timing(Duration.ofMillis(backoff),
                Duration.ofMillis(Math.max(backoff, 60_000)), Duration.ofMillis(millis(settings, HEARTBEAT_TIMEOUT_MS)),
                Duration.ofMillis(millis(settings, BUFFER_MS)));
        KomgaServer.Options options = new KomgaServer.Options(Boolean.parseBoolean(settings.get(CONVERT).orElse("false")),
                Boolean.parseBoolean(settings.get(OVERRIDE_LOCKS).orElse("false")),
                Boolean.parseBoolean(settings.get(CHARACTERS_AS_TAGS).orElse("true")),
                Duration.ofMinutes(millis(settings, FULL_CATCH_UP_MINUTES)), Duration.ofMillis(millis(settings, IMPORT_WAIT_MS)),
                Duration.ofMillis(millis(settings, SERIES_QUIET_MS)), clock);
        KomgaClient client = new KomgaClient(url, credentials);
        client.connect();
        if (settings.getAll(PATH_MAP.name()).isEmpty() && !client.roles().contains("FILE_DOWNLOAD")) {
            throw new ServerException("Komga at " + url + ": the account " + client.email() + " lacks the FILE_DOWNLOAD"
                    + " role, needed to read books when no path map is given.");
        }
        return new KomgaServer(client, host, paths, options, timing);
    }

    private static long millis(ServerSettings settings, SettingSpec spec) throws ServerException {
        String v = settings.get(spec).orElseThrow();
        try {
            long ms = Long.parseLong(v);
            if (ms < 1) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new ServerException("The setting '" + spec.name() + "' must be a positive number, got '"
                    + v + "'.");
        }
    }
}
