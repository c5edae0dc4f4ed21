package dev.metronome.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issue number as printed ({@code "1"}, {@code "1.5"}, {@code "½"}, {@code "-1"}, {@code "12AU"},
 * {@code "∞"}), with a numeric key for sorting.
 *
 * <p>The sort key is the leading number of the text: {@code "12AU"} sorts as 12, {@code "½"} as 0.5,
 * {@code "∞"} after every number. Text without a number has no key and sorts after numbers, by text.
 *
 * @param raw the number as written, trimmed; {@code ""} when the issue has none
 */
public record IssueNumber(String raw) implements Comparable<IssueNumber> {

    /** No number. */
    public static final IssueNumber NONE = new IssueNumber("");

    private static final Pattern LEADING_NUMBER = Pattern.compile("^#?\\s*(-?\\d+(?:[.,]\\d+)?)?\\s*([½¼¾])?");
    private static final BigDecimal INFINITY_KEY = new BigDecimal("1E12");
    private static final Comparator<IssueNumber> ORDER = Comparator
            .comparing((IssueNumber n) -> n.sortKey().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IssueNumber::raw);

    /** Trims the text; {@code null} becomes {@code ""}. */
    public IssueNumber {
        raw = Values.text(raw);
    }

    /** The issue number for this text. */
    public static IssueNumber of(String raw) {
        return new IssueNumber(raw);
    }

    /** Whether there is no number. */
    public boolean isEmpty() {
        return raw.isEmpty();
    }

    /** The numeric key for sorting, if the text starts with a number (or is a fraction or ∞). */
    public Optional<BigDecimal> sortKey() {
        if (raw.equals("∞")) {
            return Optional.of(INFINITY_KEY);
        }
        Matcher matcher = LEADING_NUMBER.matcher(raw);
        if (!matcher.find() || (matcher.group(1) == null && matcher.group(2) == null)) {
            return Optional.empty();
        }
        BigDecimal key = matcher.group(1) == null ? BigDecimal.ZERO
                : new BigDecimal(matcher.group(1).replace(',', '.'));
        if (matcher.group(2) != null) {
            BigDecimal fraction = switch (matcher.group(2)) {
                case "½" -> new BigDecimal("0.5");
                case "¼" -> new BigDecimal("0.25");
                default -> new BigDecimal("0.75");
            };
            key = key.signum() < 0 ? key.subtract(fraction) : key.add(fraction);
        }
        return Optional.of(key);
    }

    /** Orders by sort key, then by text; numbers without a key come last. */
    @Override
    public int compareTo(IssueNumber other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return raw;
    }
}
