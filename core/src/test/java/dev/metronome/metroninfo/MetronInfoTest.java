package dev.metronome.metroninfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Price;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.Universe;
import dev.metronome.api.WebLink;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.ReadResult;
import dev.metronome.comicinfo.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetronInfoTest {

    private final MetronInfoReader reader = new MetronInfoReader();

    static byte[] resource(String path) {
        try (InputStream in = MetronInfoTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertValid(WriteResult result, MetronInfoVersion version) {
        assertThat(MetronInfoSchemas.validate(result.bytes(), version)).as("valid against MetronInfo %s:%n%s", version, result.text()).isEmpty();
    }

    @Test
    void theXsd11ValidatorEnforcesTheAsserts() {
        assertThat(MetronInfoSchemas.validate(resource("/metroninfo/samples/v1.0-valid.xml"), MetronInfoVersion.V1_0)).isEmpty();
        assertThat(MetronInfoSchemas.validate(resource("/metroninfo/samples/v1.0-Sample.xml"), MetronInfoVersion.V1_0)).isEmpty();
        assertThat(MetronInfoSchemas.validate(resource("/metroninfo/samples/v1.1-Sample.xml"), MetronInfoVersion.V1_1)).isEmpty();
        assertThat(MetronInfoSchemas.validate(resource("/metroninfo/samples/v1.0-invalid-dup_primary_attr.xml"), MetronInfoVersion.V1_0))
                .anySatisfy(problem -> assertThat(problem).contains("cvc-assertion"));
    }

    @Test
    void readsTheOfficialV11SampleFieldByField() throws MetadataException {
        ReadResult result = reader.read(resource("/metroninfo/samples/v1.1-Sample.xml"), "Sample.xml");
        ComicMetadata m = result.metadata();
        assertThat(result.warnings()).isEmpty();
        assertThat(m.ids()).contains(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "290431", true),
                ExternalId.issue(IdSource.COMIC_VINE, "12345"), ExternalId.issue(IdSource.GCD, "543"),
                ExternalId.issue(IdSource.MANGADEX, "8b34f37a-0181-4f0b-8ce3-01217e9a602c"),
                new ExternalId(IdSource.METRON, ExternalId.Kind.SERIES, "65478", true));
        assertThat(m.publisher()).isEqualTo(new Resource("DC Comics", "12345"));
        assertThat(m.imprint()).isEqualTo(new Resource("Vertigo", "1234"));
        SeriesInfo series = m.series();
        assertThat(series.name()).isEqualTo("Justice League");
        assertThat(series.language()).isEqualTo("en");
        assertThat(series.volume()).hasValue(2);
        assertThat(series.format()).isEqualTo("Single Issue");
        assertThat(series.yearBegan()).hasValue(1970);
        assertThat(series.issueCount()).hasValue(60);
        assertThat(series.volumeCount()).hasValue(3);
        assertThat(series.alternativeNames()).extracting(n -> n.name() + "/" + n.language() + "/" + n.id())
                .containsExactly("Foo//1234", "Hüsker Dü/de/");
        assertThat(m.storyTitles()).containsExactly("Justice League, Part One", "Justice League, Part Two");
        assertThat(m.prices()).containsExactly(new Price(new BigDecimal("3.99"), "USD", "US"), new Price(new BigDecimal("1.51"), "GBP", "GB"));
        assertThat(m.coverDate()).contains(PartialDate.of(LocalDate.of(2011, 10, 1)));
        assertThat(m.storeDate()).contains(LocalDate.of(2011, 8, 31));
        assertThat(m.pageCount()).hasValue(32);
        assertThat(m.genres()).extracting(Resource::name).containsExactly("Super-Hero", "Crime", "Foo Bar");
        assertThat(m.storyArcs()).containsExactly(new StoryArc("Origin", "1", "78945"), new StoryArc("The New 52!", "", ""));
        assertThat(m.characters()).hasSize(12).first().isEqualTo(new Resource("Aquaman", "45678"));
        assertThat(m.universes()).containsExactly(new Universe("ABC", "Earth 25", "24"), new Universe("Amalgam", "", ""));
        assertThat(m.gtin().isbn()).isEqualTo("1234567890123");
        assertThat(m.gtin().upc()).isEqualTo("76194130593600111");
        assertThat(m.ageRating()).isEqualTo(AgeRating.EVERYONE);
        assertThat(m.communityRating()).hasValueSatisfying(r -> {
            assertThat(r.average()).isEqualByComparingTo("4.5");
            assertThat(r.count()).hasValue(1250);
        });
        assertThat(m.reprints()).extracting(Resource::name).containsExactly("Foo Bar #001 (2002)", "Foo Bar #002 (2022)");
        assertThat(m.webLinks()).first().isEqualTo(new WebLink("https://comicvine.gamespot.com/justice-league-1-justice-league-part-one/4000-290431/", true));
        assertThat(m.credits()).hasSize(10);
        assertThat(m.credits().get(0)).isEqualTo(new Credit(new Resource("Geoff Johns", "32165"), List.of(new Resource("Writer", "32165"))));
        assertThat(m.credits().get(3).roleNames()).containsExactly("Penciller", "Cover");
        assertThat(m.lastModified()).contains(OffsetDateTime.parse("2023-05-31T09:00:46.300882-04:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0-Sample.xml", "v1.1-Sample.xml", "v1.0-valid.xml"})
    void samplesRoundTripAndStayValid(String sample) throws MetadataException {
        ComicMetadata first = reader.read(resource("/metroninfo/samples/" + sample), sample).metadata();
        for (MetronInfoVersion version : MetronInfoVersion.values()) {
            WriteResult written = new MetronInfoWriter(version, false).write(first);
            assertValid(written, version);
            ComicMetadata second = reader.read(written.bytes(), "rewritten " + sample).metadata();
            ComicMetadata expected = version == MetronInfoVersion.V1_1 ? first
                    : first.toBuilder().alternateNumber(null).communityRating(java.util.Optional.empty()).build();
            assertThat(second).isEqualTo(expected);
        }
    }

    @Test
    void twoPrimaryIdsReadWithAWarningAndWriteValid() throws MetadataException {
        ReadResult result = reader.read(resource("/metroninfo/samples/v1.0-invalid-dup_primary_attr.xml"), "dup.xml");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("dup.xml: <IDS> has 2 <ID primary=\"true\">"));
        assertThat(result.metadata().ids(ExternalId.Kind.ISSUE)).filteredOn(ExternalId::primary).hasSize(1);
        assertValid(MetronInfoWriter.defaults().write(result.metadata()), MetronInfoVersion.V1_1);
    }

    @Test
    void writerKeepsOnePrimaryIdAndUrlAndMapsWhatTheSchemaRestricts() throws MetadataException {
        ComicMetadata m = ComicMetadata.builder()
                .series(SeriesInfo.builder().name("Messy").format("TPB").language("EN").yearBegan(987).issueCount(0).build())
                .ids(List.of(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, "1", true),
                        new ExternalId(IdSource.COMIC_VINE, ExternalId.Kind.ISSUE, "2", true)))
                .webLinks(List.of(new WebLink("https://a", true), new WebLink("https://b", true)))
                .prices(List.of(new Price(new BigDecimal("4.99"), "USD", ""), new Price(new BigDecimal("2"), "EUR", "")))
                .coverDate(PartialDate.ofYear(1999))
                .storyArcs(List.of(new StoryArc("Arc", "1a", "")))
                .credits(List.of(Credit.of("Someone", "Writer", "Janitor"), Credit.of("", "Writer")))
                .ageRating(AgeRating.MA15_PLUS)
                .build();
        WriteResult result = MetronInfoWriter.defaults().write(m);
        assertValid(result, MetronInfoVersion.V1_1);
        String xml = result.text();
        assertThat(xml).contains("<ID source=\"Metron\" primary=\"true\">1</ID>", "<ID source=\"Comic Vine\">2</ID>",
                "<URL primary=\"true\">https://a</URL>", "<URL>https://b</URL>", "<Format>Trade Paperback</Format>",
                "<Series lang=\"en\">", "<StartYear>0987</StartYear>", "<Price country=\"US\">4.99</Price>",
                "<Role>Other</Role>", "<AgeRating>Teen Plus</AgeRating>");
        assertThat(xml).doesNotContain("IssueCount", "CoverDate", "<Number>1a</Number>", "EUR");
        assertThat(result.warnings()).hasSize(4);
    }

    @Test
    void aSeriesNameIsRequired() {
        assertThatThrownBy(() -> MetronInfoWriter.defaults().write(ComicMetadata.EMPTY))
                .isInstanceOf(MetadataException.class).hasMessage("MetronInfo.xml: cannot be written without a series name");
    }

    @Test
    void unknownElementsAreKeptByDefaultAndDroppedWhenStrict() throws MetadataException {
        String xml = "<MetronInfo><Series><Name>S</Name></Series><Custom a=\"1\">x</Custom></MetronInfo>";
        ComicMetadata m = reader.read(xml.getBytes(StandardCharsets.UTF_8), "u").metadata();
        assertThat(m.unknownElements()).containsExactly(new UnknownElement(UnknownElement.METRON_INFO, "Custom", "<Custom a=\"1\">x</Custom>"));
        assertThat(MetronInfoWriter.defaults().write(m).text()).contains("<Custom a=\"1\">x</Custom>");
        WriteResult strict = MetronInfoWriter.strict().write(m);
        assertValid(strict, MetronInfoVersion.V1_1);
        assertThat(strict.text()).doesNotContain("Custom");
    }

    @Test
    void badValuesAreSkippedWithWarnings() throws MetadataException {
        String xml = "<MetronInfo><IDS><ID source=\"Nowhere\">1</ID></IDS><Series><Name>S</Name><Volume>x</Volume></Series>"
                + "<CoverDate>2020-13-01</CoverDate><Prices><Price country=\"US\">cheap</Price></Prices><AgeRating>Kids</AgeRating>"
                + "<LastModified>2024-01-01T10:00:00</LastModified><Credits><Credit><Roles><Role>Writer</Role></Roles></Credit></Credits></MetronInfo>";
        ReadResult result = reader.read(xml.getBytes(StandardCharsets.UTF_8), "bad.xml");
        assertThat(result.metadata().series().name()).isEqualTo("S");
        assertThat(result.metadata().lastModified()).contains(OffsetDateTime.parse("2024-01-01T10:00:00Z"));
        assertThat(result.warnings()).hasSize(6).allSatisfy(w -> assertThat(w).startsWith("bad.xml: "));
    }

    @Test
    void hostileXmlIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE MetronInfo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<MetronInfo><Series><Name>&xxe;</Name></Series></MetronInfo>";
        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8), "evil.cbz!MetronInfo.xml"))
                .isInstanceOf(MetadataException.class).hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
    }

    @Test
    void wrongRootIsRefused() {
        assertThatThrownBy(() -> reader.read("<ComicInfo/>".getBytes(StandardCharsets.UTF_8), "x.xml"))
                .isInstanceOf(MetadataException.class).hasMessage("x.xml: is not a MetronInfo.xml: its root element is <ComicInfo>");
    }
}
