package dev.metronome.metroninfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Price;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.ComicInfoSchemas;
import dev.metronome.comicinfo.ComicInfoVersion;
import dev.metronome.comicinfo.ComicInfoWriter;
import dev.metronome.comicinfo.CreditField;
import dev.metronome.comicinfo.CreditRoleMapping;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.WriteResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded Metron issue detail, as a model, writes both files valid, and MetronInfo keeps every field. */
class RecordedIssuesTest {

    static Stream<Long> ids() {
        return RecordedIssues.IDS.stream();
    }

    @ParameterizedTest(name = "issue {0}")
    @MethodSource("ids")
    void metronInfoIsValidAndReadsBackToTheSameModel(long id) throws MetadataException {
        ComicMetadata m = RecordedIssues.metadata(id);
        for (MetronInfoVersion version : MetronInfoVersion.values()) {
            WriteResult written = new MetronInfoWriter(version, false).write(m);
            assertThat(MetronInfoSchemas.validate(written.bytes(), version)).as("%s%n%s", version, written.text()).isEmpty();
        }
        WriteResult written = MetronInfoWriter.defaults().write(m);
        ComicMetadata back = new MetronInfoReader().read(written.bytes(), "MetronInfo.xml").metadata();
        // what MetronInfo cannot hold: FOC date, SKU, cover image and hash, variants; a price gets its country,
        // and an age rating outside MetronInfo's list its nearest value (CCA -> Everyone)
        ComicMetadata expected = m.toBuilder().focDate(java.util.Optional.empty()).sku("").coverImageUrl("").coverHash("").variants(List.of())
                .prices(m.prices().stream().map(p -> new Price(p.amount(), p.currency(), "US")).toList())
                .ageRating(AgeRating.parse(MetronInfoWriter.ageRating(m.ageRating())).orElseThrow())
                .build();
        assertThat(back).isEqualTo(expected);
    }

    @ParameterizedTest(name = "issue {0}")
    @MethodSource("ids")
    void comicInfoIsValidWithTheValuesOfTheResponse(long id) throws MetadataException {
        JsonNode json = RecordedIssues.json(id);
        ComicMetadata m = RecordedIssues.metadata(id);
        WriteResult written = ComicInfoWriter.defaults().write(m);
        assertThat(ComicInfoSchemas.validate(written.bytes(), ComicInfoVersion.V2_1)).isEmpty();
        assertThat(ComicInfoSchemas.validate(ComicInfoWriter.strict().write(m).bytes(), ComicInfoVersion.V2_0)).isEmpty();

        ComicMetadata back = new ComicInfoReader().read(written.bytes(), "ComicInfo.xml").metadata();
        assertThat(back.series().name()).isEqualTo(json.path("series").path("name").asText());
        assertThat(back.series().volume()).hasValue(json.path("series").path("volume").asInt());
        assertThat(back.number().raw()).isEqualTo(json.path("number").asText());
        assertThat(back.coverDate()).isEqualTo(m.coverDate());
        assertThat(back.pageCount()).hasValue(json.path("page").asInt());
        assertThat(back.publisher().name()).isEqualTo(json.path("publisher").path("name").asText());
        assertThat(back.characters()).extracting(r -> r.name()).containsExactlyElementsOf(
                m.characters().stream().map(r -> r.name()).toList());
        assertThat(back.webLinks()).extracting(w -> w.url()).containsExactly(json.path("resource_url").asText());
        String gtin = json.path("isbn").asText().isEmpty() ? json.path("upc").asText() : json.path("isbn").asText();
        assertThat(written.text().contains("<GTIN>" + gtin + "</GTIN>")).isEqualTo(!gtin.isEmpty());
        for (CreditField field : CreditField.values()) {
            List<String> expected = CreditRoleMapping.toFields(m.credits()).getOrDefault(field, List.of());
            assertThat(back.credits().stream().filter(c -> c.hasRole(field.role())).map(Credit::name).toList())
                    .as(field.element()).containsExactlyInAnyOrderElementsOf(expected);
            if (!expected.isEmpty()) {
                assertThat(written.text()).contains("<" + field.element() + ">" + String.join(", ", expected) + "</" + field.element() + ">");
            }
        }
        assertThat(m.id(IdSource.METRON, ExternalId.Kind.ISSUE)).map(ExternalId::value).contains(Long.toString(id));
    }
}
