package dev.metronome.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTemplateTest {

    private static final IssueFields SAGA = new IssueFields("Saga", "Saga", "1", "2012", "1", "Chapter One", "2012", "3",
            "Image", "", "Single Issue", "54", "516881", "saga_01", "cbz");

    private static List<String> render(String template, IssueFields fields) {
        return NameTemplate.parse(template).render(fields, SafeNames.DEFAULT);
    }

    @Test
    void theDefaultTemplateIsTheKomgaKavitaMylarLayout() {
        assertThat(render(null, SAGA)).containsExactly("Image", "Saga (2012)", "Saga 001 (2012).cbz");
    }

    @Test
    void everyTokenHasAValue() {
        assertThat(render("{series}|{sort_name}|{volume:2}|{year_began}|{number}|{title}|{year}|{month:2}|{publisher}|{imprint}"
                + "|{format}|{issue_count}|{metron_id}|{filename}.{ext}", SAGA))
                .containsExactly("Saga-Saga-01-2012-1-Chapter One-2012-03-Image--Single Issue-54-516881-saga_01.cbz");
    }

    @Test
    void optionalPartsVanishWhenTheirTokenIsEmpty() {
        String template = "{series}[ v{volume}][ - {imprint}] {number:3}";
        assertThat(render(template, SAGA)).containsExactly("Saga v1 001.cbz");
        IssueFields imprinted = new IssueFields("Sandman", "", "", "", "1", "", "", "", "DC", "Vertigo", "", "", "", "x", "cbr");
        assertThat(render(template, imprinted)).containsExactly("Sandman - Vertigo 001.cbr");
    }

    @Test
    void anOptionalFolderVanishesAndAnEmptyFolderIsLeftOut() {
        IssueFields noPublisher = new IssueFields("Saga", "", "", "", "2", "", "", "", "", "", "", "", "", "x", "cbz");
        assertThat(render("{publisher}/[{imprint}/]{series} ({year_began})/{series} {number:3} ({year})", noPublisher))
                .containsExactly("Saga", "Saga 002.cbz");
    }

    @Test
    void theExtensionIsAddedWhenTheTemplateHasNone() {
        assertThat(render("{series} #{number}", SAGA)).containsExactly("Saga #1.cbz");
    }

    @Test
    void literalBracketsAreDoubled() {
        assertThat(render("{series} [[{year}]] {{x}}", SAGA)).containsExactly("Saga [2012] {x}.cbz");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{publisher}/{seris}; unknown token {seris} (did you mean {series}?); 13",
            "{series} {number:x}; padding 'x' in {number:x} is not a width such as 3; 17",
            "{series} {title:3}; {title} cannot be padded, only numbers can; 10",
            "{series; '{' is never closed; 1",
            "{series}}; '}' closes nothing (write '}}' for a brace); 9",
            "[{series} [{number}]]; '[' inside an optional part; 11",
            "{series} [{number}; '[' is never closed; 10",
            "{series} ]; ']' closes nothing; 10",
            "[ v ]{series}; the optional part has no {token}; 1",
            "{series}/; the template ends with '/'; 9",
            "/{series}; cannot start with '/'; 1",
            "plain; the template has no {token}; 1",
            "{} x; empty token {}; 1"})
    void aBadTemplateIsOneLinePointingAtTheBadToken(String template, String problem, int column) {
        assertThatThrownBy(() -> NameTemplate.parse(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("at column " + column)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1; 3; 001", "12; 3; 012", "1234; 3; 1234", "1.5; 3; 001.5", "-1; 3; -001", "½; 3; 000.5", "1½; 3; 001.5",
            "1/2; 3; 000.5", "¼; 0; 0.25", "12AU; 3; 012AU", "#7; 3; 007", "∞; 3; ∞", "Annual; 3; Annual", "１２; 3; 012"})
    void numbersBecomeReadableAndArePadded(String raw, int width, String expected) {
        String readable = ReadableNumbers.readable(raw);
        assertThat(width == 0 ? readable : ReadableNumbers.pad(readable, width)).isEqualTo(expected);
    }
}
