package dev.metronome.metron;

import java.time.OffsetDateTime;

/**
 * The filters of the other list endpoints ({@code publisher/}, {@code imprint/}, {@code arc/}, {@code character/},
 * {@code creator/}): name, external ids and modification time.
 */
public final class NameFilter extends QueryBuilder<NameFilter> {

    /** An empty filter. */
    public static NameFilter create() {
        return new NameFilter();
    }

    /** Every word must be a substring of the name. */
    public NameFilter name(String words) {
        return put("name", words);
    }

    /** The Comic Vine id. */
    public NameFilter cvId(int id) {
        return put("cv_id", id);
    }

    /** The Grand Comics Database id. */
    public NameFilter gcdId(int id) {
        return put("gcd_id", id);
    }

    /** Modified strictly after. */
    public NameFilter modifiedGt(OffsetDateTime time) {
        return put("modified_gt", time);
    }
}
