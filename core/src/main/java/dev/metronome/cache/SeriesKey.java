package dev.metronome.cache;

import java.text.Normalizer;
import java.util.Locale;

/** Normalizes a series name for lookups: accents and punctuation dropped, lower case, single spaces. */
public final class SeriesKey {

    private SeriesKey() {
    }

    /** {@code "The Amazing Spider-Man"} becomes {@code "the amazing spider man"}. */
    public static String normalize(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
