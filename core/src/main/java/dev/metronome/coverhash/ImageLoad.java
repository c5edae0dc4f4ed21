package dev.metronome.coverhash;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of decoding image bytes: the image, or nothing plus the warnings that say why.
 *
 * @param image    the decoded image, empty when it could not or should not be decoded
 * @param warnings human-readable messages naming the image and the cause; empty on success
 */
public record ImageLoad(Optional<BufferedImage> image, List<String> warnings) {

    /** Defensive copy of the warnings. */
    public ImageLoad {
        warnings = List.copyOf(warnings);
    }

    static ImageLoad of(BufferedImage image) {
        return new ImageLoad(Optional.of(image), List.of());
    }

    static ImageLoad failed(String warning) {
        return new ImageLoad(Optional.empty(), List.of(warning));
    }
}
