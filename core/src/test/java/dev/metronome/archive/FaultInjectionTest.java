package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A full disk (an I/O failure at a random offset of the temp file) never changes the original. */
class FaultInjectionTest {

    @TempDir
    Path dir;

    /** A channel that fails like a full disk once {@code limit} bytes have been written. */
    static class FullDiskChannel implements SeekableByteChannel {
        private final SeekableByteChannel delegate;
        private final long limit;
        private long written;

        FullDiskChannel(SeekableByteChannel delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (written + source.remaining() > limit) {
                int allowed = (int) (limit - written);
                if (allowed > 0) {
                    ByteBuffer part = source.duplicate();
                    part.limit(part.position() + allowed);
                    delegate.write(part);
                    source.position(source.position() + allowed);
                    written += allowed;
                }
                throw new IOException("No space left on device");
            }
            int n = delegate.write(source);
            written += n;
            return n;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return delegate.read(destination);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    @Test
    void aFullDiskAtAnyOffsetLeavesTheCbzByteIdentical() throws IOException {
        Path cbz = ArchiveBuilder.cbz().randomPages(8, 40_000, 3).entry("ComicInfo.xml", "<ComicInfo/>")
                .writeTo(dir.resolve("book.cbz"));
        String original = Fixtures.sha256(cbz);
        long size = Files.size(cbz);
        Random random = new Random(20261127);
        byte[] info = "<ComicInfo><Series>Tagged</Series></ComicInfo>".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 40; round++) {
            long failAt = round == 0 ? 0 : random.nextLong(size + 200);
            ArchiveWriter failing = new ArchiveWriter(channel -> new FullDiskChannel(channel, failAt));
            assertThatThrownBy(() -> failing.write(cbz, Map.of("ComicInfo.xml", info), WriteOptions.DEFAULT))
                    .as("failing at byte %d", failAt)
                    .isInstanceOfSatisfying(ArchiveException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ArchiveException.Reason.WRITE_FAILED);
                        assertThat(e.getMessage()).contains("book.cbz").contains("No space left on device")
                                .contains("left unchanged").doesNotContain("\n");
                    });
            assertThat(Fixtures.sha256(cbz)).isEqualTo(original);
            assertNoTempFiles();
        }
        // and with room on the disk the same write succeeds
        new ArchiveWriter().write(cbz, Map.of("ComicInfo.xml", info), WriteOptions.DEFAULT);
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(info);
        }
    }

    @Test
    void aFullDiskDuringConversionLeavesTheSourceAndNoCbz() throws IOException {
        Path cbr = Fixtures.copy("t5-m3.cbr", dir, "book.cbr");
        String original = Fixtures.sha256(cbr);
        Random random = new Random(7);
        for (int round = 0; round < 15; round++) {
            long failAt = random.nextLong(Files.size(cbr) + 500);
            ArchiveWriter failing = new ArchiveWriter(channel -> new FullDiskChannel(channel, failAt));
            assertThatThrownBy(() -> failing.write(cbr, Map.of("ComicInfo.xml", new byte[] {'<', '/', '>'}),
                    WriteOptions.DEFAULT.withConvert(true)))
                    .isInstanceOf(ArchiveException.class);
            assertThat(Fixtures.sha256(cbr)).isEqualTo(original);
            assertThat(dir.resolve("book.cbz")).doesNotExist();
            assertNoTempFiles();
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(TempFiles::isTempFile)).isEmpty();
        }
    }
}
