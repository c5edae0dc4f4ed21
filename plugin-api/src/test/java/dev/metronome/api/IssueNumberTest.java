package dev.metronome.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IssueNumberTest {

    @ParameterizedTest
    @CsvSource({"1,1", "001,1", "1.5,1.5", "'1,5',1.5", "-1,-1", "12AU,12", "½,0.5", "1½,1.5", "#7,7", "0,0", "∞,1E12"})
    void sortKeyIsTheLeadingNumber(String raw, String key) {
        assertThat(IssueNumber.of(raw).sortKey()).hasValueSatisfying(k -> assertThat(k).isEqualByComparingTo(new BigDecimal(key)));
    }

    @Test
    void textWithoutNumberHasNoKeyAndSortsLast() {
        assertThat(IssueNumber.of("Alpha").sortKey()).isEmpty();
        List<IssueNumber> numbers = new ArrayList<>(List.of(IssueNumber.of("Alpha"), IssueNumber.of("10"),
                IssueNumber.of("2"), IssueNumber.of("1.5"), IssueNumber.of("-1"), IssueNumber.of("2AU")));
        Collections.sort(numbers);
        assertThat(numbers).extracting(IssueNumber::raw).containsExactly("-1", "1.5", "2", "2AU", "10", "Alpha");
    }

    @Test
    void rawTextIsKeptAsWritten() {
        assertThat(IssueNumber.of(" 001 ").raw()).isEqualTo("001");
        assertThat(IssueNumber.of(null).isEmpty()).isTrue();
    }
}
