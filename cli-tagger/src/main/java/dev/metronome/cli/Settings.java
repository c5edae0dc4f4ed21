package dev.metronome.cli;

import dev.metronome.cache.CacheLocation;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The effective settings of a run. Precedence: command-line options, then environment variables, then the config
 * file ({@code $XDG_CONFIG_HOME/metronome/config.properties} or {@code ~/.config/metronome/config.properties}),
 * then defaults. Secrets are only ever shown masked.
 */
final class Settings {

    static final String FILE_NAME = "config.properties";
    static final String KEY_USER = "metron.user";
    static final String KEY_PASSWORD = "metron.password";
    static final String KEY_TOKEN = "metron.token";
    static final String KEY_URL = "metron.url";
    /** Seconds to wait for a connection to Metron (default 5; {@code 0.5} and {@code 500ms} are fine too). */
    static final String KEY_CONNECT_TIMEOUT = "metron.connect-timeout";
    /** Seconds a whole request may take, headers and body (default 30); a timeout is not retried. */
    static final String KEY_TIMEOUT = "metron.timeout";
    /** Seconds before the first retry after a 5xx or a dropped connection, doubling after (default 1). */
    static final String KEY_RETRY_BACKOFF = "metron.retry-backoff";
    static final String KEY_CACHE_DIR = "cache.dir";
    static final String KEY_JOBS = "jobs";
    /** {@code follow} (write through a symlinked archive to its target) or {@code refuse} (one line, unchanged). */
    static final String KEY_SYMLINKS = "write.symlinks";
    static final String KEY_WAIT_FOR_QUOTA = "wait.for.quota";
    /** {@code true}: write ComicInfo.xml that validates against the stable v2.0 schema (no GTIN...). */
    static final String KEY_STRICT_COMICINFO = "comicinfo.strict";
    static final String KEY_JOURNAL_DIR = "organize.journal-dir";
    static final String KEY_TEMPLATE = "organize.template";
    static final String KEY_SIDECARS = "organize.sidecars";
    static final String KEY_SERVER_LIBRARIES = "organize.server-libraries";
    static final String KEY_FOLDER_ORGANIZE = "serve.folder.organize";

    /** One setting's value and where it came from. */
    record Value(String value, String source, boolean secret) {
        String shown() {
            if (value == null) {
                return "(not set)";
            }
            return (secret ? mask(value) : value) + "  [" + source + "]";
        }
    }

    private final Path configFile;
    private final Map<String, Value> values;
    private final List<String> warnings;

    private Settings(Path configFile, Map<String, Value> values, List<String> warnings) {
        this.configFile = configFile;
        this.values = values;
        this.warnings = warnings;
    }

    /**
     * Loads the settings.
     *
     * @throws UserError (exit code 3) when the config file cannot be read or holds a bad value
     */
    static Settings load(GlobalOptions options, Map<String, String> env, Path home) {
        Path file = options.config() != null ? options.config() : defaultConfigFile(env, home);
        Properties fromFile = new Properties();
        List<String> warnings = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                fromFile.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError(ExitCode.CONFIGURATION, "cannot read the config file " + file + ": " + ErrorHandler.message(e));
            }
            warnIfReadableByOthers(file, fromFile, warnings);
        } else if (options.config() != null) {
            throw new UserError(ExitCode.CONFIGURATION, "the config file " + file + " does not exist (metronome config init creates it)");
        }
        Map<String, Value> values = new LinkedHashMap<>();
        values.put(KEY_URL, pick(options.metronUrl(), "--metron-url", env, MetronSettings.ENV_URL, fromFile, KEY_URL,
                MetronSettings.DEFAULT_BASE_URL.toString(), false));
        MetronSettings defaults = MetronSettings.defaults();
        values.put(KEY_CONNECT_TIMEOUT, pick(null, null, Map.of(), null, fromFile, KEY_CONNECT_TIMEOUT,
                seconds(defaults.connectTimeout()), false));
        values.put(KEY_TIMEOUT, pick(null, null, Map.of(), null, fromFile, KEY_TIMEOUT,
                seconds(defaults.requestTimeout()), false));
        values.put(KEY_RETRY_BACKOFF, pick(null, null, Map.of(), null, fromFile, KEY_RETRY_BACKOFF,
                seconds(defaults.backoffStart()), false));
        values.put(KEY_USER, pick(null, null, env, MetronCredentials.ENV_USER, fromFile, KEY_USER, null, false));
        values.put(KEY_PASSWORD, pick(null, null, env, MetronCredentials.ENV_PASS, fromFile, KEY_PASSWORD, null, true));
        values.put(KEY_TOKEN, pick(null, null, env, MetronCredentials.ENV_TOKEN, fromFile, KEY_TOKEN, null, true));
        String defaultCache = CacheLocation.resolve(null, Map.of(), home).toString();
        Map<String, String> cacheEnv = new LinkedHashMap<>();
        if (env.get("XDG_CACHE_HOME") != null) {
            cacheEnv.put("XDG_CACHE_HOME", env.get("XDG_CACHE_HOME"));
            defaultCache = CacheLocation.resolve(null, cacheEnv, home).toString();
        }
        values.put(KEY_CACHE_DIR, pick(options.cacheDir() == null ? null : options.cacheDir().toString(), "--cache-dir",
                env, CacheLocation.ENV_CACHE_DIR, fromFile, KEY_CACHE_DIR, defaultCache, false));
        values.put(KEY_JOBS, pick(options.jobsOption() == null ? null : options.jobsOption().toString(), "--jobs",
                Map.of(), null, fromFile, KEY_JOBS, String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())), false));
        values.put(KEY_SYMLINKS, pick(null, null, Map.of(), null, fromFile, KEY_SYMLINKS, "follow", false));
        values.put(KEY_WAIT_FOR_QUOTA, pick(null, null, Map.of(), null, fromFile, KEY_WAIT_FOR_QUOTA, "false", false));
        values.put(KEY_STRICT_COMICINFO, pick(null, null, Map.of(), null, fromFile, KEY_STRICT_COMICINFO, "false", false));
        OrganizeSettings.pick(values, env, home, fromFile);
        Settings settings = new Settings(file, values, warnings);
        settings.validate();
        return settings;
    }

    static Value pick(String option, String optionName, Map<String, String> env, String envName,
                              Properties file, String key, String fallback, boolean secret) {
        if (option != null && !option.isBlank()) {
            return new Value(option.strip(), optionName, secret);
        }
        if (envName != null && env.get(envName) != null && !env.get(envName).isBlank()) {
            return new Value(env.get(envName).strip(), "$" + envName, secret);
        }
        String fromFile = file.getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) {
            return new Value(fromFile.strip(), "config file", secret);
        }
        return new Value(fallback, "default", secret);
    }

    private void validate() {
        try {
            URI url = URI.create(get(KEY_URL));
            if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException("credentials do not belong in the URL; use METRON_USER/METRON_PASS");
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.CONFIGURATION, "bad Metron URL (" + values.get(KEY_URL).source() + "): "
                    + ErrorHandler.message(e));
        }
        for (String key : List.of(KEY_CONNECT_TIMEOUT, KEY_TIMEOUT, KEY_RETRY_BACKOFF)) {
            Duration value = duration(key);
            if (value == null || value.isNegative() || (value.isZero() && !key.equals(KEY_RETRY_BACKOFF))) {
                throw new UserError(ExitCode.CONFIGURATION, "bad " + key + " value (" + values.get(key).source()
                        + "): '" + get(key) + "', expected seconds such as 5, 0.5 or 500ms");
            }
        }
        try {
            if (Integer.parseInt(get(KEY_JOBS)) < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.CONFIGURATION, "bad jobs value (" + values.get(KEY_JOBS).source()
                    + "): a positive number is needed");
        }
        if (!List.of("follow", "refuse").contains(get(KEY_SYMLINKS))) {
            throw new UserError(ExitCode.CONFIGURATION, "bad " + KEY_SYMLINKS + " value (" + values.get(KEY_SYMLINKS).source()
                    + "): '" + get(KEY_SYMLINKS) + "', expected follow or refuse");
        }
        if (!get(KEY_WAIT_FOR_QUOTA).equalsIgnoreCase("true") && !get(KEY_WAIT_FOR_QUOTA).equalsIgnoreCase("false")) {
            throw new UserError(ExitCode.CONFIGURATION, "bad " + KEY_WAIT_FOR_QUOTA + " value ("
                    + values.get(KEY_WAIT_FOR_QUOTA).source() + "): true or false is needed");
        }
        String strict = get(KEY_STRICT_COMICINFO);
        if (!strict.equalsIgnoreCase("true") && !strict.equalsIgnoreCase("false")) {
            throw new UserError(ExitCode.CONFIGURATION, "bad " + KEY_STRICT_COMICINFO + " value ("
                    + values.get(KEY_STRICT_COMICINFO).source() + "): true or false");
        }
        boolean hasUser = get(KEY_USER) != null;
        boolean hasPassword = get(KEY_PASSWORD) != null;
        if (hasUser != hasPassword && get(KEY_TOKEN) == null) {
            throw new UserError(ExitCode.CONFIGURATION, hasUser
                    ? "METRON_USER is set but METRON_PASS is not" : "METRON_PASS is set but METRON_USER is not");
        }
    }

    private static void warnIfReadableByOthers(Path file, Properties properties, List<String> warnings) {
        if (properties.getProperty(KEY_PASSWORD) == null && properties.getProperty(KEY_TOKEN) == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.add("the config file " + file + " holds a secret but others can read it: chmod 600 " + file);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    /** The default config file: {@code $XDG_CONFIG_HOME/metronome/config.properties} or {@code ~/.config/...}. */
    static Path defaultConfigFile(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path folder = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return folder.resolve("metronome").resolve(FILE_NAME);
    }

    String get(String key) {
        Value value = values.get(key);
        return value == null ? null : value.value();
    }

    /** The config file consulted (it may not exist). */
    Path configFile() {
        return configFile;
    }

    /** Every setting with its source, for {@code config show}. */
    Map<String, Value> values() {
        return values;
    }

    /** Problems worth a warning line (a world-readable secret). */
    List<String> warnings() {
        return warnings;
    }

    /** The Metron client settings: the base URL, the timeouts and backoff, and the default budgets. */
    MetronSettings metronSettings(Map<String, String> env) {
        return MetronSettings.fromEnvironment(env).withBaseUrl(URI.create(get(KEY_URL)))
                .withTimeouts(duration(KEY_CONNECT_TIMEOUT), duration(KEY_TIMEOUT))
                .withBackoffStart(duration(KEY_RETRY_BACKOFF));
    }

    /** A duration setting: seconds ({@code 5}, {@code 0.5}, {@code 5s}) or milliseconds ({@code 500ms}); null if bad. */
    private Duration duration(String key) {
        String text = get(key).strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            String number = text.endsWith("s") ? text.substring(0, text.length() - 1).strip() : text;
            return Duration.ofNanos(new java.math.BigDecimal(number).movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : d.toMillis() + "ms";
    }

    /** The credentials, if any are configured (a token wins over user and password). */
    Optional<MetronCredentials> credentials() {
        if (get(KEY_TOKEN) != null) {
            return Optional.of(MetronCredentials.token(get(KEY_TOKEN)));
        }
        if (get(KEY_USER) != null && get(KEY_PASSWORD) != null) {
            return Optional.of(MetronCredentials.basic(get(KEY_USER), get(KEY_PASSWORD)));
        }
        return Optional.empty();
    }

    /** The credentials, or a configuration error telling how to set them. */
    MetronCredentials requireCredentials() {
        return credentials().orElseThrow(() -> new UserError(ExitCode.CONFIGURATION,
                "no Metron credentials: set METRON_USER and METRON_PASS (or METRON_TOKEN), or run 'metronome config init'"));
    }

    Path cacheDir() {
        return Path.of(get(KEY_CACHE_DIR));
    }

    int jobs() {
        return Integer.parseInt(get(KEY_JOBS));
    }

    /** Whether a symlinked archive is refused rather than written through to its target. */
    boolean refuseSymlinks() {
        return "refuse".equals(get(KEY_SYMLINKS));
    }

    /** Whether a batch waits for the daily quota to free instead of stopping (config key {@code wait.for.quota}). */
    boolean waitForQuota() {
        return Boolean.parseBoolean(get(KEY_WAIT_FOR_QUOTA));
    }

    /** Whether ComicInfo.xml is written strictly to the v2.0 schema ({@code comicinfo.strict}). */
    boolean strictComicInfo() {
        return Boolean.parseBoolean(get(KEY_STRICT_COMICINFO));
    }

    /** A secret as shown: never any of its characters. */
    static String mask(String secret) {
        return "******** (set)";
    }
}
