package dev.metronome.metron;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET issue/}, one typed method each, so a misspelt filter cannot be silently ignored by the
 * server. Several filters combine with AND.
 */
public final class IssueFilter extends QueryBuilder<IssueFilter> {

    /** An empty filter. */
    public static IssueFilter create() {
        return new IssueFilter();
    }

    /** Every word must be an accent-insensitive substring of the series name. */
    public IssueFilter seriesName(String words) {
        return put("series_name", words);
    }

    /** Substring of the series' alternative names. */
    public IssueFilter seriesAltNames(String text) {
        return put("series_alt_names", text);
    }

    /** Every word in the series name or its alternative names. */
    public IssueFilter seriesQ(String words) {
        return put("series_q", words);
    }

    /** The series id. */
    public IssueFilter seriesId(int id) {
        return put("series_id", id);
    }

    /** The series volume number. */
    public IssueFilter seriesVolume(int volume) {
        return put("series_volume", volume);
    }

    /** The series' first year. */
    public IssueFilter seriesYearBegan(int year) {
        return put("series_year_began", year);
    }

    /** The issue number, case-insensitive exact ({@code 1} does not match {@code 001}). */
    public IssueFilter number(String number) {
        return put("number", number);
    }

    /** The alternate number, case-insensitive exact. */
    public IssueFilter altNumber(String number) {
        return put("alt_number", number);
    }

    /** The cover date's year. */
    public IssueFilter coverYear(int year) {
        return put("cover_year", year);
    }

    /** The cover date's month (1-12). */
    public IssueFilter coverMonth(int month) {
        return put("cover_month", month);
    }

    /** The exact store date. */
    public IssueFilter storeDate(LocalDate date) {
        return put("store_date", date);
    }

    /** The exact final-order-cutoff date. */
    public IssueFilter focDate(LocalDate date) {
        return put("foc_date", date);
    }

    /** Store date on or after. */
    public IssueFilter storeDateRangeAfter(LocalDate date) {
        return put("store_date_range_after", date);
    }

    /** Store date on or before. */
    public IssueFilter storeDateRangeBefore(LocalDate date) {
        return put("store_date_range_before", date);
    }

    /** Final-order-cutoff date on or after. */
    public IssueFilter focDateRangeAfter(LocalDate date) {
        return put("foc_date_range_after", date);
    }

    /** Final-order-cutoff date on or before. */
    public IssueFilter focDateRangeBefore(LocalDate date) {
        return put("foc_date_range_before", date);
    }

    /** Modified strictly after. */
    public IssueFilter modifiedGt(OffsetDateTime time) {
        return put("modified_gt", time);
    }

    /** Substring of the publisher name. */
    public IssueFilter publisherName(String text) {
        return put("publisher_name", text);
    }

    /** Substring of the imprint name. */
    public IssueFilter imprintName(String text) {
        return put("imprint_name", text);
    }

    /** The publisher id. */
    public IssueFilter publisherId(int id) {
        return put("publisher_id", id);
    }

    /** The imprint id. */
    public IssueFilter imprintId(int id) {
        return put("imprint_id", id);
    }

    /** The issue's own full UPC (never a variant's). */
    public IssueFilter upc(String upc) {
        return put("upc", upc);
    }

    /** A prefix of the issue's own UPC (e.g. the first 15 digits, or the 12-digit UPC-A). */
    public IssueFilter upcStartsWith(String prefix) {
        return put("upc_starts_with", prefix);
    }

    /** The distributor code, case-insensitive exact. */
    public IssueFilter sku(String sku) {
        return put("sku", sku);
    }

    /** The Comic Vine id. */
    public IssueFilter cvId(int id) {
        return put("cv_id", id);
    }

    /** The Grand Comics Database id. */
    public IssueFilter gcdId(int id) {
        return put("gcd_id", id);
    }

    /** Only issues with (false) or without (true) a Comic Vine id. */
    public IssueFilter missingCvId(boolean missing) {
        return put("missing_cv_id", missing);
    }

    /** Only issues with (false) or without (true) a GCD id. */
    public IssueFilter missingGcdId(boolean missing) {
        return put("missing_gcd_id", missing);
    }

    /** The exact cover hash string (not a distance search). */
    public IssueFilter coverHash(String hash) {
        return put("cover_hash", hash);
    }

    /** The rating name, case-insensitive exact (e.g. {@code Teen}). */
    public IssueFilter rating(String rating) {
        return put("rating", rating);
    }

    /** Issues crediting this creator. */
    public IssueFilter creatorId(int id) {
        return put("creator_id", id);
    }

    /** Issues with this character. */
    public IssueFilter characterId(int id) {
        return put("character_id", id);
    }

    /** Issues with this team. */
    public IssueFilter teamId(int id) {
        return put("team_id", id);
    }

    /** Issues in this universe. */
    public IssueFilter universeId(int id) {
        return put("universe_id", id);
    }

    /** Issues with a credit in any of these roles. */
    public IssueFilter roleIds(int... ids) {
        return put("role_id", Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }
}
