package dev.metronome.coverhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CoverHashTest {

    @Test
    void hexIsSixteenLowercaseZeroPaddedDigitsAndParsesBack() {
        CoverHash hash = new CoverHash(0x00ab_0000_0000_00ffL);

        assertThat(hash.hex()).isEqualTo("00ab0000000000ff");
        assertThat(CoverHash.parse("00AB0000000000FF")).isEqualTo(hash);
        assertThat(CoverHash.parse("d35615476c3adb81").hex()).isEqualTo("d35615476c3adb81");
    }

    @Test
    void distanceCountsDifferingBits() {
        assertThat(CoverHash.distance("0000000000000000", "0000000000000000")).isZero();
        assertThat(CoverHash.distance("0000000000000000", "ffffffffffffffff")).isEqualTo(64);
        assertThat(CoverHash.distance("d35615476c3adb81", "d35615476c3adb80")).isEqualTo(1);
        assertThat(CoverHash.distance("8000000000000001", "0000000000000000")).isEqualTo(2);
    }

    @Test
    void parseRejectsMalformedHashes() {
        assertThatThrownBy(() -> CoverHash.parse("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> CoverHash.parse("zz5615476c3adb81")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoverHash.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstDctCoefficientIsTheMostSignificantBit() {
        // Row 0 brighter than the rest: the DC and the vertical frequencies dominate; the DC term is the largest
        // value, so it is above the median and lands in the top bit.
        int[] gray = new int[32 * 32];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (i * 7919) % 251; // deterministic texture
        }
        CoverHash hash = CoverHash.ofResizedGray(gray);

        assertThat(hash.bits() >>> 63).isEqualTo(1L);
        assertThat(Long.bitCount(hash.bits())).isBetween(28, 32); // strictly greater than the median
    }

    @Test
    void lanczosKeepsSizeWhenNothingToDo() {
        int[] gray = {1, 2, 3, 4};
        assertThat(PillowLanczos.resize(gray, 2, 2, 2, 2)).containsExactly(1, 2, 3, 4).isNotSameAs(gray);
        assertThat(PillowLanczos.lanczos(0)).isEqualTo(1.0);
        assertThat(PillowLanczos.lanczos(3.0)).isZero();
    }

    @Test
    void grayscaleUsesPillowFixedPointLuma() {
        assertThat(PillowGrayscale.luma(255, 255, 255)).isEqualTo(255);
        assertThat(PillowGrayscale.luma(255, 0, 0)).isEqualTo(76);   // 0.299*255 = 76.2
        assertThat(PillowGrayscale.luma(0, 255, 0)).isEqualTo(150);  // 0.587*255 = 149.7
        assertThat(PillowGrayscale.luma(0, 0, 255)).isEqualTo(29);   // 0.114*255 = 29.07
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 17);
        gray.getRaster().setSample(1, 0, 0, 200);
        assertThat(PillowGrayscale.luma(gray)).containsExactly(17, 200); // raw samples, no gamma conversion
    }

    @Test
    void similarImagesAreCloseAndDifferentImagesFar() throws IOException {
        BufferedImage original = ImageIO.read(new java.io.ByteArrayInputStream(
                ReferenceData.bytes("scene-rgb-640x960.png")));
        BufferedImage smaller = new BufferedImage(320, 480, BufferedImage.TYPE_INT_RGB);
        smaller.createGraphics().drawImage(original, 0, 0, 320, 480, null);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(smaller, "jpg", jpeg);

        CoverHash a = CoverHash.of(original);
        CoverHash b = new CoverHasher().hash(jpeg.toByteArray(), "smaller.jpg").hash().orElseThrow();
        CoverHash other = CoverHash.parse(ReferenceData.table("expected-phash.txt").get("scene-rgb-900x300.png"));

        assertThat(a.distanceTo(b)).isLessThanOrEqualTo(6);
        assertThat(a.distanceTo(other)).isGreaterThan(10);
    }

    @Test
    void badBytesGiveAWarningNotAnException() {
        CoverHasher.Result garbage = new CoverHasher().hash("not an image".getBytes(StandardCharsets.UTF_8),
                "page-001.jpg");
        assertThat(garbage.hash()).isEmpty();
        assertThat(garbage.warnings()).singleElement().asString().startsWith("page-001.jpg: ");

        byte[] png = ReferenceData.bytes("scene-rgb-32x32.png");
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        CoverHasher.Result broken = new CoverHasher().hash(truncated, "cut.png");
        assertThat(broken.hash()).isEmpty();
        assertThat(broken.warnings()).singleElement().asString().startsWith("cut.png: cannot decode image");

        assertThat(new CoverHasher().hash(new byte[0], "empty.png").warnings()).containsExactly(
                "empty.png: empty image data");
    }

    @Test
    void oversizedImagesAreRefusedBeforeDecoding() {
        CoverHasher small = new CoverHasher(new CoverImageReader(1000));
        CoverHasher.Result result = small.hash(ReferenceData.bytes("scene-rgb-640x960.png"), "big.png");

        assertThat(result.hash()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .contains("big.png", "640x960", "0.6 MP", "over the 0.0 MP limit");
    }
}
