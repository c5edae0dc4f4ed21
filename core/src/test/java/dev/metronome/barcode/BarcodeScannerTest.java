package dev.metronome.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import dev.metronome.coverhash.CoverImageReader;
import dev.metronome.coverhash.ReferenceData;
import dev.metronome.fixtures.archives.CoverRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BarcodeScannerTest {

    private static final String MARVEL_LIKE = "76194134182+00111";
    private static final String FULL_17 = "76194134182800111";

    private final BarcodeScanner scanner = new BarcodeScanner();

    @Test
    void readsUpcAndAddOnFromTheRealNoisyCoverJpeg() {
        BarcodeScan scan = scanner.scan(resource("/images/cover.jpg"), "cover.jpg");

        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.upc()).contains(ScannedUpc.of("761941341828", "00111"));
        assertThat(scan.upc().orElseThrow().full()).isEqualTo(FULL_17);
    }

    @Test
    void requiringTheAddOnIsWhatFindsItOnTheNoisyCover() throws IOException {
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(resource("/images/cover.jpg")));

        assertThat(BarcodeScanner.decodeOnce(cover, false).flatMap(BarcodeScan::upc))
                .as("first row ZXing decodes misses the add-on").contains(ScannedUpc.withoutAddOn("761941341828"));
        assertFull17(scanner.scan(cover, "cover.jpg"));
    }

    @Test
    void readsSyntheticCoverAsJpegAndPng() {
        BufferedImage cover = CoverRenderer.coverWithBarcode(1500, 2300, 1, MARVEL_LIKE, 3, 0.05, 0.85);

        assertFull17(scanner.scan(CoverRenderer.jpeg(cover, 0.75f), "synthetic.jpg"));
        assertFull17(scanner.scan(CoverRenderer.png(cover), "synthetic.png"));
    }

    @Test
    void barcodeAtLowerRightIsFoundToo() {
        BufferedImage cover = CoverRenderer.coverWithBarcode(1200, 1800, 2, "75960621252+00311", 3, 0.7, 0.85);

        BarcodeScan scan = scanner.scan(CoverRenderer.jpeg(cover, 0.8f), "right.jpg");

        assertThat(scan.upc().map(ScannedUpc::full)).contains("75960621252100311");
    }

    @Test
    void halfSizeCoverNeedsCropAndUpscale() throws IOException {
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(resource("/images/cover.jpg")));
        BufferedImage half = CoverRenderer.scaled(cover, 0.5); // about 1.5 px per module

        assertThat(BarcodeScanner.decodeOnce(half, false)).as("whole half-size cover").isEmpty();
        assertThat(CoverVariants.of(half)).hasSize(3);
        assertFull17(scanner.scan(CoverRenderer.jpeg(half, 0.9f), "half.jpg"));
    }

    @Test
    void variantsFollowCoverSizeAndOrientation() {
        assertThat(CoverVariants.of(new BufferedImage(2000, 3000, BufferedImage.TYPE_BYTE_GRAY))).hasSize(1);
        assertThat(CoverVariants.of(new BufferedImage(1000, 1500, BufferedImage.TYPE_BYTE_GRAY))).hasSize(3);
        assertThat(CoverVariants.of(new BufferedImage(1500, 1000, BufferedImage.TYPE_BYTE_GRAY))).hasSize(5);
        BufferedImage crop = CoverVariants.of(new BufferedImage(1000, 1500, BufferedImage.TYPE_BYTE_GRAY)).get(1).get();
        assertThat(crop.getWidth()).isEqualTo(2 * 550);
        BufferedImage wide = CoverVariants.of(new BufferedImage(7000, 300, BufferedImage.TYPE_BYTE_GRAY)).get(0).get();
        assertThat(wide.getWidth()).isEqualTo(CoverVariants.MAX_SCAN_WIDTH);
    }

    @Test
    void coverTurnedAQuarterIsRead() {
        BufferedImage cover = CoverRenderer.coverWithBarcode(1200, 1800, 3, MARVEL_LIKE, 3, 0.05, 0.85);
        BufferedImage turned = CoverRenderer.rotatedClockwise(cover);

        assertFull17(scanner.scan(CoverRenderer.jpeg(turned, 0.8f), "turned.jpg"));
    }

    @Test
    void plainUpcWithoutAddOnGivesTwelveDigits() {
        BufferedImage cover = CoverRenderer.coverWithBarcode(1200, 1800, 4, "76194134182", 3, 0.05, 0.85);

        BarcodeScan scan = scanner.scan(CoverRenderer.png(cover), "plain.png");

        assertThat(scan.upc()).contains(ScannedUpc.withoutAddOn("761941341828"));
        assertThat(scan.queryPlan().orElseThrow().queries(Optional.of("7")))
                .containsExactly(java.util.Map.of("upc_starts_with", "761941341828", "number", "7"));
    }

    @Test
    void hugeCoverIsSubsampledWhileDecodingAndStillRead() {
        // 6400 px wide with 8 px modules: decoded at 1/2, then fitted to the scan width, still >= 3 px/module
        BufferedImage cover = CoverRenderer.coverWithBarcode(6400, 900, 5, MARVEL_LIKE, 8, 0.05, 0.2);

        assertFull17(scanner.scan(CoverRenderer.png(cover), "huge.png"));
    }

    @Test
    void webpBarcodesDecode() {
        // cwebp-made lossy and lossless WebP renderings of the same barcode (TwelveMonkeys decodes them)
        assertFull17(scanner.scan(resource("/images/lossy.webp"), "lossy.webp"));
        assertFull17(scanner.scan(resource("/images/lossless.webp"), "lossless.webp"));
    }

    @Test
    void coverWithoutBarcodeIsEmptyWithoutWarnings() {
        BarcodeScan scan = scanner.scan(CoverRenderer.jpeg(CoverRenderer.cover(600, 900, 6), 0.8f), "plain.jpg");

        assertThat(scan.found()).isFalse();
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.queryPlan()).isEmpty();
    }

    @Test
    void garbageBytesGiveEmptyScanAndOneWarning() {
        BarcodeScan scan = scanner.scan("PK\u0003\u0004 definitely not an image".getBytes(StandardCharsets.UTF_8),
                "Batman 001.cbz!cover.jpg");

        assertThat(scan.found()).isFalse();
        assertThat(scan.warnings()).singleElement().asString().startsWith("Batman 001.cbz!cover.jpg: ");
    }

    @Test
    void truncatedJpegGivesWarningNotException() {
        byte[] jpeg = resource("/images/cover.jpg");
        byte[] cut = java.util.Arrays.copyOf(jpeg, 600);

        BarcodeScan scan = scanner.scan(cut, "cut.jpg");

        assertThat(scan.found()).isFalse();
        assertThat(scan.warnings()).singleElement().asString().startsWith("cut.jpg: cannot decode image");
    }

    @Test
    void imagesOverThePixelLimitAreRefused() {
        BarcodeScan scan = new BarcodeScanner(new CoverImageReader(1_000_000)).scan(resource("/images/cover.jpg"),
                "cover.jpg");

        assertThat(scan.found()).isFalse();
        assertThat(scan.warnings()).singleElement().asString().contains("1988x3056", "over the 1.0 MP limit");
    }

    @Test
    void zxingResultsAreMappedAndValidated() {
        Result upcA = new Result("761941341828", null, null, BarcodeFormat.UPC_A);
        upcA.putMetadata(ResultMetadataType.UPC_EAN_EXTENSION, "00111");
        Result twoDigitAddOn = new Result("761941341828", null, null, BarcodeFormat.UPC_A);
        twoDigitAddOn.putMetadata(ResultMetadataType.UPC_EAN_EXTENSION, "12");
        Result zeroLedEan = new Result("0761941341828", null, null, BarcodeFormat.EAN_13);
        Result isbn = new Result("9781684158164", null, null, BarcodeFormat.EAN_13);
        Result badCheck = new Result("761941341829", null, null, BarcodeFormat.UPC_A);

        assertThat(BarcodeScanner.toScan(upcA).flatMap(BarcodeScan::upc)).contains(ScannedUpc.of("761941341828",
                "00111"));
        assertThat(BarcodeScanner.toScan(twoDigitAddOn).flatMap(BarcodeScan::upc))
                .contains(ScannedUpc.withoutAddOn("761941341828"));
        assertThat(BarcodeScanner.toScan(zeroLedEan).flatMap(BarcodeScan::upc))
                .contains(ScannedUpc.withoutAddOn("761941341828"));
        assertThat(BarcodeScanner.toScan(isbn).flatMap(BarcodeScan::ean13)).contains("9781684158164");
        assertThat(BarcodeScanner.toScan(isbn).flatMap(BarcodeScan::queryPlan).orElseThrow()
                .queries(Optional.empty())).containsExactly(java.util.Map.of("upc", "9781684158164"));
        assertThat(BarcodeScanner.toScan(badCheck)).isEmpty();
    }

    private static void assertFull17(BarcodeScan scan) {
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.upc().map(ScannedUpc::full)).contains(FULL_17);
    }

    static byte[] resource(String path) {
        return ReferenceData.resource(path);
    }
}
