package dev.metronome.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.metronome.coverhash.CoverImageReader;
import dev.metronome.coverhash.ImageLoad;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the UPC-A + EAN-5 barcode of a comic cover with ZXing.
 *
 * <p>Decode ladder (libraries.md §5), over each {@linkplain CoverVariants variant} in turn (whole cover, then
 * corner crops upscaled 2x for small covers): a pass without the add-on requirement finds out cheaply whether any
 * row holds a UPC-A at all (if not, the stricter pass cannot succeed either, so the variant is done). When that
 * pass found the UPC without its add-on, a pass with {@code ALLOWED_EAN_EXTENSIONS={5}} (ZXing then keeps scanning
 * rows until one also carries the add-on) tries for all 17 digits. The first 17-digit read wins; otherwise the
 * first 12-digit (or EAN-13) read is returned. Never throws on bad images: they give an empty scan with a
 * warning.
 */
public final class BarcodeScanner {

    private static final Map<DecodeHintType, Object> WITH_ADD_ON = hints(true);
    private static final Map<DecodeHintType, Object> ANY = hints(false);

    private final CoverImageReader reader;

    /** A scanner with the default image pixel limit. */
    public BarcodeScanner() {
        this(new CoverImageReader());
    }

    /**
     * A scanner decoding images through {@code reader}.
     *
     * @param reader the image decoder (carries the pixel limit)
     */
    public BarcodeScanner(CoverImageReader reader) {
        this.reader = reader;
    }

    /**
     * Decodes and scans an encoded cover. Huge covers are subsampled while decoding.
     *
     * @param bytes the encoded cover (JPEG, PNG, WebP, GIF or BMP)
     * @param name  what to call it in warnings (e.g. {@code "Batman 001.cbz!01.jpg"})
     * @return what was read, or empty plus warnings when the image is unusable
     */
    public BarcodeScan scan(byte[] bytes, String name) {
        ImageLoad load = reader.read(bytes, name, CoverVariants.MAX_SCAN_WIDTH);
        if (load.image().isEmpty()) {
            return BarcodeScan.nothing(load.warnings());
        }
        return scan(load.image().get(), name);
    }

    /**
     * Scans a decoded cover.
     *
     * @param image the cover
     * @param name  what to call it in warnings
     * @return what was read; empty when no barcode was found
     */
    public BarcodeScan scan(BufferedImage image, String name) {
        List<String> warnings = new ArrayList<>();
        try {
            Optional<BarcodeScan> fallback = Optional.empty();
            for (Supplier<BufferedImage> variant : CoverVariants.of(image)) {
                BufferedImage candidate = variant.get();
                Optional<BarcodeScan> any = decodeOnce(candidate, false);
                if (any.isEmpty()) {
                    continue;
                }
                if (any.get().upc().map(ScannedUpc::hasAddOn).orElse(false)) {
                    return any.get();
                }
                Optional<BarcodeScan> full = decodeOnce(candidate, true);
                if (full.isPresent()) {
                    return full.get();
                }
                fallback = fallback.or(() -> any);
            }
            if (fallback.isPresent()) {
                return fallback.get();
            }
        } catch (RuntimeException e) {
            warnings.add(name + ": barcode scan failed: " + e);
        } catch (OutOfMemoryError e) {
            warnings.add(name + ": barcode scan ran out of memory");
        }
        return BarcodeScan.nothing(warnings);
    }

    /** One ZXing pass over one image, without the ladder. */
    static Optional<BarcodeScan> decodeOnce(BufferedImage image, boolean requireAddOn) {
        MultiFormatReader zxing = new MultiFormatReader();
        zxing.setHints(requireAddOn ? WITH_ADD_ON : ANY);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return toScan(zxing.decodeWithState(bitmap));
        } catch (ReaderException notFound) {
            return Optional.empty();
        }
    }

    /** Turns a ZXing result into a scan; results whose digits fail validation count as not found. */
    static Optional<BarcodeScan> toScan(Result result) {
        String text = result.getText();
        BarcodeFormat format = result.getBarcodeFormat();
        if (format == BarcodeFormat.EAN_13 && text.length() == 13 && text.charAt(0) == '0') {
            text = text.substring(1);
            format = BarcodeFormat.UPC_A;
        }
        if (format == BarcodeFormat.UPC_A && GtinCheckDigit.isValid(text, 12)) {
            Optional<String> addOn = addOn(result);
            return Optional.of(new BarcodeScan(Optional.of(new ScannedUpc(text, addOn)), Optional.empty(),
                    List.of()));
        }
        if (format == BarcodeFormat.EAN_13 && GtinCheckDigit.isValid(text, 13)) {
            return Optional.of(new BarcodeScan(Optional.empty(), Optional.of(text), List.of()));
        }
        return Optional.empty();
    }

    private static Optional<String> addOn(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object extension = metadata == null ? null : metadata.get(ResultMetadataType.UPC_EAN_EXTENSION);
        return Optional.ofNullable(extension).map(Object::toString).filter(e -> e.matches("[0-9]{5}"));
    }

    private static Map<DecodeHintType, Object> hints(boolean requireAddOn) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS,
                EnumSet.of(BarcodeFormat.UPC_A, BarcodeFormat.EAN_13, BarcodeFormat.UPC_EAN_EXTENSION));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        if (requireAddOn) {
            hints.put(DecodeHintType.ALLOWED_EAN_EXTENSIONS, new int[] {5});
        }
        return Map.copyOf(hints);
    }
}
