package dev.metronome.archive;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Detects a file's container format from its content (Apache Tika core's magic bytes), never from its name.
 */
public final class FormatDetector {

    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType RAR = MediaType.application("x-rar-compressed");
    private static final MediaType SEVEN_Z = MediaType.application("x-7z-compressed");
    private static final MediaType TAR = MediaType.application("x-tar");
    private static final MediaType GTAR = MediaType.application("x-gtar");

    private FormatDetector() {
    }

    /**
     * Tika's type database, loaded on first use only: parsing it costs about a third of a second at start-up, and
     * the common archives never need it ({@link #byMagic}).
     */
    private static final class Tika {
        static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
        static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();

        private Tika() {
        }
    }

    /** The detected content type of a file, as Tika names it ({@code application/zip}...). */
    public static MediaType detectType(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return Tika.MIME_TYPES.detect(in, new Metadata());
        }
    }

    /**
     * The archive format of a file, or empty if its content is not an archive Metronome reads. The common magic
     * numbers (ZIP, RAR 4 and 5, 7z) are checked first, which is what Tika would answer for them, at a fraction of
     * the cost; anything else goes to Tika.
     */
    public static Optional<ArchiveFormat> detect(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(8);
        }
        Optional<ArchiveFormat> quick = byMagic(head);
        return quick.isPresent() ? quick : toFormat(detectType(path));
    }

    /** The format of a file from its first bytes, for the common magic numbers only. */
    static Optional<ArchiveFormat> byMagic(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return Optional.of(ArchiveFormat.CBZ);
        }
        if (startsWith(head, 'R', 'a', 'r', '!', 0x1A, 7, 0) || startsWith(head, 'R', 'a', 'r', '!', 0x1A, 7, 1, 0)) {
            return Optional.of(ArchiveFormat.CBR);
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Optional.of(ArchiveFormat.CB7);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Maps a Tika media type to an archive format. */
    static Optional<ArchiveFormat> toFormat(MediaType type) {
        MediaType base = type.getBaseType();
        if (base.equals(RAR)) {
            return Optional.of(ArchiveFormat.CBR);
        }
        if (base.equals(SEVEN_Z)) {
            return Optional.of(ArchiveFormat.CB7);
        }
        if (base.equals(TAR) || base.equals(GTAR) || Tika.REGISTRY.isSpecializationOf(base, TAR)) {
            return Optional.of(ArchiveFormat.CBT);
        }
        if (base.equals(ZIP) || Tika.REGISTRY.isSpecializationOf(base, ZIP)) {
            return Optional.of(ArchiveFormat.CBZ);
        }
        return Optional.empty();
    }
}
