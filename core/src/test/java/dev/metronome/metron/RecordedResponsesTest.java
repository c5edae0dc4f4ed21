package dev.metronome.metron;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.metron.model.Arc;
import dev.metronome.metron.model.Character;
import dev.metronome.metron.model.Creator;
import dev.metronome.metron.model.Imprint;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.ModifiedRef;
import dev.metronome.metron.model.NamedRef;
import dev.metronome.metron.model.Publisher;
import dev.metronome.metron.model.Role;
import dev.metronome.metron.model.SeriesDetail;
import dev.metronome.metron.model.SeriesListItem;
import dev.metronome.metron.model.Team;
import dev.metronome.metron.model.Universe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every recorded real Metron response deserializes into the client's types, losing no field. */
class RecordedResponsesTest {

    private static final ObjectMapper MAPPER = MetronJson.mapper();

    /** File name prefix -> the type the client reads it as. */
    private static final Map<String, JavaType> TYPES = Map.ofEntries(
            Map.entry("issue-detail-", MAPPER.constructType(IssueDetail.class)),
            Map.entry("issue-list-", MetronJson.pageOf(IssueListItem.class)),
            Map.entry("arc-177-issue_list", MetronJson.pageOf(IssueListItem.class)),
            Map.entry("series-list-", MetronJson.pageOf(SeriesListItem.class)),
            Map.entry("series-detail-", MAPPER.constructType(SeriesDetail.class)),
            Map.entry("publisher-detail-", MAPPER.constructType(Publisher.class)),
            Map.entry("publisher-list-", MetronJson.pageOf(ModifiedRef.class)),
            Map.entry("imprint-detail-", MAPPER.constructType(Imprint.class)),
            Map.entry("imprint-list", MetronJson.pageOf(ModifiedRef.class)),
            Map.entry("arc-detail-", MAPPER.constructType(Arc.class)),
            Map.entry("character-detail-", MAPPER.constructType(Character.class)),
            Map.entry("creator-detail-", MAPPER.constructType(Creator.class)),
            Map.entry("team-detail-", MAPPER.constructType(Team.class)),
            Map.entry("universe-detail-", MAPPER.constructType(Universe.class)),
            Map.entry("role-list-", MetronJson.pageOf(Role.class)),
            Map.entry("series_type-list", MetronJson.pageOf(NamedRef.class)));

    static Stream<String> files() {
        return Stream.of(
                "arc-177-issue_list.json", "arc-detail-2.json", "character-detail-1.json", "creator-detail-3.json",
                "imprint-detail-1.json", "imprint-list.json", "issue-detail-1.json", "issue-detail-156270.json",
                "issue-detail-31047.json", "issue-detail-36860.json", "issue-detail-46182.json",
                "issue-detail-49622.json", "issue-detail-51658.json", "issue-detail-8118.json",
                "issue-list-series_name-Kang.json",
                "issue-list-series_name-action-comics-year_began-1938-page1.json",
                "issue-list-series_name-action-comics-year_began-1938-page9-last.json",
                "issue-list-series_name-action-comics-year_began-2011.json", "publisher-detail-1.json",
                "publisher-list-page1.json", "role-list-name-editor.json", "series-detail-1.json",
                "series-detail-2818.json", "series-detail-3315.json", "series-detail-3503.json",
                "series-list-name-batman-page1.json", "series-list-name-death.json", "series_type-list.json",
                "team-detail-1.json", "universe-detail-83.json");
    }

    static JsonNode read(String file) throws IOException {
        try (InputStream in = RecordedResponsesTest.class.getResourceAsStream("/metron/api-responses/" + file)) {
            assertThat(in).as(file).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void deserializesWithNoFieldLost(String file) throws IOException {
        JsonNode original = read(file);
        JavaType type = TYPES.entrySet().stream().filter(e -> file.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no type for " + file));
        Object value = MAPPER.convertValue(original, type);
        JsonNode again = MAPPER.valueToTree(value);
        List<String> lost = new ArrayList<>();
        compare("", original, again, lost);
        assertThat(lost).as("fields lost or changed reading " + file).isEmpty();
    }

    @Test
    void keepsTheValuesTheTaggerNeeds() throws IOException {
        IssueDetail issue = MAPPER.treeToValue(read("issue-detail-156270.json"), IssueDetail.class);
        assertThat(issue.upc()).isEqualTo("75960621252100311");
        assertThat(issue.price()).isEqualByComparingTo(new BigDecimal("3.99"));
        assertThat(issue.variants()).hasSize(8).first().extracting(v -> v.upc()).isEqualTo("75960621252100331");
        assertThat(issue.coverHash()).isEqualTo("d35615476c3adb81");
        assertThat(issue.credits().get(0).role().get(0).name()).isEqualTo("Editor In Chief");
        assertThat(issue.modified()).isEqualTo(OffsetDateTime.parse("2025-10-26T10:48:00.747644-04:00"));
        assertThat(issue.averageRating()).isNull();
        assertThat(issue.series().altNames()).isNull();
    }

    /** Records every leaf of {@code original} that {@code again} lacks or holds with another value. */
    private static void compare(String path, JsonNode original, JsonNode again, List<String> lost) {
        if (original.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = original.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = again == null ? null : again.get(field.getKey());
                if (other == null) {
                    lost.add(path + "." + field.getKey());
                } else {
                    compare(path + "." + field.getKey(), field.getValue(), other, lost);
                }
            }
        } else if (original.isArray()) {
            if (again == null || !again.isArray() || again.size() != original.size()) {
                lost.add(path + "[]");
                return;
            }
            for (int i = 0; i < original.size(); i++) {
                compare(path + "[" + i + "]", original.get(i), again.get(i), lost);
            }
        } else if (!sameLeaf(original, again)) {
            lost.add(path + " = " + original + " became " + again);
        }
    }

    private static boolean sameLeaf(JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.asText().equals(b.asText())) {
            return true;
        }
        try {
            return OffsetDateTime.parse(a.asText()).isEqual(OffsetDateTime.parse(b.asText()));
        } catch (RuntimeException notADateTime) {
            return false;
        }
    }
}
