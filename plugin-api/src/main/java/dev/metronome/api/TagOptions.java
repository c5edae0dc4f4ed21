package dev.metronome.api;

/**
 * What {@link Tagger#tag} should do.
 *
 * @param issueId      a Metron issue id to use instead of identifying, or null
 * @param convertToCbz whether read-only formats (CBR, CB7) may be converted to CBZ
 * @param dryRun       whether to decide only, writing nothing
 */
public record TagOptions(Long issueId, boolean convertToCbz, boolean dryRun) {

    /** Identify and write; no conversion. */
    public static final TagOptions DEFAULTS = new TagOptions(null, false, false);

    /**
     * Write the metadata of a known issue.
     *
     * @param issueId the Metron issue id
     * @return the options
     */
    public static TagOptions forIssue(long issueId) {
        return new TagOptions(issueId, false, false);
    }
}
