package dev.metronome.identify;

import dev.metronome.metron.model.IssueDetail;
import dev.metronome.tagging.CandidateScore;

import java.util.List;
import java.util.Optional;

/**
 * The identifier's answer for one archive.
 *
 * @param status     {@code matched}, {@code ambiguous} or {@code no-match}
 * @param issueId    the chosen issue when matched
 * @param confidence 0 to 1
 * @param candidates the candidates, best first
 * @param reasons    the evidence, readable
 * @param detail     the chosen issue's detail, when fetched
 */
public record Identification(String status, Long issueId, double confidence, List<CandidateScore> candidates,
                             List<String> reasons, Optional<IssueDetail> detail) {

    /** Copies the lists. */
    public Identification {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
        detail = detail == null ? Optional.empty() : detail;
    }

    /** Whether an issue was chosen. */
    public boolean matched() {
        return issueId != null && "matched".equals(status);
    }
}
