package dev.metronome.cli;

import dev.metronome.api.Candidate;
import dev.metronome.tagging.CandidateChooser;

import java.io.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** {@code --interactive}: shows an ambiguous file's candidates on the terminal and reads the user's choice. */
final class ConsoleChooser implements CandidateChooser {

    private final Console console;

    ConsoleChooser(Console console) {
        this.console = console;
    }

    @Override
    public synchronized OptionalLong choose(Path file, List<Candidate> candidates, List<String> reasons) {
        console.printf("%n%s is ambiguous:%n", file);
        reasons.forEach(r -> console.printf("  - %s%n", r));
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            console.printf("  %d) issue %d  %s  (score %.2f)%n", i + 1, c.issueId(), c.label(), c.score());
        }
        while (true) {
            String answer = console.readLine("Choose 1-%d, an issue id, or Enter to skip: ", candidates.size());
            if (answer == null || answer.isBlank()) {
                return OptionalLong.empty();
            }
            try {
                long value = Long.parseLong(answer.strip());
                if (value >= 1 && value <= candidates.size()) {
                    return OptionalLong.of(candidates.get((int) value - 1).issueId());
                }
                if (value > candidates.size()) {
                    return OptionalLong.of(value);
                }
            } catch (NumberFormatException ignored) {
                // ask again
            }
            console.printf("Please answer with a number.%n");
        }
    }
}
