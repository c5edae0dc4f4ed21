package dev.metronome.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Null-normalising helpers used by the records' compact constructors. */
final class Values {

    private Values() {
    }

    /** {@code null} becomes {@code ""}; other text is trimmed. */
    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** An unmodifiable copy without {@code null} elements; {@code null} becomes an empty list. */
    static <T> List<T> list(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            if (value != null) {
                copy.add(value);
            }
        }
        return List.copyOf(copy);
    }

    /** {@code null} becomes {@link Optional#empty()}. */
    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** {@code null} becomes {@link OptionalInt#empty()}. */
    static OptionalInt optional(OptionalInt value) {
        return value == null ? OptionalInt.empty() : value;
    }

    /** {@code null} becomes the fallback. */
    static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
