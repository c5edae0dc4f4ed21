package dev.metronome.tagging;

import dev.metronome.api.Candidate;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Settles an ambiguous file, e.g. by asking on a terminal. Called one file at a time. */
@FunctionalInterface
public interface CandidateChooser {

    /**
     * Chooses among candidates.
     *
     * @param file       the archive
     * @param candidates the candidates, best first
     * @param reasons    the evidence gathered
     * @return the chosen Metron issue id, or empty to leave the file undecided
     */
    OptionalLong choose(Path file, List<Candidate> candidates, List<String> reasons);
}
