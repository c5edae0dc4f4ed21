package dev.metronome.filename;

/**
 * One value understood from a file or folder name, with how sure the parser is about it.
 *
 * <p>A field that was not found has a {@code null} value and confidence 0; it is never itself
 * {@code null}, so callers can write {@code parsed.series().value()} without a null check on the field.
 *
 * @param value      the value, or {@code null} when nothing was found
 * @param confidence from 0 (not found / pure guess) to 1 (explicitly marked, e.g. {@code #12})
 * @param <T>        the value type
 */
public record Field<T>(T value, double confidence) {

    private static final Field<?> ABSENT = new Field<>(null, 0.0);

    /** Clamps the confidence into [0, 1]; an absent value always has confidence 0. */
    public Field {
        if (value == null || Double.isNaN(confidence)) {
            confidence = 0.0;
        } else {
            confidence = Math.max(0.0, Math.min(1.0, confidence));
        }
    }

    /**
     * The shared "not found" field.
     *
     * @param <T> the value type
     * @return a field with no value and confidence 0
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    /**
     * A field holding {@code value}; a {@code null} value gives {@link #absent()}.
     *
     * @param value      the value
     * @param confidence how sure the parser is, 0..1
     * @param <T>        the value type
     * @return the field
     */
    public static <T> Field<T> of(T value, double confidence) {
        return value == null ? absent() : new Field<>(value, confidence);
    }

    /**
     * Whether a value was found.
     *
     * @return true if {@link #value()} is not null
     */
    public boolean present() {
        return value != null;
    }

    /**
     * The value, or {@code other} when absent.
     *
     * @param other the fallback
     * @return the value or the fallback
     */
    public T orElse(T other) {
        return value != null ? value : other;
    }
}
