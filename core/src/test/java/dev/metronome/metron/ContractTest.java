package dev.metronome.metron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.ListItems;
import dev.metronome.fixtures.metron.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract: every record shape the fake serves matches Metron's recorded real responses in field names, types and
 * nullability (issue list and detail, series list and detail, publisher, imprint, arc, character, creator, team,
 * universe, scrobble, errors), and has every field mokkari (the Metron project's Python client) requires, non-null.
 * The data shapes are checked on every record of the bundled catalogue, and each endpoint once more over HTTP.
 */
class ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("alice:s3cret-pw".getBytes(StandardCharsets.UTF_8));

    /** Fields the current server added after the recordings (metron-api.md §13, SOURCES.md "Known gaps"). */
    private static final Set<String> ISSUE_DETAIL_ADDITIONS = Set.of("average_rating", "rating_count",
            "series.alt_names", "series.language");
    private static final Set<String> ISSUE_LIST_ADDITIONS = Set.of("series.id");
    private static final Set<String> SERIES_ADDITIONS = Set.of("alt_names", "language");
    private static final Set<String> PUBLISHER_ADDITIONS = Set.of("alt_names");

    /** Fields documented as nullable (metron-api.md §4-5, "or null"; optional in mokkari) though no recording is null. */
    private static final Set<String> ISSUE_NULLABLE = Set.of("imprint", "store_date", "foc_date", "price", "page",
            "image", "cv_id", "gcd_id", "variants[].price");
    private static final Set<String> LIST_NULLABLE = Set.of("store_date", "image", "year_end");
    private static final Set<String> SERIES_NULLABLE = Set.of("year_end", "imprint", "cv_id", "gcd_id");
    private static final Set<String> RESOURCE_NULLABLE = Set.of("founded", "image", "cv_id", "gcd_id", "birth",
            "death");

    /**
     * What mokkari requires (fields without a default in its pydantic schemas, v4.6.0), per shape: each must be
     * present and non-null. Among them the three the fake used to serve as null: {@code cover_hash},
     * {@code variants[].image} and {@code publisher} of an imprint.
     */
    private static final Map<String, List<String>> MOKKARI_REQUIRED = Map.of(
            "issue detail", List.of("id", "publisher", "series", "series.id", "series.name", "series.sort_name",
                    "series.volume", "series.series_type", "number", "title", "name", "cover_date", "rating",
                    "cover_hash", "resource_url", "modified", "variants[].name", "variants[].sku", "variants[].upc",
                    "variants[].image", "credits[].id", "credits[].creator"),
            "issue list item", List.of("id", "series", "series.name", "series.volume", "series.year_began", "number",
                    "issue", "cover_date", "cover_hash", "modified"),
            "imprint detail", List.of("id", "name", "desc", "publisher", "resource_url", "modified"),
            "scrobble", List.of("id", "issue", "issue.id", "issue.series", "issue.number", "issue.cover_date",
                    "issue.modified", "is_read", "created", "modified"));

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static FakeMetronServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = FakeMetronServer.builder().clock(CLOCK).account("alice", "s3cret-pw")
                .burst(1_000_000, Duration.ofMinutes(1)).daily(1_000_000, Duration.ofDays(1)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .header("Authorization", AUTH).header("User-Agent", "Metronome/test").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonShape learned(String name, boolean listItems, String... files) throws IOException {
        JsonShape shape = new JsonShape(name);
        for (String file : files) {
            JsonNode recorded = RecordedResponsesTest.read(file);
            if (listItems) {
                recorded.path("results").forEach(shape::learn);
            } else {
                shape.learn(recorded);
            }
        }
        return shape;
    }

    private static JsonShape issueDetail() throws IOException {
        return learned("issue detail", false, "issue-detail-1.json", "issue-detail-156270.json",
                "issue-detail-31047.json", "issue-detail-36860.json", "issue-detail-46182.json",
                "issue-detail-49622.json", "issue-detail-51658.json", "issue-detail-8118.json");
    }

    private static JsonShape issueListItem() throws IOException {
        return learned("issue list item", true, "issue-list-series_name-Kang.json",
                "issue-list-series_name-action-comics-year_began-1938-page1.json",
                "issue-list-series_name-action-comics-year_began-1938-page9-last.json",
                "issue-list-series_name-action-comics-year_began-2011.json", "arc-177-issue_list.json");
    }

    private static void assertNoProblems(List<String> problems) {
        assertThat(JsonShape.summary(problems)).as("shape problems").isEmpty();
    }

    /** Every field mokkari requires is required by the recorded responses too, and present non-null in the record. */
    private static void mokkari(String shapeName, JsonShape shape, JsonNode record, String what, List<String> problems) {
        for (String path : MOKKARI_REQUIRED.get(shapeName)) {
            for (JsonNode value : values(record, path)) {
                if (value == null || value.isNull() || value.isMissingNode()) {
                    problems.add(shapeName + ": mokkari requires " + path + " (" + what + ")");
                }
            }
        }
    }

    /** The values at a path; {@code a[].b} gives one per element of {@code a}. */
    private static List<JsonNode> values(JsonNode node, String path) {
        List<JsonNode> out = new ArrayList<>();
        int bracket = path.indexOf("[].");
        if (bracket >= 0) {
            for (JsonNode element : at(node, path.substring(0, bracket))) {
                out.addAll(values(element, path.substring(bracket + 3)));
            }
            return out;
        }
        out.add(at(node, path));
        return out;
    }

    private static JsonNode at(JsonNode node, String dotted) {
        JsonNode current = node;
        for (String part : dotted.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    @Test
    void mokkarisRequiredFieldsAreRequiredByTheRecordedResponses() throws IOException {
        // the list above is checked against reality: each field is present and non-null in every recording
        assertThat(issueDetail().required()).containsAll(MOKKARI_REQUIRED.get("issue detail").stream()
                .filter(p -> !p.startsWith("series.id")).toList());
        assertThat(issueListItem().required()).containsAll(MOKKARI_REQUIRED.get("issue list item"));
        assertThat(learned("imprint detail", false, "imprint-detail-1.json").required())
                .containsAll(MOKKARI_REQUIRED.get("imprint detail"));
    }

    @Test
    void everyIssueDetailAndListItemOfTheCatalogueHasTheRealShape() throws Exception {
        JsonShape detail = issueDetail();
        JsonShape item = issueListItem();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode issue : Catalogue.bundled().issues()) {
            String what = "issue " + issue.path("id").asInt();
            detail.check(what, issue, ISSUE_DETAIL_ADDITIONS, ISSUE_NULLABLE, problems);
            mokkari("issue detail", detail, issue, what, problems);
            JsonNode listItem = ListItems.issue(issue);
            item.check(what, listItem, ISSUE_LIST_ADDITIONS, LIST_NULLABLE, problems);
            mokkari("issue list item", item, listItem, what, problems);
            checked++;
        }
        // and as served over HTTP
        for (String path : List.of("issue/156270/", "issue/46182/", "issue/1/")) {
            detail.check(path, get(path), ISSUE_DETAIL_ADDITIONS, ISSUE_NULLABLE, problems);
        }
        List<String> lists = new ArrayList<>(List.of("issue/?series_name=action+comics&series_year_began=1938",
                "series/1/issue_list/"));
        for (String kind : List.of("arc", "character", "team")) {
            lists.add(kind + "/" + get(kind + "/").path("results").get(0).path("id").asInt() + "/issue_list/");
        }
        for (String path : lists) {
            for (JsonNode result : get(path).path("results")) {
                item.check(path, result, ISSUE_LIST_ADDITIONS, LIST_NULLABLE, problems);
            }
        }
        assertThat(checked).isGreaterThan(20_000);
        assertNoProblems(problems);
    }

    @Test
    void seriesPublishersAndImprintsHaveTheRealShape() throws Exception {
        JsonShape seriesDetail = learned("series detail", false, "series-detail-1.json", "series-detail-2818.json",
                "series-detail-3315.json", "series-detail-3503.json");
        JsonShape seriesItem = learned("series list item", true, "series-list-name-batman-page1.json",
                "series-list-name-death.json");
        JsonShape publisher = learned("publisher detail", false, "publisher-detail-1.json");
        JsonShape imprint = learned("imprint detail", false, "imprint-detail-1.json");
        JsonShape named = learned("named list item", true, "publisher-list-page1.json", "imprint-list.json");
        List<String> problems = new ArrayList<>();
        Catalogue catalogue = Catalogue.bundled();
        for (JsonNode s : catalogue.series()) {
            String what = "series " + s.path("id").asInt();
            seriesDetail.check(what, s, SERIES_ADDITIONS, SERIES_NULLABLE, problems);
            seriesItem.check(what, ListItems.series(s), Set.of(), LIST_NULLABLE, problems);
        }
        for (JsonNode p : catalogue.publishers()) {
            publisher.check("publisher " + p.path("id").asInt(), p, PUBLISHER_ADDITIONS, RESOURCE_NULLABLE, problems);
        }
        for (JsonNode i : catalogue.imprints()) {
            String what = "imprint " + i.path("id").asInt();
            imprint.check(what, i, Set.of(), RESOURCE_NULLABLE, problems);
            mokkari("imprint detail", imprint, i, what, problems);
        }
        seriesDetail.check("series/1/", get("series/1/"), SERIES_ADDITIONS, SERIES_NULLABLE, problems);
        get("series/?name=batman").path("results").forEach(r -> seriesItem.check("series/?name=batman", r,
                Set.of(), LIST_NULLABLE, problems));
        publisher.check("publisher/1/", get("publisher/1/"), PUBLISHER_ADDITIONS, RESOURCE_NULLABLE, problems);
        imprint.check("imprint/1/", get("imprint/1/"), Set.of(), RESOURCE_NULLABLE, problems);
        for (String list : List.of("publisher/", "imprint/", "arc/", "character/", "creator/", "team/", "universe/")) {
            get(list).path("results").forEach(r -> named.check(list, r, Set.of(), Set.of(), problems));
        }
        assertNoProblems(problems);
    }

    @Test
    void arcsCharactersCreatorsTeamsAndUniversesHaveTheRealShape() throws Exception {
        Map<String, String> recorded = Map.of("arc", "arc-detail-2.json", "character", "character-detail-1.json",
                "creator", "creator-detail-3.json", "team", "team-detail-1.json", "universe",
                "universe-detail-83.json");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> kind : recorded.entrySet()) {
            JsonShape shape = learned(kind.getKey() + " detail", false, kind.getValue());
            JsonNode list = get(kind.getKey() + "/");
            assertThat(list.path("results").size()).as(kind.getKey()).isPositive();
            int n = 0;
            for (JsonNode item : list.path("results")) {
                if (n++ == 10) {
                    break;
                }
                String path = kind.getKey() + "/" + item.path("id").asInt() + "/";
                shape.check(path, get(path), Set.of(), RESOURCE_NULLABLE, problems);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theScrobbleAnswerHasTheServersShape() throws Exception {
        JsonShape shape = new JsonShape("scrobble");
        try (InputStream in = ContractTest.class.getResourceAsStream("/metron/contract/scrobble.json")) {
            shape.learn(JSON.readTree(in));
        }
        List<String> problems = new ArrayList<>();
        for (String body : List.of("{\"issue_id\": 156270, \"rating\": 4}", "{\"issue_id\": 156270}",
                "{\"issue_id\": 1, \"date_read\": \"2026-02-01T10:00:00Z\"}")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "collection/scrobble/")).header("Authorization", AUTH)
                    .header("User-Agent", "Metronome/test").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isIn(200, 201);
            JsonNode record = JSON.readTree(answer.body());
            shape.check(body, record, Set.of(), Set.of("rating", "issue.store_date"), problems);
            mokkari("scrobble", shape, record, body, problems);
            assertThat(record.path("created").isBoolean()).isTrue();
            assertThat(record.path("created").asBoolean()).isEqualTo(answer.statusCode() == 201);
        }
        assertNoProblems(problems);
    }

    @Test
    void errorsHaveTheRealShape() throws Exception {
        // 401, 404 and 429 answer {"detail": "..."}; a validation error answers {"field": ["message", ...]}
        try (FakeMetronServer small = FakeMetronServer.builder().clock(CLOCK).account("alice", "s3cret-pw")
                .burst(2, Duration.ofMinutes(1)).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            java.util.function.BiFunction<String, String, HttpResponse<String>> call = (path, auth) -> {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(small.baseUrl() + path))
                            .header("User-Agent", "Metronome/test");
                    if (auth != null) {
                        b.header("Authorization", auth);
                    }
                    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            for (HttpResponse<String> error : List.of(call.apply("issue/1/", null), call.apply("issue/99999999/", AUTH),
                    call.apply("series/?language=zz", AUTH), call.apply("issue/1/", AUTH))) {
                JsonNode body = JSON.readTree(error.body());
                assertThat(error.statusCode()).isIn(400, 401, 404, 429);
                if (error.statusCode() == 400) {
                    assertThat(body.path("language").isArray()).isTrue();
                    assertThat(body.path("language").get(0).isTextual()).isTrue();
                } else {
                    assertThat(body.size()).as(error.body()).isEqualTo(1);
                    assertThat(body.path("detail").isTextual()).as(error.body()).isTrue();
                }
            }
        }
    }
}
