package dev.metronome.coverhash;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Converts an image to 8-bit grayscale exactly as Pillow's {@code Image.convert("L")} does for the modes
 * ImageIO produces: ITU-R 601-2 luma in 16-bit fixed point with rounding,
 * {@code (R*19595 + G*38470 + B*7471 + 0x8000) >> 16}.
 *
 * <p>Like Pillow, it ignores alpha and embedded colour profiles (raw samples are used when the image has its own
 * RGB colour space), takes the high byte of 16-bit colour samples, and clips 16-bit gray samples to 255.
 */
final class PillowGrayscale {

    private PillowGrayscale() {
    }

    /**
     * Returns the row-major luma values (0-255) of {@code image}.
     *
     * @param image any decoded image
     * @return {@code width*height} gray levels
     */
    static int[] luma(BufferedImage image) {
        ColorModel model = image.getColorModel();
        int type = model.getColorSpace().getType();
        if (model instanceof ComponentColorModel && type == ColorSpace.TYPE_GRAY) {
            return grayBand(image.getRaster());
        }
        if (model instanceof ComponentColorModel && type == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3) {
            return rgbBands(image.getRaster());
        }
        return viaRgbInts(image);
    }

    /** Pillow's fixed-point luma of one 8-bit RGB triple. */
    static int luma(int red, int green, int blue) {
        return (red * 19595 + green * 38470 + blue * 7471 + 0x8000) >> 16;
    }

    private static int[] grayBand(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] gray = raster.getSamples(0, 0, width, height, 0, new int[width * height]);
        if (isSixteenBit(raster)) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = Math.min(gray[i], 255); // Pillow's I;16 -> L conversion clips
            }
        }
        return gray;
    }

    private static int[] rgbBands(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int shift = isSixteenBit(raster) ? 8 : 0; // Pillow keeps the high byte of 16-bit samples
        int[] gray = new int[width * height];
        int[] red = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, red);
            raster.getSamples(0, y, width, 1, 1, green);
            raster.getSamples(0, y, width, 1, 2, blue);
            for (int x = 0; x < width; x++) {
                gray[y * width + x] = luma(red[x] >> shift, green[x] >> shift, blue[x] >> shift);
            }
        }
        return gray;
    }

    private static int[] viaRgbInts(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] gray = new int[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                gray[y * width + x] = luma((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
            }
        }
        return gray;
    }

    private static boolean isSixteenBit(Raster raster) {
        int dataType = raster.getDataBuffer().getDataType();
        return dataType == DataBuffer.TYPE_USHORT || dataType == DataBuffer.TYPE_SHORT;
    }
}
