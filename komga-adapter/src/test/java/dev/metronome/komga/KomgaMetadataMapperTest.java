package dev.metronome.komga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Gtin;
import dev.metronome.api.WebLink;
import dev.metronome.fixtures.komga.OpenApiValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KomgaMetadataMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiValidator spec = OpenApiValidator.komga();

    @Test
    void bookPatchCarriesTheIssueWithLocksAndKomgaRoles() throws Exception {
        ObjectNode p = KomgaMetadataMapper.bookPatch(new SagaTagger().metadata(1003));
        assertThat(p.path("title").asText()).isEqualTo("Chapter 3");
        assertThat(p.path("number").asText()).isEqualTo("3");
        assertThat(p.path("numberSort").asDouble()).isEqualTo(3.0);
        assertThat(p.path("releaseDate").asText()).isEqualTo("2012-03-01");
        assertThat(p.path("authors").toString()).isEqualTo("[{\"name\":\"Brian K. Vaughan\",\"role\":\"writer\"},"
                + "{\"name\":\"Fiona Staples\",\"role\":\"penciller\"},{\"name\":\"Fiona Staples\",\"role\":\"cover\"},"
                + "{\"name\":\"Eric Stephenson\",\"role\":\"editor\"}]");
        assertThat(p.path("links").toString()).isEqualTo("[{\"label\":\"Metron\",\"url\":\"" + SagaTagger.metronUrl(3) + "\"}]");
        for (String field : List.of("title", "summary", "number", "numberSort", "releaseDate", "authors", "tags", "links")) {
            assertThat(p.path(field + "Lock").asBoolean()).as(field + "Lock").isTrue();
        }
        assertThat(p.has("isbn")).isFalse();
        assertThat(spec.validateRequest("PATCH", "/api/v1/books/B/metadata", Map.of(), "application/json",
                JSON.writeValueAsBytes(p))).isEmpty();
    }

    @Test
    void emptyFieldsAreLeftOutSoNothingIsCleared() {
        ObjectNode p = KomgaMetadataMapper.bookPatch(ComicMetadata.builder()
                .webLinks(List.of(WebLink.of("not a url"))).gtin(new Gtin("", "75960608996300111")).build());
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void onlyValidIsbnsAreSentAsIsbn13() {
        assertThat(KomgaMetadataMapper.isbn13("0-306-40615-2")).contains("9780306406157");
        assertThat(KomgaMetadataMapper.isbn13("978-0-306-40615-7")).contains("9780306406157");
        assertThat(KomgaMetadataMapper.isbn13("978-0-306-40615-8")).isEmpty();
        assertThat(KomgaMetadataMapper.isbn13("75960608996300111")).isEmpty();
    }

    @Test
    void seriesPatchCarriesSeriesFieldsWithLocks() throws Exception {
        ObjectNode p = KomgaMetadataMapper.seriesPatch(new SagaTagger().metadata(1001));
        assertThat(p.path("title").asText()).isEqualTo("Saga");
        assertThat(p.path("publisher").asText()).isEqualTo("Image Comics");
        assertThat(p.path("totalBookCount").asInt()).isEqualTo(54);
        assertThat(p.path("ageRating").asInt()).isEqualTo(17);
        assertThat(p.path("language").asText()).isEqualTo("en");
        assertThat(p.path("genres").toString()).isEqualTo("[\"Science Fiction\"]");
        assertThat(p.path("publisherLock").asBoolean()).isTrue();
        assertThat(spec.validateRequest("PATCH", "/api/v1/series/S/metadata", Map.of(), "application/json",
                JSON.writeValueAsBytes(p))).isEmpty();
    }

    @Test
    void rolesAndRatingsMapToKomgasValues() {
        assertThat(KomgaMetadataMapper.komgaRole("Colorist")).isEqualTo("colorist");
        assertThat(KomgaMetadataMapper.komgaRole("Inks")).isEqualTo("inks");
        assertThat(KomgaMetadataMapper.komgaRole("Cover Artist")).isEqualTo("cover");
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.TEEN)).contains(13);
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.EARLY_CHILDHOOD)).contains(3);
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.EVERYONE)).contains(6);
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.KIDS_TO_ADULTS)).contains(6);
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.G)).contains(0);
        assertThat(KomgaMetadataMapper.ageRating(AgeRating.UNKNOWN)).isEmpty();
    }
}
