package dev.metronome.metroninfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.Gtin;
import dev.metronome.api.IdSource;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Price;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.Universe;
import dev.metronome.api.Variant;
import dev.metronome.api.WebLink;
import dev.metronome.comicinfo.HtmlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test-only: turns a recorded Metron issue detail (JSON) into the model, the simplest way, to prove the model
 * and both writers can carry everything a Metron issue holds. The production mapping ({@code IssueMapper}) is
 * written elsewhere against the typed responses.
 */
final class RecordedIssues {

    static final List<Long> IDS = List.of(1L, 8118L, 31047L, 36860L, 46182L, 49622L, 51658L, 156270L);

    private RecordedIssues() {
    }

    static JsonNode json(long id) {
        try (InputStream in = RecordedIssues.class.getResourceAsStream("/metroninfo-api-responses/issue-detail-" + id + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComicMetadata metadata(long id) {
        JsonNode j = json(id);
        JsonNode s = j.path("series");
        ComicMetadata.Builder b = ComicMetadata.builder()
                .series(SeriesInfo.builder().name(s.path("name").asText()).sortName(s.path("sort_name").asText())
                        .volume(s.path("volume").asInt()).yearBegan(s.path("year_began").asInt())
                        .format(s.path("series_type").path("name").asText()).build())
                .number(IssueNumber.of(j.path("number").asText()))
                .alternateNumber(IssueNumber.of(j.path("alt_number").asText()))
                .collectionTitle(j.path("title").asText())
                .storyTitles(texts(j.path("name")))
                .summary(HtmlText.clean(j.path("desc").asText()))
                .coverDate(date(j.path("cover_date")).map(PartialDate::of).orElse(null))
                .storeDate(date(j.path("store_date")).orElse(null))
                .focDate(date(j.path("foc_date")).orElse(null))
                .pageCount(j.path("page").asInt())
                .publisher(resource(j.path("publisher"), "name"))
                .imprint(j.path("imprint").isNull() ? Resource.of("") : resource(j.path("imprint"), "name"))
                .ageRating(AgeRating.parse(j.path("rating").path("name").asText()).orElseThrow())
                .gtin(new Gtin(j.path("isbn").asText(), j.path("upc").asText()))
                .sku(j.path("sku").asText())
                .coverImageUrl(j.path("image").asText())
                .coverHash(j.path("cover_hash").asText())
                .webLinks(List.of(new WebLink(j.path("resource_url").asText(), true)))
                .lastModified(OffsetDateTime.parse(j.path("modified").asText()));
        if (!j.path("price").isNull()) {
            b.addPrice(new Price(new BigDecimal(j.path("price").asText()), j.path("price_currency").asText(), ""));
        }
        List<ExternalId> ids = new ArrayList<>();
        ids.add(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, Long.toString(id), true));
        if (!j.path("cv_id").isNull()) {
            ids.add(ExternalId.issue(IdSource.COMIC_VINE, j.path("cv_id").asText()));
        }
        if (!j.path("gcd_id").isNull()) {
            ids.add(ExternalId.issue(IdSource.GCD, j.path("gcd_id").asText()));
        }
        ids.add(new ExternalId(IdSource.METRON, ExternalId.Kind.SERIES, s.path("id").asText(), true));
        b.ids(ids);
        b.genres(resources(s.path("genres"), "name"));
        b.characters(resources(j.path("characters"), "name"));
        b.teams(resources(j.path("teams"), "name"));
        b.reprints(resources(j.path("reprints"), "issue"));
        for (JsonNode arc : j.path("arcs")) {
            b.addStoryArc(new StoryArc(arc.path("name").asText(), "", arc.path("id").asText()));
        }
        for (JsonNode universe : j.path("universes")) {
            b.addUniverse(new Universe(universe.path("name").asText(), "", universe.path("id").asText()));
        }
        for (JsonNode credit : j.path("credits")) {
            b.addCredit(new Credit(new Resource(credit.path("creator").asText(), credit.path("id").asText()), resources(credit.path("role"), "name")));
        }
        for (JsonNode variant : j.path("variants")) {
            Optional<Price> price = variant.path("price").isNull() ? Optional.empty()
                    : Optional.of(new Price(new BigDecimal(variant.path("price").asText()), j.path("price_currency").asText(), ""));
            b.addVariant(new Variant(variant.path("name").asText(), price, variant.path("sku").asText(),
                    variant.path("upc").asText(), variant.path("image").asText()));
        }
        return b.build();
    }

    private static Optional<LocalDate> date(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(LocalDate.parse(node.asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Resource resource(JsonNode node, String nameField) {
        return new Resource(node.path(nameField).asText(), node.path("id").asText());
    }

    private static List<Resource> resources(JsonNode array, String nameField) {
        List<Resource> resources = new ArrayList<>();
        array.forEach(node -> resources.add(resource(node, nameField)));
        return resources;
    }
}
