package dev.metronome.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report serialized as the CLI does (Jackson, SNAKE_CASE) has exactly the documented keys. */
class RunReportJsonTest {

    @Test
    void snakeCaseKeysAreTheDocumentedOnes() throws Exception {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("total", 3L);
        requests.put("by_endpoint", Map.of("issue/{id}/", Map.of("200", 3L)));
        requests.put("by_outcome", Map.of("200", 3L));
        RunReport report = new RunReport(List.of(
                new FileReport("a.cbz", FileReport.MATCHED, 156270L, 0.97,
                        List.of(new CandidateScore(156270, 0.97, "Black Cat (2025) #3")),
                        List.of("UPC 75960621252100311 matched"), true, "a.cbz", null),
                FileReport.error("b.cbz", "b.cbz: not a comic archive")),
                new Summary(2, 1, 0, 0, 1, requests, 42));
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertThat(names(json)).containsExactly("files", "summary", "stopped");
        assertThat(json.get("stopped").isNull()).isTrue();
        JsonNode file = json.get("files").get(0);
        assertThat(names(file)).contains("path", "status", "issue_id", "confidence", "candidates", "evidence",
                "written", "written_path", "error");
        assertThat(names(file.get("candidates").get(0))).contains("issue_id", "score");
        assertThat(file.get("issue_id").asLong()).isEqualTo(156270);
        assertThat(file.get("status").asText()).isEqualTo("matched");
        assertThat(json.get("files").get(1).get("status").asText()).isEqualTo("error");
        assertThat(json.get("files").get(1).get("issue_id").isNull()).isTrue();
        assertThat(names(json.get("summary"))).containsExactly("files", "matched", "ambiguous", "no_match", "errors",
                "not_reached", "requests", "elapsed_ms");
        assertThat(json.get("summary").get("requests").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aStoppedRunSaysWhyAndCountsTheFilesNotReached() throws Exception {
        List<FileReport> files = List.of(FileReport.error("a.cbz", "Could not reach Metron"),
                FileReport.notReached("b.cbz"), FileReport.notReached("c.cbz"));
        RunReport report = new RunReport(files, Summary.of(files, Map.of(), Map.of(), 5), "Metron is unreachable");
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

        assertThat(json.get("stopped").asText()).isEqualTo("Metron is unreachable");
        assertThat(json.get("files").get(1).get("status").asText()).isEqualTo("not_reached");
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("not_reached").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("files").asInt()).isEqualTo(3);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
