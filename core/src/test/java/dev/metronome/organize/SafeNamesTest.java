package dev.metronome.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNamesTest {

    private final SafeNames names = SafeNames.DEFAULT;

    private static IssueFields titled(String series, String number) {
        return new IssueFields(series, "", "", "", number, "", "", "", "", "", "", "", "", "x", "cbz");
    }

    /** The table of tricky names, through the whole template path. */
    @ParameterizedTest(name = "{0} #{1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "AT&T: Tales?; 1; AT&T - Tales 001.cbz",
            "Ms. Marvel; 1; Ms. Marvel 001.cbz",
            "Batman; ½; Batman 000.5.cbz",
            "CON; 1; CON 001.cbz",
            "Trailing dot.; 1; Trailing dot. 001.cbz",
            "Über 🦸‍♀️ Heroes; 3; Über 🦸‍♀️ Heroes 003.cbz",
            "What If...?; 2; What If... 002.cbz",
            "Spider-Man/Deadpool; 1; Spider-Man-Deadpool 001.cbz"})
    void trickyNamesInAFileName(String series, String number, String expected) {
        List<String> rendered = NameTemplate.parse("{series} {number:3}").render(titled(series, number), names);
        assertThat(rendered).containsExactly(expected);
    }

    @ParameterizedTest(name = "folder {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "AT&T: Tales?; AT&T - Tales",
            "Ms. Marvel; Ms. Marvel",
            "CON; CON_",
            "nul; nul_",
            "Com1; Com1_",
            "LPT9.old; LPT9_.old",
            "CONTENT; CONTENT",
            "Trailing dot.; Trailing dot",
            "Dots...; Dots",
            "'  spaces  '; spaces",
            "...Hidden; Hidden",
            "½; ½"})
    void trickyNamesAsFolders(String raw, String expected) {
        assertThat(names.folder(raw)).isEqualTo(expected);
    }

    @Test
    void reservedDeviceNamesAreAvoidedInFileNamesToo() {
        assertThat(names.file("CON", "cbz")).isEqualTo("CON_.cbz");
        assertThat(names.file("aux", "cbr")).isEqualTo("aux_.cbr");
        assertThat(NameTemplate.parse("{series}").render(titled("NUL", "1"), names)).containsExactly("NUL_.cbz");
    }

    @Test
    void quotesAnglesStarsAndPipesAreReplacedOrDropped() {
        assertThat(names.folder("\"Quoted\" <Title> *Star* |Pipe| back\\slash")).isEqualTo("'Quoted' Title Star -Pipe- back-slash");
    }

    @Test
    void controlCharactersAndRunsOfSpacesGo() {
        assertThat(names.folder("Tab\there\n and   spaces \u0007")).isEqualTo("Tab here and spaces");
    }

    @Test
    void unicodeBecomesNfc() {
        String decomposed = Normalizer.normalize("Über Café", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Über Café");
        assertThat(names.folder(decomposed)).isEqualTo("Über Café").matches(s -> Normalizer.isNormalized(s, Normalizer.Form.NFC));
    }

    @Test
    void aThreeHundredByteTitleIsCutTo255BytesKeepingTheExtension() {
        String title = "é".repeat(150); // 300 bytes in UTF-8
        String file = names.file(title, "cbz");
        assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(file).endsWith(".cbz").isEqualTo("é".repeat(125) + ".cbz");
        assertThat(names.folder(title).getBytes(StandardCharsets.UTF_8)).hasSize(254); // 127 whole letters
    }

    @Test
    void aCutNeverBreaksAnEmojiOrACombinedCharacter() {
        String family = "👨‍👩‍👧‍👦"; // one grapheme, 25 bytes
        String title = "x".repeat(240) + family + family;
        String file = names.file(title, "cbz");
        assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(file).isEqualTo("x".repeat(240) + ".cbz");
        String accents = "e\u0301".repeat(100); // decomposed é that NFC composes
        assertThat(names.folder(accents)).isEqualTo("é".repeat(100));
        String cut = SafeNames.cut("a".repeat(253) + "e\u0301", 254);
        assertThat(cut).isEqualTo("a".repeat(253)); // the accent never stands alone
    }

    @Test
    void aNasLimitOf143BytesIsHonoured() {
        SafeNames ecryptfs = new SafeNames(143, 240);
        assertThat(ecryptfs.file("ü".repeat(100), "cbz").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(143);
    }

    @Test
    void aLongPathIsShortenedLongestNameFirstWithinTheLimit() {
        IssueFields fields = new IssueFields("S".repeat(120), "", "", "", "1", "T".repeat(150), "", "", "Publisher", "",
                "", "", "", "x", "cbz");
        List<String> path = NameTemplate.parse("{publisher}/{series}/{series} {number:3} {title}").render(fields, names);
        assertThat(String.join("/", path).length()).isLessThanOrEqualTo(240);
        assertThat(path.get(0)).isEqualTo("Publisher");
        assertThat(path.get(2)).endsWith(".cbz");
        assertThat(path.get(1)).startsWith("SSSS");
    }
}
