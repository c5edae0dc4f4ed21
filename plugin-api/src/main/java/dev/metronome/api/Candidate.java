package dev.metronome.api;

/**
 * One possible Metron issue for an archive.
 *
 * @param issueId the Metron issue id
 * @param label   a human-readable name, e.g. {@code Batman (2016) #1}
 * @param score   how well it matches, 0 to 1
 */
public record Candidate(long issueId, String label, double score) {

    /** Validates the score. */
    public Candidate {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be within 0..1, got " + score);
        }
    }
}
