package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the input, the parser returns a complete result and does not hang. The per-try timeout is a
 * hang guard (catastrophic backtracking, endless loops), not a speed test: speed is measured by JMH.
 */
class FilenameParserPropertiesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(1);
    private static final FilenameParser PARSER = new FilenameParser();

    @Property(tries = 1000)
    void anyUnicodeStringParses(@ForAll("unicode") String name) {
        ParsedName p = assertTimeoutPreemptively(HANG_GUARD, () -> PARSER.parse(name));
        assertWellFormed(p, name);
    }

    @Property(tries = 1000)
    void nameLikeNoiseParses(@ForAll("nameLike") String name) {
        ParsedName p = assertTimeoutPreemptively(HANG_GUARD, () -> PARSER.parse(name));
        assertWellFormed(p, name);
    }

    @Property(tries = 500)
    void anyFolderContextParses(@ForAll("nameLike") String name,
            @ForAll @Size(max = 4) List<@From("unicodeOrNameLike") String> folders) {
        ParsedName p = assertTimeoutPreemptively(HANG_GUARD, () -> PARSER.parse(name, folders));
        assertWellFormed(p, name);
        assertThat(p.folders().size()).isLessThanOrEqualTo(2);
    }

    @Property(tries = 1000)
    void anyPathParses(@ForAll @Size(min = 1, max = 5) List<@From("unicodeOrNameLike") String> segments) {
        Path path;
        try {
            path = Path.of("", segments.stream().map(s -> s.replace('\0', ' ')).toArray(String[]::new));
        } catch (InvalidPathException e) {
            return; // not a path this file system can name; nothing to parse
        }
        ParsedName p = assertTimeoutPreemptively(HANG_GUARD, () -> PARSER.parse(path));
        assertThat(p).isNotNull();
        assertWellFormed(p, p.input());
    }

    @Property(tries = 20)
    void veryLongNamesParse(@ForAll("nameLike") String piece) {
        String name = piece.repeat(5000 / Math.max(1, piece.length()) + 1);
        ParsedName p = assertTimeoutPreemptively(HANG_GUARD, () -> PARSER.parse(name));
        assertWellFormed(p, name);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    /** Strings built from the characters and words the parser reacts to, to reach its deeper branches. */
    @Provide
    Arbitrary<String> nameLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("#", "(", ")", "[", "]", "{", "}", "-", "--", "_", "__", " ", " - ", ".", ":", ",",
                        "'", "$", "%", "%2", "%20", "½", "∞", "/", "of", "v", "vol.", "Vol", "volume", "book",
                        "Annual", "TPB", "c2c", "FCBD", "digital", "Digital-Empire", "Issue", "No.", "Prog", "Sep-Oct",
                        "January", "DC", "Marvel", ".cbz", ".cbr", "'95", "1/2", "1.MU", "5AU", "-1", "1-6"),
                Arbitraries.integers().between(0, 3000).map(String::valueOf),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(3));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> unicodeOrNameLike() {
        return Arbitraries.oneOf(unicode(), nameLike());
    }

    private static void assertWellFormed(ParsedName p, String input) {
        assertThat(p).isNotNull();
        assertThat(p.input()).isEqualTo(input == null ? "" : input);
        for (Field<?> f : List.of(p.series(), p.issue(), p.volume(), p.volumeCount(), p.year(), p.issueCount(),
                p.title(), p.publisher(), p.alternateNumber(), p.scanGroup())) {
            assertThat(f).isNotNull();
            assertThat(f.confidence()).isBetween(0.0, 1.0);
            assertThat(f.present() || f.confidence() == 0.0).isTrue();
        }
        assertThat(p.flagConfidence().keySet()).isEqualTo(p.flags());
        assertThat(p.notes()).noneMatch(n -> n.startsWith("could not parse"));
    }
}
