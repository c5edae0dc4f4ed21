package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verification of a rewrite catches what went wrong between the original and the renamed file: a byte flipped in
 * a copied page (anywhere in it, not only near its ends), in a copied local header, or in the new entry. The
 * corruption is injected into the temp file's writes; the original must stay byte-identical, and no temp file stay.
 */
class VerificationTest {

    private static final byte[] INFO = "<ComicInfo><Series>Verified</Series></ComicInfo>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** A channel that writes one byte, at a given offset of what is written through it, flipped. */
    static final class CorruptingChannel extends FaultInjectionTest.FullDiskChannel {
        private final long corruptAt;
        private long written;

        CorruptingChannel(SeekableByteChannel delegate, long corruptAt) {
            super(delegate, Long.MAX_VALUE);
            this.corruptAt = corruptAt;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            int length = source.remaining();
            if (corruptAt >= written && corruptAt < written + length) {
                ByteBuffer copy = ByteBuffer.allocate(length);
                copy.put(source.duplicate()).flip();
                int at = (int) (corruptAt - written);
                copy.put(at, (byte) (copy.get(at) ^ 0x5A));
                source.position(source.position() + length);
                writeAll(copy);
            } else {
                writeAll(source);
            }
            written += length;
            return length;
        }

        private void writeAll(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                super.write(buffer);
            }
        }
    }

    private Path book() throws IOException {
        // 6 stored pages of 200 KB, no ComicInfo.xml yet: the new entry goes after the pages
        return ArchiveBuilder.cbz().randomPages(6, 200_000, 11).writeTo(dir.resolve("book.cbz"));
    }

    @Test
    void aFlippedByteInTheMiddleOfACopiedPageIsCaught() throws IOException {
        Path cbz = book();
        assertCaught(cbz, dataOffset(cbz, "003.jpg") + 100_000); // far from both ends of the page

    }

    @Test
    void aFlippedByteInACopiedLocalHeaderIsCaught() throws IOException {
        Path cbz = book();
        assertCaught(cbz, 31); // the first entry's name
    }

    @Test
    void aFlippedByteInTheNewEntryIsCaught() throws IOException {
        Path cbz = book();
        long newEntry = centralDirectoryOffset(cbz); // where the kept entries end
        assertCaught(cbz, newEntry + 30 + "ComicInfo.xml".length() + 3);
    }

    @Test
    void anUncorruptedWriteThroughTheSameChannelPasses() throws IOException {
        Path cbz = book();
        new ArchiveWriter(channel -> new CorruptingChannel(channel, -1)).write(cbz, Map.of("ComicInfo.xml", INFO),
                WriteOptions.DEFAULT);
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(INFO);
            assertThat(archive.pages()).hasSize(6);
        }
    }

    private void assertCaught(Path cbz, long corruptAt) throws IOException {
        String original = Fixtures.sha256(cbz);
        ArchiveWriter corrupting = new ArchiveWriter(channel -> new CorruptingChannel(channel, corruptAt));
        assertThatThrownBy(() -> corrupting.write(cbz, Map.of("ComicInfo.xml", INFO), WriteOptions.DEFAULT))
                .as("a byte flipped at offset %d", corruptAt)
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ArchiveException.Reason.WRITE_FAILED);
                    assertThat(e.getMessage()).contains("book.cbz").contains("left unchanged").doesNotContain("\n");
                });
        assertThat(Fixtures.sha256(cbz)).isEqualTo(original);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(TempFiles::isTempFile)).isEmpty();
        }
    }

    private static long dataOffset(Path cbz, String name) throws IOException {
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setPath(cbz).get()) {
            var entry = zip.getEntry(name);
            zip.getRawInputStream(entry).close(); // resolves the data offset
            return entry.getDataOffset();
        }
    }

    private static long centralDirectoryOffset(Path cbz) throws IOException {
        byte[] bytes = Files.readAllBytes(cbz);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 22 + 16) & 0xFFFFFFFFL;
    }
}
