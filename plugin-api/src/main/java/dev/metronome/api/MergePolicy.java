package dev.metronome.api;

/**
 * How {@link MetadataMerger} combines existing metadata (read from a file) with incoming metadata (from
 * Metron, say). Whatever the policy, the user's own fields survive: {@code scanInformation}, {@code review},
 * {@code notes} (unless empty), {@code seriesGroup}, unknown elements and the user's page types, bookmarks
 * and keys. Ids and web links are united: an incoming id replaces the existing one of the same source and
 * kind only.
 */
public enum MergePolicy {
    /**
     * Incoming values replace existing ones wherever the incoming side has a value; where it has none the
     * existing value stays. The default for re-tagging from Metron.
     */
    INCOMING_WINS,
    /** Existing values stay; incoming values fill only what is empty. */
    EXISTING_WINS,
    /**
     * Incoming values replace existing ones even where the incoming side is empty; only the user's own
     * fields, ids and web links of other sources survive.
     */
    REPLACE
}
