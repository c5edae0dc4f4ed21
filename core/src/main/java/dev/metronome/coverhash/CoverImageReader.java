package dev.metronome.coverhash;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes cover images (JPEG, PNG, GIF, BMP through the JDK; WebP through TwelveMonkeys) from bytes without ever
 * throwing: unreadable, unsupported or oversized images give an empty {@link ImageLoad} with one clear warning.
 *
 * <p>The image header is read first; images over the pixel limit are refused before any pixel is decoded. When
 * the caller needs only a bounded width, large images are subsampled while decoding so memory stays small.
 */
public final class CoverImageReader {

    /** Default refusal limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    private final long maxPixels;

    /** A reader with the {@linkplain #DEFAULT_MAX_PIXELS default pixel limit}. */
    public CoverImageReader() {
        this(DEFAULT_MAX_PIXELS);
    }

    /**
     * A reader that refuses images with more than {@code maxPixels} pixels.
     *
     * @param maxPixels the largest accepted {@code width*height}
     */
    public CoverImageReader(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /**
     * Decodes the first image in {@code bytes} at full resolution.
     *
     * @param bytes the encoded image
     * @param name  what to call the image in warnings (e.g. archive entry name)
     * @return the image, or empty plus a warning
     */
    public ImageLoad read(byte[] bytes, String name) {
        return read(bytes, name, 0);
    }

    /**
     * Decodes the first image in {@code bytes}, subsampling by an integer factor while decoding when the image is at
     * least twice as wide as {@code wantedWidth}; the result is never narrower than {@code wantedWidth}.
     *
     * @param bytes       the encoded image
     * @param name        what to call the image in warnings
     * @param wantedWidth the width the caller needs, or 0 for full resolution
     * @return the image, or empty plus a warning
     */
    public ImageLoad read(byte[] bytes, String name, int wantedWidth) {
        if (bytes == null || bytes.length == 0) {
            return ImageLoad.failed(name + ": empty image data");
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return ImageLoad.failed(name + ": not a supported image (JPEG, PNG, WebP, GIF or BMP expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return decode(reader, name, wantedWidth);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return ImageLoad.failed(name + ": cannot decode image: " + describe(e));
        } catch (OutOfMemoryError e) {
            return ImageLoad.failed(name + ": image too large to decode in the available memory");
        }
    }

    private ImageLoad decode(ImageReader reader, String name, int wantedWidth) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
            return ImageLoad.failed(name + ": image has no pixels (" + width + "x" + height + ")");
        }
        if (pixels > maxPixels) {
            return ImageLoad.failed(String.format(Locale.ROOT,
                    "%s: image is %dx%d (%.1f MP), over the %.1f MP limit; not decoded",
                    name, width, height, pixels / 1e6, maxPixels / 1e6));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (wantedWidth > 0 && width >= 2 * wantedWidth) {
            int factor = width / wantedWidth;
            param.setSourceSubsampling(factor, factor, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
            return ImageLoad.failed(name + ": decoder returned no image");
        }
        return ImageLoad.of(image);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
