package dev.metronome.cache;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cache folder is: {@code --cache-dir}, else {@code METRONOME_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/metronome}, else {@code ~/.cache/metronome}.
 */
public final class CacheLocation {

    /** Environment variable naming the cache folder. */
    public static final String ENV_CACHE_DIR = "METRONOME_CACHE_DIR";

    private CacheLocation() {
    }

    /**
     * Resolves the cache folder.
     *
     * @param option  the {@code --cache-dir} option, or null
     * @param env     the environment
     * @param userHome the user's home folder
     * @return the folder (not created)
     */
    public static Path resolve(Path option, Map<String, String> env, Path userHome) {
        if (option != null) {
            return option;
        }
        String dir = env.get(ENV_CACHE_DIR);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "metronome");
        }
        return userHome.resolve(".cache").resolve("metronome");
    }
}
