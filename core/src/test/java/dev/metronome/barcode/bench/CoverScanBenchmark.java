package dev.metronome.barcode.bench;

import dev.metronome.barcode.BarcodeScan;
import dev.metronome.barcode.BarcodeScanner;
import dev.metronome.coverhash.CoverHasher;
import dev.metronome.coverhash.ReferenceData;
import dev.metronome.fixtures.archives.CoverRenderer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per cover of the two identification signals, from encoded bytes (decode included), on a 1988x3056
 * JPEG cover: barcode found at once, barcode absent (every ladder step fails), a half-size cover (crop + upscale
 * needed), and the cover hash.
 * Run: {@code ./mvnw -B -Pbench -pl core -am verify -DskipTests -Dbench=CoverScanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class CoverScanBenchmark {

    private final BarcodeScanner scanner = new BarcodeScanner();
    private final CoverHasher hasher = new CoverHasher();
    private byte[] coverWithBarcode;
    private byte[] coverWithoutBarcode;
    private byte[] halfSizeCover;

    /** Loads and renders the covers once. */
    @Setup
    public void load() throws IOException {
        coverWithBarcode = ReferenceData.resource("/images/cover.jpg");
        coverWithoutBarcode = CoverRenderer.jpeg(CoverRenderer.cover(1988, 3056, 7), 0.8f);
        halfSizeCover = CoverRenderer.jpeg(CoverRenderer.scaled(
                javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(coverWithBarcode)), 0.5), 0.9f);
    }

    /** @return the 17-digit read of the noisy cover */
    @Benchmark
    public BarcodeScan barcodePresent() {
        return scanner.scan(coverWithBarcode, "cover.jpg");
    }

    /** @return an empty scan after the whole ladder */
    @Benchmark
    public BarcodeScan barcodeAbsent() {
        return scanner.scan(coverWithoutBarcode, "plain.jpg");
    }

    /** @return the read after crop + upscale */
    @Benchmark
    public BarcodeScan barcodeHalfSize() {
        return scanner.scan(halfSizeCover, "half.jpg");
    }

    /** @return the cover hash */
    @Benchmark
    public CoverHasher.Result coverHash() {
        return hasher.hash(coverWithBarcode, "cover.jpg");
    }
}
