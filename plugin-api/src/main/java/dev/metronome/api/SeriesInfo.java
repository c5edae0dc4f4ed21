package dev.metronome.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The series an issue belongs to. Series ids live in {@link ExternalId}s of kind {@link ExternalId.Kind#SERIES}.
 *
 * @param name the series' name, or {@code ""}
 * @param sortName the name to sort by ({@code "Spectacular Spider-Man"}), or {@code ""}
 * @param alternativeNames other names of the series
 * @param volume the volume number
 * @param yearBegan the year the series began
 * @param issueCount how many issues the series has (ComicInfo {@code Count})
 * @param volumeCount how many volumes the series has
 * @param format the series type or format ({@code "Limited Series"}, {@code "Trade Paperback"}), or {@code ""}
 * @param language the ISO 639-1 language code ({@code "en"}), or {@code ""}
 */
public record SeriesInfo(
        String name,
        String sortName,
        List<AlternativeName> alternativeNames,
        OptionalInt volume,
        OptionalInt yearBegan,
        OptionalInt issueCount,
        OptionalInt volumeCount,
        String format,
        String language) {

    /** Normalises every {@code null} to its empty value and copies lists. */
    public SeriesInfo {
        name = Values.text(name);
        sortName = Values.text(sortName);
        alternativeNames = Values.list(alternativeNames);
        volume = Values.optional(volume);
        yearBegan = Values.optional(yearBegan);
        issueCount = Values.optional(issueCount);
        volumeCount = Values.optional(volumeCount);
        format = Values.text(format);
        language = Values.text(language);
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .sortName(sortName)
                .alternativeNames(alternativeNames)
                .volume(volume)
                .yearBegan(yearBegan)
                .issueCount(issueCount)
                .volumeCount(volumeCount)
                .format(format)
                .language(language);
    }

    /** An empty series. */
    public static final SeriesInfo NONE = builder().build();

    /** A series with just a name. */
    public static SeriesInfo named(String name) {
        return builder().name(name).build();
    }

    /** Whether the series has no name. */
    public boolean isEmpty() {
        return name.isEmpty();
    }

    /** A mutable builder; {@link #build()} normalises and copies. */
    public static final class Builder {
        private String name = "";
        private String sortName = "";
        private List<AlternativeName> alternativeNames = List.of();
        private OptionalInt volume = OptionalInt.empty();
        private OptionalInt yearBegan = OptionalInt.empty();
        private OptionalInt issueCount = OptionalInt.empty();
        private OptionalInt volumeCount = OptionalInt.empty();
        private String format = "";
        private String language = "";

        private Builder() {
        }

        /** Sets name: the series' name, or {@code ""}. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }
        /** Sets sortName: the name to sort by ({@code "Spectacular Spider-Man"}), or {@code ""}. */
        public Builder sortName(String value) {
            this.sortName = value;
            return this;
        }
        /** Sets alternativeNames: other names of the series. */
        public Builder alternativeNames(List<AlternativeName> value) {
            this.alternativeNames = value;
            return this;
        }
        /** Adds one element to alternativeNames. */
        public Builder addAlternativeName(AlternativeName value) {
            java.util.List<AlternativeName> copy = new java.util.ArrayList<>(this.alternativeNames == null ? List.of() : this.alternativeNames);
            copy.add(value);
            this.alternativeNames = copy;
            return this;
        }
        /** Sets volume: the volume number. */
        public Builder volume(OptionalInt value) {
            this.volume = value;
            return this;
        }
        /** Sets volume. */
        public Builder volume(int value) {
            this.volume = OptionalInt.of(value);
            return this;
        }
        /** Sets yearBegan: the year the series began. */
        public Builder yearBegan(OptionalInt value) {
            this.yearBegan = value;
            return this;
        }
        /** Sets yearBegan. */
        public Builder yearBegan(int value) {
            this.yearBegan = OptionalInt.of(value);
            return this;
        }
        /** Sets issueCount: how many issues the series has (ComicInfo {@code Count}). */
        public Builder issueCount(OptionalInt value) {
            this.issueCount = value;
            return this;
        }
        /** Sets issueCount. */
        public Builder issueCount(int value) {
            this.issueCount = OptionalInt.of(value);
            return this;
        }
        /** Sets volumeCount: how many volumes the series has. */
        public Builder volumeCount(OptionalInt value) {
            this.volumeCount = value;
            return this;
        }
        /** Sets volumeCount. */
        public Builder volumeCount(int value) {
            this.volumeCount = OptionalInt.of(value);
            return this;
        }
        /** Sets format: the series type or format ({@code "Limited Series"}, {@code "Trade Paperback"}), or {@code ""}. */
        public Builder format(String value) {
            this.format = value;
            return this;
        }
        /** Sets language: the ISO 639-1 language code ({@code "en"}), or {@code ""}. */
        public Builder language(String value) {
            this.language = value;
            return this;
        }

        /** The immutable value. */
        public SeriesInfo build() {
            return new SeriesInfo(name, sortName, alternativeNames, volume, yearBegan, issueCount, volumeCount, format, language);
        }
    }
}
