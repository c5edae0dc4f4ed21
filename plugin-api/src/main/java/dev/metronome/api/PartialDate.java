package dev.metronome.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A date of which only the year, or the year and month, may be known (ComicInfo's Year/Month/Day).
 *
 * @param year  the year
 * @param month the month 1-12, if known
 * @param day   the day of the month, if known (only with a month)
 */
public record PartialDate(int year, OptionalInt month, OptionalInt day) {

    /** Checks the ranges and that the date exists when complete. */
    public PartialDate {
        month = Values.optional(month);
        day = Values.optional(day);
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month.isPresent() && (month.getAsInt() < 1 || month.getAsInt() > 12)) {
            throw new IllegalArgumentException("month out of range: " + month.getAsInt());
        }
        if (day.isPresent()) {
            if (month.isEmpty()) {
                throw new IllegalArgumentException("a day needs a month");
            }
            LocalDate.of(year, month.getAsInt(), day.getAsInt()); // throws DateTimeException when impossible
        }
    }

    /** A year alone. */
    public static PartialDate ofYear(int year) {
        return new PartialDate(year, OptionalInt.empty(), OptionalInt.empty());
    }

    /** A year and month. */
    public static PartialDate ofMonth(int year, int month) {
        return new PartialDate(year, OptionalInt.of(month), OptionalInt.empty());
    }

    /** A complete date. */
    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), OptionalInt.of(date.getMonthValue()), OptionalInt.of(date.getDayOfMonth()));
    }

    /** The complete date, if the day is known. */
    public Optional<LocalDate> toLocalDate() {
        return day.isPresent() ? Optional.of(LocalDate.of(year, month.getAsInt(), day.getAsInt())) : Optional.empty();
    }

    /** The date, with an unknown month or day taken as the first. */
    public LocalDate firstDay() {
        return LocalDate.of(year, month.orElse(1), day.orElse(1));
    }
}
