package dev.metronome.barcode;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The images the decode ladder tries for one cover: the whole cover (scaled down when wider than
 * {@value #MAX_SCAN_WIDTH} px), then, for covers narrower than {@value #CROP_BELOW_WIDTH} px (where a standard
 * barcode gets fewer than about 3 px per module), the lower corners where comic barcodes sit, upscaled 2x
 * (bicubic). Ninety-degree turns are covered by ZXing itself: with {@code TRY_HARDER} a 1-D reader also tries
 * each image rotated; for landscape images (a cover scanned sideways) the upper corners are tried too.
 */
final class CoverVariants {

    /** Covers wider than this are scaled down before decoding: more pixels only cost time. */
    static final int MAX_SCAN_WIDTH = 3000;
    /** Covers narrower than this also get their corners tried, upscaled 2x. */
    static final int CROP_BELOW_WIDTH = 1900;

    private CoverVariants() {
    }

    /**
     * Lazily built variants, most likely to succeed first.
     *
     * @param cover the decoded cover
     * @return suppliers of the images to try
     */
    static List<Supplier<BufferedImage>> of(BufferedImage cover) {
        BufferedImage bounded = fitWidth(cover, MAX_SCAN_WIDTH);
        List<Supplier<BufferedImage>> variants = new ArrayList<>();
        variants.add(() -> bounded);
        int w = bounded.getWidth();
        int h = bounded.getHeight();
        if (w >= CROP_BELOW_WIDTH) {
            return variants;
        }
        int cropW = (int) Math.ceil(w * 0.55);
        int cropH = (int) Math.ceil(h * 0.45);
        // bottom-left, bottom-right: where US comics put the barcode
        variants.add(() -> corner(bounded, 0, h - cropH, cropW, cropH));
        variants.add(() -> corner(bounded, w - cropW, h - cropH, cropW, cropH));
        if (w > h) {
            variants.add(() -> corner(bounded, 0, 0, cropW, cropH));
            variants.add(() -> corner(bounded, w - cropW, 0, cropW, cropH));
        }
        return variants;
    }

    private static BufferedImage corner(BufferedImage image, int x, int y, int width, int height) {
        BufferedImage crop = image.getSubimage(x, y, width, height);
        return scale(crop, width * 2, height * 2, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /**
     * Scales an image down to at most {@code maxWidth}, halving step by step (bilinear) so thin bars blend rather
     * than vanish.
     */
    static BufferedImage fitWidth(BufferedImage image, int maxWidth) {
        BufferedImage current = image;
        while (current.getWidth() > maxWidth) {
            int width = Math.max(maxWidth, current.getWidth() / 2);
            int height = Math.max(1, (int) Math.round((double) current.getHeight() * width / current.getWidth()));
            current = scale(current, width, height, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return current;
    }

    private static BufferedImage scale(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }
}
