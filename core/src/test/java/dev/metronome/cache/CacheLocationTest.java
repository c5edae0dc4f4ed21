package dev.metronome.cache;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheLocationTest {

    private static final Path HOME = Path.of("/home/reader");

    @Test
    void optionThenEnvironmentThenXdgThenHome() {
        Map<String, String> env = Map.of("METRONOME_CACHE_DIR", "/env/cache", "XDG_CACHE_HOME", "/xdg");
        assertThat(CacheLocation.resolve(Path.of("/opt/c"), env, HOME)).isEqualTo(Path.of("/opt/c"));
        assertThat(CacheLocation.resolve(null, env, HOME)).isEqualTo(Path.of("/env/cache"));
        assertThat(CacheLocation.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg"), HOME))
                .isEqualTo(Path.of("/xdg/metronome"));
        assertThat(CacheLocation.resolve(null, Map.of(), HOME)).isEqualTo(Path.of("/home/reader/.cache/metronome"));
    }

    @Test
    void seriesNamesNormalizeForLookups() {
        assertThat(SeriesKey.normalize("The Amazing  Spider-Man")).isEqualTo("the amazing spider man");
        assertThat(SeriesKey.normalize("Pokémon: Adventures")).isEqualTo("pokemon adventures");
    }
}
