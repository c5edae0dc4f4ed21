package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.Credit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CreditRoleMappingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Writer|WRITER", "Script|WRITER", "Story|WRITER", "Plot|WRITER",
            "Penciller|PENCILLER", "Breakdowns|PENCILLER", "Layouts|PENCILLER",
            "Artist|PENCILLER INKER",
            "Inker|INKER", "Finishes|INKER",
            "Colorist|COLORIST", "Color Separations|COLORIST",
            "Letterer|LETTERER", "Cover|COVER_ARTIST",
            "Editor|EDITOR", "Editor In Chief|EDITOR", "Assistant Editor|EDITOR", "Associate Editor|EDITOR", "Consulting Editor|EDITOR",
            "Translator|TRANSLATOR", "editor in chief|EDITOR", " writer |WRITER"})
    void metronRolesMapToComicInfoFields(String role, String fields) {
        assertThat(CreditRoleMapping.fieldsFor(role)).extracting(Enum::name)
                .containsExactlyInAnyOrder(fields.split(" "));
    }

    @ParameterizedTest
    @CsvSource({"Designer", "Production", "Color Assists", "Group Editor", "Publisher", "Other", "Interviewer"})
    void otherRolesHaveNoComicInfoField(String role) {
        assertThat(CreditRoleMapping.fieldsFor(role)).isEmpty();
    }

    @Test
    void namesAreDeduplicatedPerFieldIgnoringCase() {
        Map<CreditField, List<String>> fields = CreditRoleMapping.toFields(List.of(
                Credit.of("Bruce Patterson", "Inker", "Letterer"),
                Credit.of("Jim Lee", "Artist", "Penciller"),
                Credit.of("JIM LEE", "Inker"),
                Credit.of("Jim Shooter", "Editor In Chief"),
                Credit.of("Dennis O'Neil", "Editor"),
                Credit.of("Nobody", "Designer")));
        assertThat(fields.get(CreditField.INKER)).containsExactly("Bruce Patterson", "Jim Lee");
        assertThat(fields.get(CreditField.PENCILLER)).containsExactly("Jim Lee");
        assertThat(fields.get(CreditField.LETTERER)).containsExactly("Bruce Patterson");
        assertThat(fields.get(CreditField.EDITOR)).containsExactly("Jim Shooter", "Dennis O'Neil");
        assertThat(fields).doesNotContainKey(CreditField.WRITER);
        assertThat(CreditRoleMapping.unmappedRoles(Credit.of("Nobody", "Designer", "Writer"))).containsExactly("Designer");
    }

    @Test
    void everyFieldReadsBackAsARoleThatMapsToIt() {
        for (CreditField field : CreditField.values()) {
            assertThat(CreditRoleMapping.fieldsFor(field.role())).contains(field);
        }
    }
}
