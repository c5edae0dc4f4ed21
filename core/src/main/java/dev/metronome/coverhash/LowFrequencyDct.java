package dev.metronome.coverhash;

import java.util.function.IntToDoubleFunction;

/**
 * The low-frequency corner of an unnormalised 2-D DCT-II, as {@code scipy.fftpack.dct(dct(x, axis=0), axis=1)}
 * computes it ({@code y[k] = 2 * sum x[n] cos(pi k (2n+1) / 2N)}), evaluated directly for the few
 * coefficients a perceptual hash keeps.
 *
 * <p>scipy's FFT-based DCT returns exact zeros for terms that vanish by symmetry (flat covers, mirrored or striped
 * images), while direct summation leaves rounding noise of about 1e-10 whose sign would flip hash bits. Terms below
 * {@value #ZERO_TOLERANCE} are therefore set to zero; genuine terms of 8-bit images are many orders larger.
 */
final class LowFrequencyDct {

    /** Magnitude under which a coefficient is rounding noise of a term that is exactly zero. */
    static final double ZERO_TOLERANCE = 1e-6;

    private LowFrequencyDct() {
    }

    /**
     * Returns the top-left {@code keep x keep} DCT-II coefficients of a square image, row-major.
     *
     * @param pixels row-major values, {@code size*size} of them
     * @param size   side length of the square input
     * @param keep   side length of the kept block ({@code <= size})
     * @return {@code keep*keep} coefficients
     */
    static double[] topLeft(int[] pixels, int size, int keep) {
        double[][] cosines = cosineTable(size, keep);
        // axis 0: transform each column over its rows, keeping the first `keep` frequencies
        double[] columns = new double[keep * size];
        for (int k = 0; k < keep; k++) {
            for (int c = 0; c < size; c++) {
                int column = c;
                columns[k * size + c] = coefficient(n -> pixels[n * size + column], cosines[k]);
            }
        }
        // axis 1: transform each kept row over its columns
        double[] result = new double[keep * keep];
        for (int k = 0; k < keep; k++) {
            int rowStart = k * size;
            for (int l = 0; l < keep; l++) {
                result[k * keep + l] = coefficient(n -> columns[rowStart + n], cosines[l]);
            }
        }
        return result;
    }

    /** One DCT-II term: {@code 2 * sum sample(n) * cosine[n]}, with rounding noise snapped to zero. */
    private static double coefficient(IntToDoubleFunction sample, double[] cosine) {
        double sum = 0.0;
        for (int n = 0; n < cosine.length; n++) {
            sum += sample.applyAsDouble(n) * cosine[n];
        }
        return snap(2.0 * sum);
    }

    private static double snap(double value) {
        return Math.abs(value) < ZERO_TOLERANCE ? 0.0 : value;
    }

    private static double[][] cosineTable(int size, int keep) {
        double[][] table = new double[keep][size];
        for (int k = 0; k < keep; k++) {
            for (int n = 0; n < size; n++) {
                table[k][n] = Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * size));
            }
        }
        return table;
    }
}
