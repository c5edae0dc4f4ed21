package dev.metronome.tagging;

/**
 * One candidate issue of a file.
 *
 * @param issueId the Metron issue id
 * @param score   0 to 1
 * @param label   e.g. {@code Amazing Spider-Man (2018) #1}
 */
public record CandidateScore(long issueId, double score, String label) {
}
