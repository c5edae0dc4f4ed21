package dev.metronome.metron;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The filters of {@code GET series/}, one typed method each. Several filters combine with AND. */
public final class SeriesFilter extends QueryBuilder<SeriesFilter> {

    /** Series status values, as the {@code status} filter takes them. */
    public enum Status {
        /** 1. */ CANCELLED(1),
        /** 2. */ COMPLETED(2),
        /** 3. */ HIATUS(3),
        /** 4. */ ONGOING(4);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        /** The integer the server expects. */
        public int code() {
            return code;
        }
    }

    /** An empty filter. */
    public static SeriesFilter create() {
        return new SeriesFilter();
    }

    /** Every word must be an accent-insensitive substring of the name. */
    public SeriesFilter name(String words) {
        return put("name", words);
    }

    /** Substring of the alternative names. */
    public SeriesFilter altNames(String text) {
        return put("alt_names", text);
    }

    /** Every word in the name or the alternative names. */
    public SeriesFilter q(String words) {
        return put("q", words);
    }

    /** The volume number. */
    public SeriesFilter volume(int volume) {
        return put("volume", volume);
    }

    /** The first year. */
    public SeriesFilter yearBegan(int year) {
        return put("year_began", year);
    }

    /** The last year. */
    public SeriesFilter yearEnd(int year) {
        return put("year_end", year);
    }

    /** The publisher id. */
    public SeriesFilter publisherId(int id) {
        return put("publisher_id", id);
    }

    /** The imprint id. */
    public SeriesFilter imprintId(int id) {
        return put("imprint_id", id);
    }

    /** The series type id (e.g. 10 Trade Paperback). */
    public SeriesFilter seriesTypeId(int id) {
        return put("series_type_id", id);
    }

    /** Substring of the publisher name. */
    public SeriesFilter publisherName(String text) {
        return put("publisher_name", text);
    }

    /** Substring of the imprint name. */
    public SeriesFilter imprintName(String text) {
        return put("imprint_name", text);
    }

    /** Substring of the series type name. */
    public SeriesFilter seriesType(String text) {
        return put("series_type", text);
    }

    /** The status. */
    public SeriesFilter status(Status status) {
        return put("status", status.code());
    }

    /** The language code. */
    public SeriesFilter language(String language) {
        return put("language", language);
    }

    /** The Comic Vine id. */
    public SeriesFilter cvId(int id) {
        return put("cv_id", id);
    }

    /** The Grand Comics Database id. */
    public SeriesFilter gcdId(int id) {
        return put("gcd_id", id);
    }

    /** Only series with (false) or without (true) a Comic Vine id. */
    public SeriesFilter missingCvId(boolean missing) {
        return put("missing_cv_id", missing);
    }

    /** Only series with (false) or without (true) a GCD id. */
    public SeriesFilter missingGcdId(boolean missing) {
        return put("missing_gcd_id", missing);
    }

    /** Series with an issue crediting this creator. */
    public SeriesFilter creatorId(int id) {
        return put("creator_id", id);
    }

    /** Series with an issue featuring this character. */
    public SeriesFilter characterId(int id) {
        return put("character_id", id);
    }

    /** Series with an issue featuring this team. */
    public SeriesFilter teamId(int id) {
        return put("team_id", id);
    }

    /** Series with an issue in this universe. */
    public SeriesFilter universeId(int id) {
        return put("universe_id", id);
    }

    /** Series with a credit in any of these roles. */
    public SeriesFilter roleIds(int... ids) {
        return put("role_id", Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }

    /** Modified strictly after. */
    public SeriesFilter modifiedGt(OffsetDateTime time) {
        return put("modified_gt", time);
    }
}
