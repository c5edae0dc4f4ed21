package dev.metronome.comicinfo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads an image's format and pixel size from its header, without decoding the image: JPEG (the SOF
 * segment, skipping EXIF and other segments by their lengths), PNG (IHDR), GIF (the logical screen), WebP
 * (VP8, VP8L and VP8X chunks) and BMP (core and info headers). Reads only as far as the size; never more than
 * a JPEG's segments before its frame header.
 */
public final class ImageHeaders {

    /** The header facts of one image. */
    public record ImageSize(String format, int width, int height) {
    }

    private static final int SOI = 0xD8;

    private ImageHeaders() {
    }

    /** The size from an image's first bytes; empty for an unknown or broken format. */
    public static Optional<ImageSize> read(byte[] head) {
        try {
            return read(new java.io.ByteArrayInputStream(head));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The size from an image stream; empty for an unknown or broken format. Reads only the header. The caller
     * closes the stream.
     *
     * @throws IOException if the stream itself fails
     */
    public static Optional<ImageSize> read(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(12);
        try {
            if (magic.length >= 2 && u8(magic, 0) == 0xFF && u8(magic, 1) == SOI) {
                return jpeg(magic, in);
            }
            if (magic.length >= 8 && u8(magic, 0) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
                return png(magic, in);
            }
            if (magic.length >= 10 && magic[0] == 'G' && magic[1] == 'I' && magic[2] == 'F') {
                return positive("gif", le16(magic, 6), le16(magic, 8));
            }
            if (magic.length >= 12 && ascii(magic, 0, 4).equals("RIFF") && ascii(magic, 8, 4).equals("WEBP")) {
                return webp(in);
            }
            if (magic.length >= 2 && magic[0] == 'B' && magic[1] == 'M') {
                return bmp(magic, in);
            }
        } catch (EOFException truncated) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> jpeg(byte[] magic, InputStream in) throws IOException {
        // the 10 bytes after the SOI marker are already read: put them in front of the stream
        InputStream stream = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(magic, 2, magic.length - 2), in);
        while (true) {
            int marker = stream.read();
            if (marker < 0) {
                return Optional.empty();
            }
            if (marker != 0xFF) {
                continue; // tolerate padding or junk between segments
            }
            int type = stream.read();
            while (type == 0xFF) {
                type = stream.read(); // fill bytes
            }
            if (type < 0 || type == 0xD9 || type == 0xDA) {
                return Optional.empty(); // end of image or start of scan before any frame header
            }
            if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) {
                continue; // markers without a length
            }
            byte[] lengthBytes = readFully(stream, 2);
            int length = be16(lengthBytes, 0);
            if (length < 2) {
                return Optional.empty();
            }
            boolean startOfFrame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
            if (startOfFrame) {
                byte[] frame = readFully(stream, 5);
                return positive("jpeg", be16(frame, 3), be16(frame, 1));
            }
            skipFully(stream, length - 2L);
        }
    }

    private static Optional<ImageSize> png(byte[] magic, InputStream in) throws IOException {
        byte[] rest = readFully(in, 12); // bytes 12..23: "IHDR", width, height
        byte[] header = concat(magic, rest);
        if (!ascii(header, 12, 4).equals("IHDR")) {
            return Optional.empty();
        }
        return positive("png", be32(header, 16), be32(header, 20));
    }

    private static Optional<ImageSize> webp(InputStream in) throws IOException {
        byte[] chunk = readFully(in, 8);
        String type = ascii(chunk, 0, 4);
        switch (type) {
            case "VP8 " -> {
                byte[] data = readFully(in, 10);
                if (u8(data, 3) != 0x9D || u8(data, 4) != 0x01 || u8(data, 5) != 0x2A) {
                    return Optional.empty();
                }
                return positive("webp", le16(data, 6) & 0x3FFF, le16(data, 8) & 0x3FFF);
            }
            case "VP8L" -> {
                byte[] data = readFully(in, 5);
                if (u8(data, 0) != 0x2F) {
                    return Optional.empty();
                }
                long bits = (u8(data, 1)) | ((long) u8(data, 2) << 8) | ((long) u8(data, 3) << 16) | ((long) u8(data, 4) << 24);
                return positive("webp", (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                byte[] data = readFully(in, 10);
                return positive("webp", le24(data, 4) + 1, le24(data, 7) + 1);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<ImageSize> bmp(byte[] magic, InputStream in) throws IOException {
        byte[] header = concat(magic, readFully(in, 14)); // bytes 0..25
        int dibSize = le32(header, 14);
        if (dibSize == 12) {
            return positive("bmp", le16(header, 18), le16(header, 20));
        }
        if (dibSize >= 40) {
            return positive("bmp", le32(header, 18), Math.abs(le32(header, 22)));
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> positive(String format, int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new ImageSize(format, width, height)) : Optional.empty();
    }

    private static byte[] readFully(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException();
        }
        return bytes;
    }

    private static void skipFully(InputStream in, long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }

    private static int be16(byte[] bytes, int offset) {
        return (u8(bytes, offset) << 8) | u8(bytes, offset + 1);
    }

    private static int be32(byte[] bytes, int offset) {
        return (be16(bytes, offset) << 16) | be16(bytes, offset + 2);
    }

    private static int le16(byte[] bytes, int offset) {
        return u8(bytes, offset) | (u8(bytes, offset + 1) << 8);
    }

    private static int le24(byte[] bytes, int offset) {
        return le16(bytes, offset) | (u8(bytes, offset + 2) << 16);
    }

    private static int le32(byte[] bytes, int offset) {
        return le16(bytes, offset) | (le16(bytes, offset + 2) << 16);
    }
}
