package dev.metronome.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick magic-number check answers what Tika answers, for every archive fixture and a few non-archives. */
class FormatDetectorTest {

    @TempDir
    Path dir;

    @Test
    void theQuickCheckAgreesWithTika() throws IOException {
        Path fixtures = Path.of("src/test/resources/archives");
        int checked = 0;
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
                Optional<ArchiveFormat> quick = FormatDetector.byMagic(head);
                if (quick.isPresent()) {
                    assertThat(quick).as(file.toString()).isEqualTo(FormatDetector.toFormat(FormatDetector.detectType(file)));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3);
        Path text = Files.writeString(dir.resolve("x.cbz"), "PK but not a zip");
        assertThat(FormatDetector.byMagic(Files.readAllBytes(text))).isEmpty();
        assertThat(FormatDetector.detect(text)).isEqualTo(FormatDetector.toFormat(FormatDetector.detectType(text)));
        Path empty = Files.write(dir.resolve("empty.cbz"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0});
        assertThat(FormatDetector.detect(empty)).contains(ArchiveFormat.CBZ);
    }
}
