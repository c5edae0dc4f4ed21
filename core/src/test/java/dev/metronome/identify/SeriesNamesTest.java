package dev.metronome.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How series names are normalized and compared. */
class SeriesNamesTest {

    @Test
    void keyIgnoresCasePunctuationDiacriticsTheAndAmpersand() {
        assertThat(SeriesNames.key("The Amazing Spider-Man & Co.")).isEqualTo("amazing spider man co");
        assertThat(SeriesNames.key("SAGA")).isEqualTo("saga");
        assertThat(SeriesNames.key("Pokémon Adventures")).isEqualTo("pokemon adventures");
        assertThat(SeriesNames.key("Astérix")).isEqualTo(SeriesNames.key("asterix"));
        assertThat(SeriesNames.key("The Walking Dead")).isEqualTo("walking dead");
        assertThat(SeriesNames.key("Batman & Robin")).isEqualTo("batman robin")
                .isEqualTo(SeriesNames.key("Batman and Robin"));
        assertThat(SeriesNames.key("X-Men: Red")).isEqualTo("x men red");
        assertThat(SeriesNames.key("Spider-Man 2099")).isEqualTo("spider man 2099");
        assertThat(SeriesNames.key("  Saga  ")).isEqualTo("saga");
    }

    @Test
    void keyOfNothingIsEmpty() {
        assertThat(SeriesNames.key(null)).isEmpty();
        assertThat(SeriesNames.key("")).isEmpty();
        assertThat(SeriesNames.key("The")).isEmpty();
        assertThat(SeriesNames.key("&")).isEmpty();
        assertThat(SeriesNames.key("!!! ...")).isEmpty();
    }

    @Test
    void keyKeepsWordsThatMatter() {
        // different series stay different
        assertThat(SeriesNames.key("Uncanny X-Men")).isNotEqualTo(SeriesNames.key("X-Men"));
        assertThat(SeriesNames.key("Spider-Man 2099")).isNotEqualTo(SeriesNames.key("Spider-Man"));
    }

    @Test
    void similarityIsOneForTheSameNameAfterNormalization() {
        assertThat(SeriesNames.similarity("The Flash", "flash")).isEqualTo(1.0);
        assertThat(SeriesNames.similarity("Batman & Robin", "Batman and Robin")).isEqualTo(1.0);
        assertThat(SeriesNames.similarity("Pokémon", "POKEMON")).isEqualTo(1.0);
    }

    @Test
    void similarityOfNamesDifferingOnlyBySpacesIsAlmostOne() {
        assertThat(SeriesNames.similarity("Spider-Man", "Spiderman")).isEqualTo(0.98);
    }

    @Test
    void similarityFallsWithTheEditDistance() {
        // one substitution in six letters
        assertThat(SeriesNames.similarity("Batman", "Batmen")).isCloseTo(1 - 1.0 / 6, within(1e-9));
        // a swap of two neighbouring letters is one edit, not two: 1 - 1/9, not 1 - 2/9
        assertThat(SeriesNames.similarity("Spiedr-Man", "Spider-Man")).isCloseTo(1 - 1.0 / 9, within(1e-9));
        // nothing in common
        assertThat(SeriesNames.similarity("Saga", "Xyzw")).isEqualTo(0.0);
        // longer distance, lower similarity
        assertThat(SeriesNames.similarity("Saga", "Sage")).isGreaterThan(SeriesNames.similarity("Saga", "Sake"));
    }

    @Test
    void similarityIsSymmetric() {
        assertThat(SeriesNames.similarity("Invincible", "Invincilbe"))
                .isEqualTo(SeriesNames.similarity("Invincilbe", "Invincible"));
        assertThat(SeriesNames.similarity("Ms. Marvel", "Ms. Marvel Digital"))
                .isEqualTo(SeriesNames.similarity("Ms. Marvel Digital", "Ms. Marvel"));
    }

    @Test
    void similarityOfAnEmptyNameIsZero() {
        assertThat(SeriesNames.similarity("", "Saga")).isZero();
        assertThat(SeriesNames.similarity("Saga", null)).isZero();
        assertThat(SeriesNames.similarity("The", "The")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"spiedr, spider", "psider, spider", "spidre, spider", "sgaa, saga", "uncnany x men, uncanny x men"})
    void oneTranspositionFindsTwoSwappedNeighbours(String typo, String right) {
        assertThat(SeriesNames.oneTransposition(typo, right)).isTrue();
        assertThat(SeriesNames.oneTransposition(right, typo)).isTrue();
    }

    @Test
    void oneTranspositionIsFalseOtherwise() {
        // equal strings
        assertThat(SeriesNames.oneTransposition("spider", "spider")).isFalse();
        assertThat(SeriesNames.oneTransposition("", "")).isFalse();
        // different lengths
        assertThat(SeriesNames.oneTransposition("spidr", "spider")).isFalse();
        assertThat(SeriesNames.oneTransposition("spiderr", "spider")).isFalse();
        // two swaps
        assertThat(SeriesNames.oneTransposition("psiedr", "spider")).isFalse();
        // letters swapped that are not neighbours
        assertThat(SeriesNames.oneTransposition("sridep", "spider")).isFalse();
        // a substitution, not a swap
        assertThat(SeriesNames.oneTransposition("spidor", "spider")).isFalse();
        // non-letters swapped: digits, a space and a letter, punctuation
        assertThat(SeriesNames.oneTransposition("ab21", "ab12")).isFalse();
        assertThat(SeriesNames.oneTransposition("abc d", "ab cd")).isFalse();
        assertThat(SeriesNames.oneTransposition("x-men", "-xmen")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "IMG", "comic", "Scans", "img", "DSC", "untitled"})
    void scannerAndCameraDefaultsArePlaceholders(String name) {
        assertThat(SeriesNames.placeholder(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Saga", "Batman", "Scan Man", "Comic Book Girl", "Images"})
    void seriesNamesAreNotPlaceholders(String name) {
        assertThat(SeriesNames.placeholder(name)).isFalse();
    }

    @Test
    void queryWordsAreTheKeysWords() {
        assertThat(SeriesNames.queryWords("The Uncanny X-Men")).containsExactly("uncanny", "x", "men");
        assertThat(SeriesNames.queryWords("The")).isEmpty();
    }

    @Test
    void fromDisplayDropsTheYear() {
        assertThat(SeriesNames.fromDisplay("Death of the Inhumans (2018)")).isEqualTo("Death of the Inhumans");
        assertThat(SeriesNames.fromDisplay("Ms. Marvel (2014) Digital")).isEqualTo("Ms. Marvel Digital");
        assertThat(SeriesNames.fromDisplay(null)).isEmpty();
    }
}
