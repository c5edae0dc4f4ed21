package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.comicinfo.ImageHeaders.ImageSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes from real image bytes, made with ImageIO or taken from cwebp output. */
class ImageHeadersTest {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, format.equals("jpeg") || format.equals("bmp")
                ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
    void readsGeneratedImages(String format) throws IOException {
        assertThat(ImageHeaders.read(image(format, 123, 456))).contains(new ImageSize(format, 123, 456));
        assertThat(ImageHeaders.read(image(format, 1, 1))).contains(new ImageSize(format, 1, 1));
    }

    @Test
    void progressiveJpeg() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] bytes = out.toByteArray();
        assertThat(indexOf(bytes, new byte[] {(byte) 0xFF, (byte) 0xC2})).as("an SOF2 marker").isPositive();
        assertThat(ImageHeaders.read(bytes)).contains(new ImageSize("jpeg", 320, 200));
    }

    @Test
    void jpegWithABigExifSegmentBeforeTheFrame() throws IOException {
        byte[] jpeg = image("jpeg", 640, 960);
        byte[] app1 = new byte[4 + 60_000];
        app1[0] = (byte) 0xFF;
        app1[1] = (byte) 0xE1;
        app1[2] = (byte) ((60_002 >> 8) & 0xFF);
        app1[3] = (byte) (60_002 & 0xFF);
        Arrays.fill(app1, 4, app1.length, (byte) 0xFF); // marker-like bytes inside the segment must be skipped
        byte[] withExif = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, withExif, 0, 2);
        System.arraycopy(app1, 0, withExif, 2, app1.length);
        System.arraycopy(jpeg, 2, withExif, 2 + app1.length, jpeg.length - 2);
        assertThat(ImageIO.read(new ByteArrayInputStream(withExif)).getWidth()).isEqualTo(640);
        assertThat(ImageHeaders.read(withExif)).contains(new ImageSize("jpeg", 640, 960));
    }

    @Test
    void webpLossyAndLosslessMatchTheDecoder() throws IOException {
        for (String file : new String[] {"/images/lossy.webp", "/images/lossless.webp"}) {
            byte[] bytes = TestFiles.bytes(file);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
            Optional<ImageSize> size = ImageHeaders.read(bytes);
            assertThat(size).as(file).contains(new ImageSize("webp", decoded.getWidth(), decoded.getHeight()));
        }
        assertThat(ImageHeaders.read(TestFiles.bytes("/images/lossy.webp"))).contains(new ImageSize("webp", 473, 110));
    }

    @Test
    void webpExtendedHeader() {
        byte[] vp8x = new byte[30];
        put(vp8x, 0, "RIFF");
        put(vp8x, 8, "WEBPVP8X");
        vp8x[16] = 10; // chunk size
        int width = 2999 - 1;
        int height = 4001 - 1;
        vp8x[24] = (byte) width;
        vp8x[25] = (byte) (width >> 8);
        vp8x[26] = (byte) (width >> 16);
        vp8x[27] = (byte) height;
        vp8x[28] = (byte) (height >> 8);
        vp8x[29] = (byte) (height >> 16);
        assertThat(ImageHeaders.read(vp8x)).contains(new ImageSize("webp", 2999, 4001));
    }

    @Test
    void unknownTruncatedAndEmptyInputGiveNothing() throws IOException {
        byte[] png = image("png", 10, 10);
        assertThat(ImageHeaders.read(Arrays.copyOf(png, 20))).isEmpty();
        assertThat(ImageHeaders.read(Arrays.copyOf(image("jpeg", 10, 10), 40))).isEmpty();
        assertThat(ImageHeaders.read(new byte[0])).isEmpty();
        assertThat(ImageHeaders.read("<?xml version='1.0'?>".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void readsOnlyTheHeaderOfAStream() throws IOException {
        byte[] png = image("png", 50, 70);
        ByteArrayInputStream in = new ByteArrayInputStream(png);
        assertThat(ImageHeaders.read(in)).contains(new ImageSize("png", 50, 70));
        assertThat(in.available()).isEqualTo(png.length - 24);
    }

    private static void put(byte[] bytes, int offset, String ascii) {
        byte[] text = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, offset, text.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
