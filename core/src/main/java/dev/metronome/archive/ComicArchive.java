package dev.metronome.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An open comic archive. Obtain one from {@link Archives#open(Path)}; close it when done.
 *
 * <p>Reading one entry never extracts or loads the whole archive (solid RAR and 7z archives are read
 * sequentially up to the entry, streaming).
 */
public interface ComicArchive extends AutoCloseable {

    /** The file this archive was opened from. */
    Path path();

    /** The format detected from the file's content. */
    ArchiveFormat format();

    /** Whether the file's extension disagrees with its content (a {@code .cbz} that is really a RAR). */
    default boolean extensionMismatch() {
        String name = path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.endsWith("." + format().extension())
                && !(format() == ArchiveFormat.CBZ && name.endsWith(".zip"))
                && !(format() == ArchiveFormat.CBR && name.endsWith(".rar"))
                && !(format() == ArchiveFormat.CB7 && name.endsWith(".7z"))
                && !(format() == ArchiveFormat.CBT && name.endsWith(".tar"));
    }

    /** Every entry (files only, not folders), in the archive's own order. */
    List<ArchiveEntry> entries();

    /** The image entries in natural reading order, skipping {@code __MACOSX}, dot files and {@code Thumbs.db}. */
    List<ArchiveEntry> pages();

    /**
     * The metadata entry with this file name ({@code ComicInfo.xml}, {@code MetronInfo.xml}), matched
     * case-insensitively at any depth; an entry at the root wins over a nested one.
     */
    Optional<ArchiveEntry> metadataEntry(String fileName);

    /** Opens one entry's uncompressed content. The caller closes the stream. */
    InputStream open(ArchiveEntry entry) throws IOException;

    /** Reads one entry fully; refuses entries larger than {@code maxBytes}. */
    byte[] read(ArchiveEntry entry, int maxBytes) throws IOException;

    /** Reads a metadata file ({@code ComicInfo.xml}...) if present, capped at 16 MiB. */
    default Optional<byte[]> readMetadata(String fileName) throws IOException {
        Optional<ArchiveEntry> entry = metadataEntry(fileName);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(entry.get(), 16 * 1024 * 1024));
    }

    /**
     * A stable identity of the comic's content: SHA-256 (hex) over each page's name, size and stored CRC (where the
     * format keeps one). Metadata entries do not count, so tagging a file keeps its fingerprint; nothing is
     * decompressed to compute it.
     */
    default String fingerprint() {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (ArchiveEntry page : pages()) {
            digest.update((page.name() + "\u0000" + page.size() + "\u0000" + page.crc32() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Override
    void close() throws IOException;
}
