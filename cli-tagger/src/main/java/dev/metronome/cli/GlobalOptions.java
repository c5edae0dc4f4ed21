package dev.metronome.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Options every command accepts, before or after the subcommand name
 * ({@code metronome identify --json --metron-url URL DIR} works).
 */
public final class GlobalOptions {

    @Option(names = "--metron-url", paramLabel = "URL",
            description = "Metron API base URL (default: $METRON_URL or https://metron.cloud/api/).")
    String metronUrl;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache folder (default: $METRONOME_CACHE_DIR or $XDG_CACHE_HOME/metronome).")
    Path cacheDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: $XDG_CONFIG_HOME/metronome/config.properties).")
    Path config;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the result.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more about what happens.")
    boolean verbose;

    @Option(names = "--debug", description = "Print debug logs and stack traces.")
    boolean debug;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Files read in parallel (default: the number of cores).")
    Integer jobs;

    /**
     * These options combined with the ones given before the subcommand name (the root command's): a flag set in
     * either place counts, a value given after the subcommand wins.
     */
    public GlobalOptions with(GlobalOptions root) {
        if (root == null || root == this) {
            return this;
        }
        GlobalOptions merged = new GlobalOptions();
        merged.metronUrl = metronUrl != null ? metronUrl : root.metronUrl;
        merged.cacheDir = cacheDir != null ? cacheDir : root.cacheDir;
        merged.config = config != null ? config : root.config;
        merged.json = json || root.json;
        merged.quiet = quiet || root.quiet;
        merged.verbose = verbose || root.verbose;
        merged.debug = debug || root.debug;
        merged.jobs = jobs != null ? jobs : root.jobs;
        return merged;
    }

    /** The Metron URL option, or null. */
    public String metronUrl() {
        return metronUrl;
    }

    /** The cache folder option, or null. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The config file option, or null. */
    public Path config() {
        return config;
    }

    /** Whether JSON output was asked for. */
    public boolean json() {
        return json;
    }

    /** Whether stack traces should be shown. */
    public boolean debug() {
        return debug;
    }

    /** Whether to print less. */
    public boolean quiet() {
        return quiet;
    }

    /** Whether to print more. */
    public boolean verbose() {
        return verbose || debug;
    }

    /** The {@code --jobs} option, or null. */
    public Integer jobsOption() {
        return jobs;
    }

    /** The parallelism for local work. */
    public int jobs() {
        return jobs == null || jobs < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : jobs;
    }
}
