package dev.metronome.coverhash;

/**
 * Resizes an 8-bit grayscale image the way Pillow's {@code Image.resize(size, Resampling.LANCZOS)} does for mode
 * {@code L}: a separable Lanczos-3 filter whose support widens by the scale factor when downscaling, applied
 * horizontally then vertically, with coefficients in 22-bit fixed point and an 8-bit rounded intermediate image.
 * Written from the published description of Pillow's algorithm so results match bit for bit.
 */
final class PillowLanczos {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double LANCZOS_SUPPORT = 3.0;

    private PillowLanczos() {
    }

    /**
     * Resizes a row-major gray image.
     *
     * @param gray      gray levels 0-255, {@code width*height} of them
     * @param width     source width
     * @param height    source height
     * @param outWidth  target width
     * @param outHeight target height
     * @return {@code outWidth*outHeight} gray levels
     */
    static int[] resize(int[] gray, int width, int height, int outWidth, int outHeight) {
        int[] pixels = gray;
        int currentWidth = width;
        if (outWidth != width) {
            pixels = horizontal(pixels, width, height, outWidth);
            currentWidth = outWidth;
        }
        if (outHeight != height) {
            pixels = vertical(pixels, currentWidth, height, outHeight);
        }
        return pixels == gray ? gray.clone() : pixels;
    }

    private static int[] horizontal(int[] in, int width, int height, int outWidth) {
        Coefficients c = Coefficients.compute(width, outWidth);
        int[] out = new int[outWidth * height];
        for (int y = 0; y < height; y++) {
            int rowStart = y * width;
            for (int xx = 0; xx < outWidth; xx++) {
                int sum = 1 << (PRECISION_BITS - 1);
                int first = c.first[xx];
                int base = xx * c.size;
                for (int i = 0; i < c.count[xx]; i++) {
                    sum += in[rowStart + first + i] * c.weights[base + i];
                }
                out[y * outWidth + xx] = clip8(sum);
            }
        }
        return out;
    }

    private static int[] vertical(int[] in, int width, int height, int outHeight) {
        Coefficients c = Coefficients.compute(height, outHeight);
        int[] out = new int[width * outHeight];
        for (int yy = 0; yy < outHeight; yy++) {
            int first = c.first[yy];
            int base = yy * c.size;
            for (int x = 0; x < width; x++) {
                int sum = 1 << (PRECISION_BITS - 1);
                for (int i = 0; i < c.count[yy]; i++) {
                    sum += in[(first + i) * width + x] * c.weights[base + i];
                }
                out[yy * width + x] = clip8(sum);
            }
        }
        return out;
    }

    private static int clip8(int sum) {
        int value = sum >> PRECISION_BITS;
        return value < 0 ? 0 : Math.min(value, 255);
    }

    static double lanczos(double x) {
        if (-LANCZOS_SUPPORT <= x && x < LANCZOS_SUPPORT) {
            return sinc(x) * sinc(x / 3);
        }
        return 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double scaled = x * Math.PI;
        return StrictMath.sin(scaled) / scaled;
    }

    /** Per output pixel: first input index, number of taps and fixed-point weights. */
    private record Coefficients(int size, int[] first, int[] count, int[] weights) {

        static Coefficients compute(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = LANCZOS_SUPPORT * filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            int[] weights = new int[outSize * size];
            double[] k = new double[size];
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                double inverse = 1.0 / filterScale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double total = 0.0;
                for (int x = 0; x < max; x++) {
                    k[x] = lanczos((x + min - center + 0.5) * inverse);
                    total += k[x];
                }
                for (int x = 0; x < max; x++) {
                    double w = total != 0.0 ? k[x] / total : k[x];
                    weights[xx * size + x] = toFixedPoint(w);
                }
                first[xx] = min;
                count[xx] = max;
            }
            return new Coefficients(size, first, count, weights);
        }

        private static int toFixedPoint(double weight) {
            double scaled = weight * (1 << PRECISION_BITS);
            return weight < 0 ? (int) (-0.5 + scaled) : (int) (0.5 + scaled);
        }
    }
}
