package dev.metronome.coverhash;

import java.util.List;
import java.util.Optional;

/**
 * Computes Metron-compatible cover hashes from encoded image bytes, never throwing on bad input.
 */
public final class CoverHasher {

    private final CoverImageReader reader;

    /** A hasher using a {@link CoverImageReader} with the default pixel limit. */
    public CoverHasher() {
        this(new CoverImageReader());
    }

    /**
     * A hasher decoding through {@code reader}.
     *
     * @param reader the image decoder (carries the pixel limit)
     */
    public CoverHasher(CoverImageReader reader) {
        this.reader = reader;
    }

    /**
     * Hashes an encoded image. The image is decoded at full resolution, as Pillow does.
     *
     * @param bytes the encoded cover (JPEG, PNG, WebP, GIF or BMP)
     * @param name  what to call it in warnings
     * @return the hash, or empty plus the warning that explains why not
     */
    public Result hash(byte[] bytes, String name) {
        ImageLoad load = reader.read(bytes, name);
        return new Result(load.image().map(CoverHash::of), load.warnings());
    }

    /**
     * The outcome of hashing one image.
     *
     * @param hash     the hash, empty when the image could not be decoded
     * @param warnings messages naming the image and the cause
     */
    public record Result(Optional<CoverHash> hash, List<String> warnings) {

        /** Defensive copy of the warnings. */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }
}
