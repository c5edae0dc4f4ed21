package dev.metronome.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * One issue being weighed for an archive: its raw score (which may exceed 1 when much agrees, see
 * {@link Scorer#confidence}) and the evidence lines that led to it. Only {@link Scorer} changes the score.
 */
final class Candidate {

    final long id;
    double score;
    final String label;
    final List<String> reasons = new ArrayList<>();
    /** The series name of the candidate, as Metron writes it (empty when not known). */
    String seriesName = "";
    /** The candidate's issue number as Metron stores it (null when not known). */
    String number;
    /** The candidate's Metron series, when known (issue list items do not carry it; the series searched does). */
    Integer seriesId;
    /** Whether the candidate's cover is the archive's (hash distance within {@link CoverEvidence#SAME}). */
    boolean coverAgrees;
    /** Whether the candidate's cover is clearly another picture than the archive's. */
    boolean coverDiffers;
    /**
     * Whether both covers have a hash and their distance says nothing (beyond {@link CoverEvidence#ALTERED}, not yet
     * {@link CoverEvidence#DIFFERS}): the cover neither confirms nor rules out this candidate.
     */
    boolean coverUnconfirmed;
    /** The score the names (and dates) gave, before the cover was weighed. */
    double nameScore;

    Candidate(long id, double score, String label) {
        this.id = id;
        this.score = score;
        this.label = label;
    }

    @Override
    public String toString() {
        return label + " (" + id + "): " + score;
    }
}
