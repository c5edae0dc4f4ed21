package dev.metronome.cli;

import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.Scrobbler;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metronome serve kavita}: tags the chapters of a Kavita server (0.8.4 or later). */
@Command(name = "kavita", mixinStandardHelpOptions = true,
        description = {"Tags the chapters of a Kavita server (0.8.4 or later): catches up on chapters without a Metron"
                + " link, then polls Kavita for new ones.", "The API key (an admin user's) is read from --api-key,"
                + " $KAVITA_API_KEY or kavita.api-key in the config file; the URL from --url or kavita.url."},
        footer = {"", "Examples:", "  KAVITA_API_KEY=... metronome serve kavita --url http://localhost:5000",
                "  metronome serve kavita --url http://kavita:5000 --mode file --path-map /comics=/mnt/comics"})
final class ServeKavita extends ServeCommand.Server {

    static final String KEY_URL = "kavita.url";
    static final String KEY_API_KEY = "kavita.api-key";

    @Option(names = "--url", paramLabel = "URL", description = "Kavita's base URL, with its base path if any (default: kavita.url).")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY", description = "An admin user's API key (default: $KAVITA_API_KEY, then kavita.api-key).")
    String apiKey;

    @Option(names = "--mode", paramLabel = "MODE", description = "patch (Kavita's API with locks, default) or file (ComicInfo.xml, then a series scan).")
    ApplyMode mode = ApplyMode.PATCH;

    @Option(names = "--library", paramLabel = "NAME", description = "Only these libraries (repeatable).")
    List<String> libraries = new ArrayList<>();

    @Option(names = "--file-library", paramLabel = "NAME", description = "Libraries tagged in file mode when --mode is patch (repeatable).")
    List<String> fileLibraries = new ArrayList<>();

    @Option(names = "--path-map", paramLabel = "KAVITA=LOCAL", description = "Maps Kavita's paths to ours (repeatable).")
    List<String> pathMaps = new ArrayList<>();

    @Option(names = "--poll-ms", paramLabel = "MS", description = "How often Kavita is asked for new chapters (default: 30000).")
    long pollMs = 30_000;

    @Option(names = "--scrobble", description = "Mark chapters the API key's user reads in Kavita as read in your Metron collection.")
    boolean scrobbleReads;

    @Option(names = "--scrobble-user", paramLabel = "KAVITA_USER=METRON_ACCOUNT", description = {"Also mark chapters"
            + " this Kavita user reads as read in this Metron account's collection (repeatable; config file:"
            + " kavita.scrobble-user.KAVITA_USER=METRON_ACCOUNT). The account's credentials come from"
            + " $METRON_PASS_<ACCOUNT> or $METRON_TOKEN_<ACCOUNT> (or metron.password.<account> in the config file).",
            "Other users' progress is read with the admin key, a few chapters per poll; by default only the key's own"
                    + " user is scrobbled (--scrobble)."})
    List<String> scrobbleUserOptions = new ArrayList<>();

    private Map<String, String> scrobbleUsers;

    @Override
    String providerId() {
        return "kavita";
    }

    @Override
    String serverKeySuffix() {
        return effectiveUrl();
    }

    @Override
    boolean scrobble() {
        return scrobbleReads;
    }

    @Override
    Map<String, String> scrobbleUsers() {
        if (scrobbleUsers == null) {
            scrobbleUsers = ScrobbleAccounts.mappings(scrobbleUserOptions, configFile());
        }
        return scrobbleUsers;
    }

    private String effectiveUrl() {
        String u = url != null ? url : configFile().getProperty(KEY_URL);
        if (u == null || u.isBlank()) {
            throw new UserError(ExitCode.CONFIGURATION, "give Kavita's URL (--url, or kavita.url in the config file)");
        }
        return u.strip();
    }

    @Override
    ServerSettings serverSettings() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("url", List.of(effectiveUrl()));
        String key = apiKey != null ? apiKey : env.get("KAVITA_API_KEY");
        if (key == null || key.isBlank()) {
            key = configFile().getProperty(KEY_API_KEY);
        }
        if (key == null || key.isBlank()) {
            throw new UserError(ExitCode.CONFIGURATION,
                    "give Kavita's API key (--api-key, $KAVITA_API_KEY, or kavita.api-key in the config file)");
        }
        values.put("api-key", List.of(key.strip()));
        if (!pathMaps.isEmpty()) {
            values.put("path-map", pathMaps);
        }
        values.put("poll-ms", List.of(String.valueOf(pollMs)));
        values.put("poll-reads", List.of(String.valueOf(scrobbleReads)));
        if (!scrobbleUsers().isEmpty()) {
            values.put("read-users", List.copyOf(scrobbleUsers().keySet()));
        }
        return ServerSettings.ofMulti(values);
    }

    @Override
    SyncOptions syncOptions(LibraryServer server, String serverKey, Scrobbler scrobbler) throws ServerException {
        return serverSyncOptions(server, serverKey, mode, libraries, fileLibraries, scrobbler);
    }
}
