package dev.metronome.coverhash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link CoverHash} with hashes computed by Pillow + numpy + scipy (imagehash.phash re-implemented in
 * a few lines; see {@code src/test/resources/coverhash/SOURCES.md}).
 */
class CoverHashReferenceTest {

    private final CoverHasher hasher = new CoverHasher();

    static Stream<Arguments> referenceHashes() {
        return ReferenceData.table("expected-phash.txt").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> referenceResizes() {
        return ReferenceData.table("expected-resized32.txt").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /**
     * Every reference must match exactly, except lossy WebP: TwelveMonkeys' VP8 decoder converts YUV to RGB
     * slightly differently from libwebp, so the decoded pixels (not the hash) differ; the table gives a bound.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("referenceHashes")
    void matchesPythonImagehash(String file, String expected) {
        String[] columns = expected.split("\t");
        String expectedHex = columns[0];
        CoverHasher.Result result = hasher.hash(ReferenceData.bytes(file), file);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.hash()).isPresent();
        String actualHex = result.hash().get().hex();
        if (columns.length == 1) {
            assertThat(actualHex).as("%s: distance %d from Python's hash", file,
                    CoverHash.distance(actualHex, expectedHex)).isEqualTo(expectedHex);
        } else {
            assertThat(CoverHash.distance(actualHex, expectedHex)).as("%s: %s vs Python's %s", file, actualHex,
                    expectedHex).isLessThanOrEqualTo(Integer.parseInt(columns[1]));
        }
    }

    @Test
    void allButTheLossyWebpReferenceMustMatchExactly() {
        assertThat(ReferenceData.table("expected-phash.txt").entrySet())
                .filteredOn(e -> e.getValue().contains("\t"))
                .extracting(Map.Entry::getKey).containsExactly("../images/lossy.webp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceResizes")
    void grayscaleAndLanczosMatchPillowPixelForPixel(String file, String expectedCsv) {
        BufferedImage image = new CoverImageReader().read(ReferenceData.bytes(file), file).image().orElseThrow();
        int[] expected = Arrays.stream(expectedCsv.split(",")).mapToInt(Integer::parseInt).toArray();

        int[] gray = PillowGrayscale.luma(image);
        int[] actual = PillowLanczos.resize(gray, image.getWidth(), image.getHeight(), 32, 32);

        assertThat(actual).containsExactly(expected);
    }

    @Test
    void referenceTableCoversEveryFormatWeDecode() {
        Map<String, String> table = ReferenceData.table("expected-phash.txt");
        assertThat(table.keySet()).anyMatch(f -> f.endsWith(".png")).anyMatch(f -> f.endsWith(".jpg"))
                .anyMatch(f -> f.endsWith(".gif")).anyMatch(f -> f.endsWith(".bmp"))
                .anyMatch(f -> f.endsWith(".webp"));
    }
}
