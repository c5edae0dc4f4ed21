package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameListTest {

    @Test
    void splitsOnCommasAndSemicolonsKeepingSuffixes() {
        assertThat(NameList.split("Roy Thomas, Jr., Gil Kane; John Buscema, III")).containsExactly("Roy Thomas, Jr.", "Gil Kane", "John Buscema, III");
        assertThat(NameList.split(" , ,")).isEmpty();
        assertThat(NameList.split(null)).isEmpty();
    }

    @Test
    void peopleWithCommasAreWrittenSoTheyReadBack() {
        List<String> names = List.of("Roy Thomas, Jr.", "Stern, Roger", "A, B, C", "Gil Kane", "gil kane");
        String text = NameList.joinPeople(names);
        assertThat(text).isEqualTo("Roy Thomas, Jr., Roger Stern, A B C, Gil Kane");
        assertThat(NameList.split(text)).containsExactly("Roy Thomas, Jr.", "Roger Stern", "A B C", "Gil Kane");
    }

    @Test
    void otherNamesLoseInnerCommas() {
        assertThat(NameList.joinNames(List.of("Rocket, the Raccoon", "Groot"))).isEqualTo("Rocket the Raccoon, Groot");
    }
}
