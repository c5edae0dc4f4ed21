package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs ComicTagger's own filename-parser cases ({@code filenames.json}, see {@code SOURCES.md}).
 *
 * <p>Field mapping and comparison (ComicTagger value → ours; all compared as strings, {@code ""} = absent):
 * <ul>
 *   <li>{@code series} → {@code series}, {@code title} → {@code title}, {@code publisher} →
 *       {@code publisher}: exact text;</li>
 *   <li>{@code issue} → {@code issue.normalized} (both strip leading zeros: {@code 001} → {@code 1});</li>
 *   <li>{@code volume}, {@code volume_count}, {@code year}, {@code issue_count} → the integer fields,
 *       printed in decimal (ComicTagger's strings carry no padding in these cases);</li>
 *   <li>{@code alternate} → {@code alternateNumber};</li>
 *   <li>{@code annual}, {@code c2c}, {@code fcbd} → {@link ParseFlag#ANNUAL}, {@link ParseFlag#C2C},
 *       {@link ParseFlag#FCBD};</li>
 *   <li>{@code archive} → {@code archive} (lower-case extension).</li>
 * </ul>
 * Not compared: {@code remainder} (ComicTagger keeps every unconsumed bracket in one string; we split
 * bracketed information into flags, scan group, variant hints and tags, and keep only true left-over
 * text as remainder) and {@code format} (set only for the opt-in "protofolius" letter-number scheme).
 * {@code {CURRENT_YEAR}} is replaced by the current year, as upstream does.
 */
class ComicTaggerFilenamesTest {

    /** The number of ComicTagger's expected failures we pass (all of them at the time of writing). */
    private static final int XFAIL_PASSED_AT_LEAST = 3;

    private static final FilenameParser PARSER = new FilenameParser();

    static List<JsonNode> entries() throws IOException {
        try (InputStream in = ComicTaggerFilenamesTest.class.getResourceAsStream("/filename/filenames.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        }
    }

    static Stream<Arguments> expectedToPass() throws IOException {
        return entries().stream().filter(e -> !e.path("xfail").asBoolean())
                .map(e -> Arguments.of(name(e), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedToPass")
    void passesEveryCaseThePeerPasses(String filename, JsonNode entry) {
        assertThat(actual(PARSER.parse(filename))).isEqualTo(expected(entry));
    }

    @Test
    void dataSetIsComplete() throws IOException {
        List<JsonNode> all = entries();
        assertThat(all).hasSize(121);
        assertThat(all.stream().filter(e -> e.path("xfail").asBoolean())).hasSize(3);
    }

    @Test
    void passesThePeersExpectedFailuresToo() throws IOException {
        int total = 0;
        int passed = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode e : entries()) {
            if (!e.path("xfail").asBoolean()) {
                continue;
            }
            total++;
            Map<String, String> actual = actual(PARSER.parse(name(e)));
            if (actual.equals(expected(e))) {
                passed++;
            } else {
                failures.add(name(e) + " -> " + actual);
            }
        }
        System.out.printf("ComicTagger xfail cases passed: %d/%d %s%n", passed, total, failures);
        assertThat(passed).as("peer xfail cases passed (%s)", failures).isGreaterThanOrEqualTo(XFAIL_PASSED_AT_LEAST);
    }

    private static String name(JsonNode e) {
        return e.path("filename").asText().replace("{CURRENT_YEAR}", String.valueOf(Year.now().getValue()));
    }

    private static Map<String, String> expected(JsonNode e) {
        JsonNode x = e.path("expected");
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : List.of("series", "issue", "volume", "volume_count", "year", "issue_count", "title",
                "publisher", "alternate", "annual", "c2c", "fcbd", "archive")) {
            m.put(key, x.path(key).asText().replace("{CURRENT_YEAR}", String.valueOf(Year.now().getValue())));
        }
        return m;
    }

    private static Map<String, String> actual(ParsedName p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("series", text(p.series()));
        m.put("issue", p.issue().present() ? p.issue().value().normalized() : "");
        m.put("volume", text(p.volume()));
        m.put("volume_count", text(p.volumeCount()));
        m.put("year", text(p.year()));
        m.put("issue_count", text(p.issueCount()));
        m.put("title", text(p.title()));
        m.put("publisher", text(p.publisher()));
        m.put("alternate", text(p.alternateNumber()));
        m.put("annual", String.valueOf(p.has(ParseFlag.ANNUAL)));
        m.put("c2c", String.valueOf(p.has(ParseFlag.C2C)));
        m.put("fcbd", String.valueOf(p.has(ParseFlag.FCBD)));
        m.put("archive", p.archive());
        return m;
    }

    private static String text(Field<?> f) {
        return f.present() ? String.valueOf(f.value()) : "";
    }
}
