package dev.metronome.cli;

import dev.metronome.api.Candidate;
import dev.metronome.tagging.CandidateChooser;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** {@code --interactive}: shows an ambiguous file's candidates on the terminal and reads the user's choice. */
final class ConsoleChooser implements CandidateChooser {

    private final BufferedReader in;
    private final PrintWriter out;

    /** A chooser on the terminal. */
    ConsoleChooser(Console console) {
        this(new BufferedReader(console.reader()), console.writer());
    }

    /** A chooser reading answers from {@code in} and asking on {@code out}. */
    ConsoleChooser(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public synchronized OptionalLong choose(Path file, List<Candidate> candidates, List<String> reasons) {
        out.printf(Locale.ROOT, "%n%s is ambiguous:%n", file);
        reasons.forEach(r -> out.printf(Locale.ROOT, "  - %s%n", r));
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            out.printf(Locale.ROOT, "  %d) issue %d  %s  (score %.2f)%n", i + 1, c.issueId(), c.label(), c.score());
        }
        while (true) {
            out.printf(Locale.ROOT, "Choose 1-%d, an issue id, or Enter to skip: ", candidates.size());
            out.flush();
            String answer;
            try {
                answer = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            out.printf(Locale.ROOT, "Please answer with a number.%n");
        }
    }
}
