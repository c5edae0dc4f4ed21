package dev.metronome.cli;

import dev.metronome.api.Candidate;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --interactive}: what the user sees for an ambiguous file and how each answer is read. */
class ConsoleChooserTest {

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(504527, "Uncanny X-Men (2013) #6", 0.7),
            new Candidate(4711, "Uncanny X-Men (1963) #6", 0.7));

    private final StringWriter screen = new StringWriter();

    private OptionalLong answer(String typed) {
        ConsoleChooser chooser = new ConsoleChooser(new BufferedReader(new StringReader(typed)),
                new PrintWriter(screen, true));
        return chooser.choose(Path.of("incoming", "Uncanny X-Men 6.cbz"), CANDIDATES,
                List.of("2 candidates too close to call"));
    }

    @Test
    void showsTheFileTheReasonsAndEveryCandidate() {
        answer("\n");
        assertThat(screen.toString())
                .contains("Uncanny X-Men 6.cbz is ambiguous")
                .contains("- 2 candidates too close to call")
                .contains("1) issue 504527  Uncanny X-Men (2013) #6  (score 0.70)")
                .contains("2) issue 4711  Uncanny X-Men (1963) #6  (score 0.70)")
                .contains("Choose 1-2");
    }

    @Test
    void aListNumberPicksThatCandidate() {
        assertThat(answer("2\n")).hasValue(4711);
        assertThat(answer(" 1 \n")).hasValue(504527);
    }

    @Test
    void aLargerNumberIsAnIssueIdTypedByHand() {
        assertThat(answer("31047\n")).hasValue(31047);
    }

    @Test
    void enterOrTheEndOfInputSkipsTheFile() {
        assertThat(answer("\n")).isEmpty();
        assertThat(answer("")).isEmpty();
    }

    @Test
    void anythingElseIsAskedAgain() {
        assertThat(answer("the first one\n0\n1\n")).hasValue(504527);
        assertThat(screen.toString()).contains("Please answer with a number.");
    }
}
