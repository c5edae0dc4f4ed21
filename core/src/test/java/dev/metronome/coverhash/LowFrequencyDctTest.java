package dev.metronome.coverhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowFrequencyDctTest {

    @Test
    void flatImageHasOnlyTheDcTermAndExactZeros() {
        int[] flat = new int[32 * 32];
        Arrays.fill(flat, 128);

        double[] dct = LowFrequencyDct.topLeft(flat, 32, 8);

        assertThat(dct[0]).isEqualTo(4.0 * 1024 * 128); // 2 * 2 * sum, as scipy gives 524288
        assertThat(Arrays.stream(dct).skip(1)).allMatch(v -> v == 0.0);
    }

    @Test
    void matchesTheTextbookDoubleSum() {
        Random random = new Random(42);
        int[] pixels = random.ints(32 * 32, 0, 256).toArray();

        double[] dct = LowFrequencyDct.topLeft(pixels, 32, 8);

        for (int k = 0; k < 8; k++) {
            for (int l = 0; l < 8; l++) {
                double sum = 0;
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        sum += pixels[y * 32 + x] * Math.cos(Math.PI * k * (2 * y + 1) / 64.0)
                                * Math.cos(Math.PI * l * (2 * x + 1) / 64.0);
                    }
                }
                assertThat(dct[k * 8 + l]).as("(%d,%d)", k, l).isCloseTo(4 * sum, within(1e-6));
            }
        }
    }
}
