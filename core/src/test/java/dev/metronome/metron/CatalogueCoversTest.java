package dev.metronome.metron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.coverhash.CoverHash;
import dev.metronome.fixtures.archives.CoverArt;
import dev.metronome.fixtures.metron.Catalogue;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.IssueCovers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled catalogue carries no null where Metron's serializers have none, and the fake serves every issue's cover
 * at its {@code image} URL, on 127.0.0.1, as an image whose phash (this project's port of Metron's) is the issue's
 * {@code cover_hash}.
 */
class CatalogueCoversTest {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeMetronServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = FakeMetronServer.builder().burst(10_000, Duration.ofMinutes(1)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noNullWhereTheRealSerializersHaveNone() {
        Catalogue catalogue = Catalogue.bundled();
        int withoutCover = 0;
        for (ObjectNode issue : catalogue.issues()) {
            JsonNode hash = issue.get("cover_hash");
            assertThat(hash).as("issue %s cover_hash", issue.path("id")).isNotNull();
            assertThat(hash.isTextual()).as("issue %s cover_hash is text", issue.path("id")).isTrue();
            assertThat(hash.asText().isEmpty() || HASH.matcher(hash.asText()).matches())
                    .as("issue %s cover_hash '%s'", issue.path("id"), hash.asText()).isTrue();
            assertThat(hash.asText().isEmpty()).as("issue %s: no cover exactly when no hash", issue.path("id"))
                    .isEqualTo(!IssueCovers.hasCover(issue));
            withoutCover += hash.asText().isEmpty() ? 1 : 0;
            for (JsonNode variant : issue.path("variants")) {
                assertThat(variant.path("image").isTextual()).as("issue %s variant image", issue.path("id")).isTrue();
            }
        }
        // nearly every issue has a cover, as on the real server; a few deliberately have none
        assertThat(withoutCover).isBetween(1, catalogue.issues().size() / 50);
        for (ObjectNode imprint : catalogue.imprints()) {
            assertThat(imprint.path("publisher").path("id").isInt()).as("imprint %s publisher", imprint.path("id"))
                    .isTrue();
            assertThat(catalogue.publisher(imprint.path("publisher").path("id").asInt())).isPresent();
        }
    }

    @Test
    void realRecordsKeepTheirRealHashes() {
        // recorded issue-detail-1.json and the 2011 Action Comics list
        assertThat(Catalogue.bundled().issue(1).orElseThrow().path("cover_hash").asText())
                .isEqualTo("ee3983e43987a586");
        assertThat(Catalogue.bundled().issue(6730).orElseThrow().path("cover_hash").asText())
                .isEqualTo("83f23cb8d80ef26c");
    }

    @Test
    void theServedCoverOfAnIssueHashesToItsCoverHash() throws Exception {
        List<ObjectNode> sample = sample();
        assertThat(sample).hasSizeGreaterThan(40);
        for (ObjectNode record : sample) {
            JsonNode detail = get(server.baseUrl() + "issue/" + record.path("id").asInt() + "/");
            String image = detail.path("image").asText();
            assertThat(URI.create(image).getHost()).isEqualTo("127.0.0.1");
            HttpResponse<byte[]> cover = HTTP.send(HttpRequest.newBuilder(URI.create(image)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cover.statusCode()).isEqualTo(200);
            assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            String hash = CoverHash.of(ImageIO.read(new ByteArrayInputStream(cover.body()))).hex();
            assertThat(hash).as("issue %s", record.path("id")).isEqualTo(detail.path("cover_hash").asText());
        }
    }

    @Test
    void listItemsPointAtTheFakeAndVariantCoversAreServedToo() throws Exception {
        JsonNode page = get(server.baseUrl() + "issue/?series_name=action+comics&series_year_began=2011");
        JsonNode first = page.path("results").get(0);
        assertThat(first.path("image").asText()).startsWith(server.origin() + "/media/");
        assertThat(HASH.matcher(first.path("cover_hash").asText()).matches()).isTrue();
        ObjectNode withVariants = Catalogue.bundled().issues().stream()
                .filter(i -> i.path("variants").size() > 1 && IssueCovers.hasCover(i)).findFirst().orElseThrow();
        JsonNode detail = get(server.baseUrl() + "issue/" + withVariants.path("id").asInt() + "/");
        List<String> hashes = new ArrayList<>();
        hashes.add(detail.path("cover_hash").asText());
        for (JsonNode variant : detail.path("variants")) {
            HttpResponse<byte[]> cover = HTTP.send(HttpRequest.newBuilder(URI.create(variant.path("image").asText()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cover.statusCode()).isEqualTo(200);
            hashes.add(CoverHash.of(ImageIO.read(new ByteArrayInputStream(cover.body()))).hex());
        }
        // a variant is another picture: its hash is far from the main cover's
        for (int i = 1; i < hashes.size(); i++) {
            assertThat(CoverHash.distance(hashes.get(0), hashes.get(i))).isGreaterThan(12);
        }
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(server.origin()
                + "/media/issue/1999/01/01/no-such-cover.jpg")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(server.requestLog()).noneMatch(e -> e.pathAndQuery().startsWith("/media/"));
    }

    @Test
    void seededDesignsOutsideTheCatalogueReproduceTheirHashToo() {
        // decoy issues generated at run time (density mode) take cover_hash = the design, unhashed: it must hold
        for (long id = 10_000_000; id < 10_000_040; id++) {
            long design = CoverArt.designHash(id);
            assertThat(CoverHash.of(CoverArt.render(design, id)).bits()).as("design %d", id).isEqualTo(design);
        }
    }

    private static List<ObjectNode> sample() {
        List<ObjectNode> all = new ArrayList<>(Catalogue.bundled().issues());
        List<ObjectNode> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += all.size() / 40) {
            if (IssueCovers.hasCover(all.get(i))) {
                sample.add(all.get(i));
            }
        }
        all.stream().filter(i -> i.path("id").asInt() < 500_000).limit(12).forEach(sample::add);
        return sample;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("u:p".getBytes(StandardCharsets.UTF_8)))
                .header("User-Agent", "metronome-test").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
