package dev.metronome.kavita;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.SeriesInfo;
import org.junit.jupiter.api.Test;

/** The whole-object bodies: what is kept, what is set, what is locked. */
class KavitaMergeTest {

    private static JsonNode chapter(String json) throws Exception {
        return KavitaClient.JSON.readTree(json);
    }

    @Test
    void aLockedFieldKeepsItsValueAndLockAndAnUnlockedOneGetsMetronsLocked() throws Exception {
        JsonNode ch = chapter("{\"id\":7,\"summary\":\"Mine\",\"summaryLocked\":true,\"writers\":[{\"id\":3,\"name\":\"Old\"}],"
                + "\"translators\":[{\"id\":4,\"name\":\"Tess\"}],\"webLinks\":\"https://example.org/a\",\"ageRating\":3,"
                + "\"releaseDate\":\"0001-01-01T00:00:00\",\"titleName\":\"Kept title\"}");
        ObjectNode body = KavitaMerge.chapterUpdate(ch, new IssueTagger().metadata(1005));
        assertThat(body.path("summary").asText()).isEqualTo("Mine");
        assertThat(body.path("summaryLocked").asBoolean()).isTrue();
        assertThat(body.path("writers").toString()).contains("Brian K. Vaughan").doesNotContain("Old");
        assertThat(body.path("writerLocked").asBoolean()).isTrue();
        assertThat(body.path("translators").toString()).as("sent as read, or the update would clear it").contains("Tess");
        assertThat(body.path("translatorLocked").asBoolean()).isFalse();
        assertThat(body.path("webLinks").asText()).isEqualTo("https://example.org/a," + IssueTagger.metronUrl(5));
        assertThat(body.path("titleName").asText()).as("a title may be the user's (its lock is not shown)").isEqualTo("Kept title");
        assertThat(body.path("titleNameLocked").asBoolean()).isTrue();
        assertThat(body.path("releaseDate").asText()).isEqualTo("2012-03-01T00:00:00");
        assertThat(body.path("ageRating").asInt()).isEqualTo(10);
        assertThat(KavitaMerge.chapterUpdate(ch, ComicMetadata.EMPTY).path("writers").toString()).contains("Old");
    }

    @Test
    void fileModeKeepsKavitasSeriesAndListsMetronLacksAndWritesNoVolumeOrFormat() throws Exception {
        JsonNode ch = chapter("{\"id\":7,\"locations\":[{\"id\":1,\"name\":\"Wreath\"}],\"tags\":[{\"id\":2,\"title\":\"Kept\"}]}");
        ComicMetadata m = new IssueTagger().metadata(1005).toBuilder()
                .series(SeriesInfo.builder().name("Saga").volume(1).format("One-Shot").build()).tags(java.util.List.of()).build();
        ComicMetadata written = KavitaMerge.forFile(ch, m, "Saga (2012)");
        assertThat(written.series().name()).isEqualTo("Saga (2012)");
        assertThat(written.series().volume()).isEmpty();
        assertThat(written.series().format()).isEmpty();
        assertThat(written.locations()).extracting(r -> r.name()).containsExactly("Wreath");
        assertThat(written.tags()).extracting(r -> r.name()).containsExactly("Kept");
        assertThat(KavitaMerge.protectBeforeRescan(ch, m)).isPresent().get()
                .satisfies(b -> assertThat(b.path("tagsLocked").asBoolean()).isTrue());
    }
}
