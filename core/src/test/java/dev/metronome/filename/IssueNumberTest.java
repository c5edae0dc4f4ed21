package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue-number normalization and sort keys, against ComicTagger's {@code issuestrings.json} and our own cases. */
class IssueNumberTest {

    static List<JsonNode> issueStrings() throws IOException {
        try (InputStream in = IssueNumberTest.class.getResourceAsStream("/filename/issuestrings.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(out::add);
            return out;
        }
    }

    /** {@code as_string} is the round-trip form and {@code as_float} the numeric value (null when there is none). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("issueStrings")
    void matchesComicTaggerIssueStrings(JsonNode c) {
        IssueNumber n = IssueNumber.parse(c.path("input").asText());
        if (c.path("as_float").isNull()) {
            assertThat(n).isNull();
            return;
        }
        assertThat(n).isNotNull();
        assertThat(n.normalized()).isEqualTo(c.path("as_string").asText());
        assertThat(n.sortKey()).isEqualTo(c.path("as_float").asDouble());
    }

    @Test
    void issueStringsFileHasAllCases() throws IOException {
        assertThat(issueStrings()).hasSize(12);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            001      | 1      | 1.0
            #007     | 7      | 7.0
            0        | 0      | 0.0
            000      | 0      | 0.0
            -1       | -1     | -1.0
            1.5      | 1.5    | 1.5
            ½        | ½      | 0.5
            1/2      | ½      | 0.5
            1½       | 1½     | 1.5
            ∞        | ∞      | Infinity
            1.MU     | 1.MU   | 1.0
            5AU      | 5AU    | 5.0
            12b      | 12b    | 12.0
            078.BEY  | 78.BEY | 78.0
            B01      | B1     | 1.0
            0.0.1    | 0.1    | 0.1
            1000     | 1000   | 1000.0
            A        | A      | Infinity
            """)
    void normalizesAndSorts(String raw, String normalized, double sortKey) {
        IssueNumber n = IssueNumber.parse(raw);
        assertThat(n.normalized()).isEqualTo(normalized);
        assertThat(n.sortKey()).isEqualTo(sortKey);
        assertThat(n.rangeEnd()).isNull();
    }

    @Test
    void rangesKeepStartAndEnd() {
        IssueNumber n = IssueNumber.parse("001-006");
        assertThat(n.normalized()).isEqualTo("1-6");
        assertThat(n.rangeEnd()).isEqualTo("6");
        assertThat(n.sortKey()).isEqualTo(1.0);
        assertThat(IssueNumber.parse("22-A").rangeEnd()).isNull();
    }

    @Test
    void nothingToParseGivesNull() {
        assertThat(IssueNumber.parse(null)).isNull();
        assertThat(IssueNumber.parse("  ")).isNull();
        assertThat(IssueNumber.parse("#")).isNull();
        assertThat(IssueNumber.parse("$%")).isNull();
    }

    @Test
    void hugeNumbersDoNotOverflowIntoErrors() {
        IssueNumber n = IssueNumber.parse("99999999999999999999999");
        assertThat(n.sortKey()).isPositive();
        assertThat(n.normalized()).isEqualTo("99999999999999999999999");
    }
}
