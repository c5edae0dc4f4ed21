package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JSON shape printed by {@code metronome parse --json} and the human-readable text of {@link ParsedNameFormatter}. */
class ParsedNameOutputTest {

    private final FilenameParser parser = new FilenameParser();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serializesToJsonWithValuesAndConfidences() throws Exception {
        ParsedName p = parser.parse("Amazing Spider-Man 001 (2018) (Digital) (Zone-Empire).cbz");
        JsonNode node = json.readTree(json.writeValueAsString(p));
        assertThat(node.path("series").path("value").asText()).isEqualTo("Amazing Spider-Man");
        assertThat(node.path("series").path("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(node.path("issue").path("value").path("normalized").asText()).isEqualTo("1");
        assertThat(node.path("issue").path("value").path("raw").asText()).isEqualTo("001");
        assertThat(node.path("issue").path("value").path("sortKey").asDouble()).isEqualTo(1.0);
        assertThat(node.path("year").path("value").asInt()).isEqualTo(2018);
        assertThat(node.path("flags").get(0).asText()).isEqualTo("DIGITAL");
        assertThat(node.path("scanGroup").path("value").asText()).isEqualTo("Zone-Empire");
        assertThat(node.path("volume").path("value").isNull()).isTrue();
        assertThat(node.has("present")).isFalse();
    }

    @Test
    void serializesInfiniteSortKeys() throws Exception {
        String text = json.writeValueAsString(parser.parse("Infinite Crisis #∞.cbz"));
        assertThat(text).contains("\"normalized\":\"∞\"");
    }

    @Test
    void formatsFieldsConfidencesAndReasons() {
        String text = new ParsedNameFormatter().format(parser.parse(Path.of("Batman (2016)", "001.cbz")));
        assertThat(text).startsWith("001.cbz");
        assertThat(text).contains("folders:      Batman (2016)");
        assertThat(text).contains("series:       Batman  [60%]");
        assertThat(text).contains("issue:        1 (written 001), sorts as 1");
        assertThat(text).contains("why:          series from folder 'Batman (2016)'");
    }

    @Test
    void formatsWhatWasNotFound() {
        String text = new ParsedNameFormatter().format(parser.parse("(2019) [x].cbz"));
        assertThat(text).contains("series:       not found");
        assertThat(text).contains("issue:        not found");
        assertThat(text).contains("year:         2019");
    }

    @Test
    void nullInputsGiveEmptyResults() {
        assertThat(parser.parse((String) null).series().present()).isFalse();
        assertThat(parser.parse((Path) null).issue().present()).isFalse();
        assertThat(parser.parse("x", null).folders()).isEmpty();
    }
}
