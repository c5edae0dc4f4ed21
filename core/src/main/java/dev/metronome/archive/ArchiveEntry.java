package dev.metronome.archive;

/**
 * One file inside an archive.
 *
 * @param name      the entry's full path inside the archive, with {@code /} separators
 * @param size           the uncompressed size in bytes, or -1 when the archive does not say
 * @param compressedSize the stored (compressed) size in bytes, or -1 when unknown (solid archives)
 * @param crc32          the stored CRC-32, or -1 when the format has none (or it is unknown)
 * @param index          the entry's position in the archive's own order
 */
public record ArchiveEntry(String name, long size, long compressedSize, long crc32, int index) {

    /** The last path segment of {@link #name()}. */
    public String fileName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The lower-case extension of the file name, without a dot, or "" if there is none. */
    public String extension() {
        String file = fileName();
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
