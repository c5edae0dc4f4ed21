package dev.metronome.coverhash;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A 64-bit perceptual hash of a cover, identical to Metron's {@code cover_hash}: Python
 * {@code str(imagehash.phash(image))} with {@code hash_size=8}, {@code highfreq_factor=4}.
 *
 * <p>Steps: Pillow {@code L} grayscale, Pillow Lanczos resize to 32x32, unnormalised 2-D DCT-II, top-left 8x8
 * block, bit = coefficient strictly greater than the block's median, bits read row-major with the first bit most
 * significant. Compare hashes by {@linkplain #distanceTo Hamming distance}; Metron-Tagger accepts {@code <= 10}.
 *
 * @param bits the 64 hash bits, first bit in the most significant position
 */
public record CoverHash(long bits) {

    /** Side of the square the image is resized to ({@code hash_size * highfreq_factor}). */
    static final int RESIZED = 32;
    /** Side of the kept low-frequency DCT block ({@code hash_size}). */
    static final int KEPT = 8;

    /**
     * Computes the hash of a decoded image.
     *
     * @param image the cover, in any ImageIO image type
     * @return its perceptual hash
     */
    public static CoverHash of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int[] gray = PillowGrayscale.luma(image);
        int[] small = PillowLanczos.resize(gray, image.getWidth(), image.getHeight(), RESIZED, RESIZED);
        return ofResizedGray(small);
    }

    /**
     * Computes the hash from an already grayscale, already 32x32 image (the last steps of the algorithm).
     *
     * @param gray32 row-major gray levels, 1024 of them
     * @return the hash
     */
    static CoverHash ofResizedGray(int[] gray32) {
        double[] dct = LowFrequencyDct.topLeft(gray32, RESIZED, KEPT);
        double[] sorted = dct.clone();
        Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        long bits = 0L;
        for (double value : dct) {
            bits = (bits << 1) | (value > median ? 1L : 0L);
        }
        return new CoverHash(bits);
    }

    /**
     * Parses a 16-character hexadecimal hash as Metron stores it (case-insensitive).
     *
     * @param hex the hash text
     * @return the hash
     * @throws IllegalArgumentException when {@code hex} is not exactly 16 hexadecimal digits
     */
    public static CoverHash parse(String hex) {
        if (hex == null || hex.length() != 16 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("not a 16-digit hexadecimal cover hash: " + hex);
        }
        return new CoverHash(Long.parseUnsignedLong(hex, 16));
    }

    /**
     * Returns the hash as Metron writes it: 16 lowercase hexadecimal digits, zero-padded.
     *
     * @return the hexadecimal form
     */
    public String hex() {
        return String.format(Locale.ROOT, "%016x", bits);
    }

    /**
     * Counts the differing bits (0-64).
     *
     * @param other the hash to compare with
     * @return the Hamming distance
     */
    public int distanceTo(CoverHash other) {
        return Long.bitCount(bits ^ other.bits);
    }

    /**
     * Hamming distance between two hexadecimal hashes.
     *
     * @param hexA a 16-digit hash
     * @param hexB another 16-digit hash
     * @return the number of differing bits, 0-64
     * @throws IllegalArgumentException when either is not a 16-digit hexadecimal hash
     */
    public static int distance(String hexA, String hexB) {
        return parse(hexA).distanceTo(parse(hexB));
    }

    /** Returns {@link #hex()}. */
    @Override
    public String toString() {
        return hex();
    }
}
