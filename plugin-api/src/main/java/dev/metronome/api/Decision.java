package dev.metronome.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of identifying one archive.
 *
 * @param status     the kind of result
 * @param issueId    the Metron issue id when {@link Status#MATCHED}, else null
 * @param confidence how sure the engine is, 0 to 1
 * @param candidates the best candidates (for {@link Status#AMBIGUOUS}, the ones to choose from)
 * @param reasons    short sentences explaining the decision
 */
public record Decision(Status status, Long issueId, double confidence, List<Candidate> candidates,
                       List<String> reasons) {

    /** The kinds of decisions. */
    public enum Status {
        /** One issue, sure enough to tag. */
        MATCHED,
        /** Several plausible issues. */
        AMBIGUOUS,
        /** Nothing plausible. */
        NO_MATCH,
        /** The archive or the lookup failed. */
        ERROR
    }

    /** Checks that MATCHED carries an issue id and copies the lists. */
    public Decision {
        Objects.requireNonNull(status, "status");
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
        if (status == Status.MATCHED && issueId == null) {
            throw new IllegalArgumentException("a MATCHED decision needs an issue id");
        }
    }

    /**
     * A sure match.
     *
     * @param issueId    the Metron issue id
     * @param confidence 0 to 1
     * @param reason     why
     * @return the decision
     */
    public static Decision matched(long issueId, double confidence, String reason) {
        return new Decision(Status.MATCHED, issueId, confidence, List.of(), List.of(reason));
    }

    /**
     * No match.
     *
     * @param reason why
     * @return the decision
     */
    public static Decision noMatch(String reason) {
        return new Decision(Status.NO_MATCH, null, 0, List.of(), List.of(reason));
    }

    /**
     * The matched issue id.
     *
     * @return the id when matched
     */
    public OptionalLong matchedIssueId() {
        return status == Status.MATCHED ? OptionalLong.of(issueId) : OptionalLong.empty();
    }
}
