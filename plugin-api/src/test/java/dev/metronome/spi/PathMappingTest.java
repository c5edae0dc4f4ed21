package dev.metronome.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathMappingTest {

    @Test
    void longestPrefixWinsAndUnmappedPathsStay() {
        PathMapping m = PathMapping.parse(List.of("/data=/mnt/nas", "/data/manga/=/mnt/manga"));
        assertThat(m.toLocal("/data/comics/Saga/Saga 001.cbz")).isEqualTo(Path.of("/mnt/nas/comics/Saga/Saga 001.cbz"));
        assertThat(m.toLocal("/data/manga/Akira 01.cbz")).isEqualTo(Path.of("/mnt/manga/Akira 01.cbz"));
        assertThat(m.toLocal("/database/x.cbz")).isEqualTo(Path.of("/database/x.cbz"));
        assertThat(m.toServer(Path.of("/mnt/nas/comics/a.cbz"))).contains("/data/comics/a.cbz");
    }

    @Test
    void windowsSeparatorsFromTheServerAreNormalised() {
        PathMapping m = PathMapping.parse(List.of("C:/Comics=/srv/comics"));
        assertThat(m.toLocal("C:\\Comics\\Saga\\1.cbz")).isEqualTo(Path.of("/srv/comics/Saga/1.cbz"));
    }

    @Test
    void aRuleWithoutEqualsIsRefusedByName() {
        assertThatThrownBy(() -> PathMapping.parse(List.of("/data")))
                .hasMessageContaining("SERVER_PATH=LOCAL_PATH").hasMessageContaining("'/data'");
        assertThatThrownBy(() -> PathMapping.parse(List.of("/comics="), "KAVITA"))
                .hasMessageContaining("KAVITA_PATH=LOCAL_PATH").hasMessageContaining("'/comics='");
    }
}
