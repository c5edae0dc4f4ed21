package dev.metronome.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Fails an entry's stream as soon as it yields more than the entry may: more than its declared size, more
 * than the size limit, or more than the compression-ratio limit allows (zip bombs).
 */
final class GuardedInputStream extends FilterInputStream {

    private final Path archive;
    private final ArchiveEntry entry;
    private final long maxBytes;
    private long count;

    GuardedInputStream(InputStream in, Path archive, ArchiveEntry entry, ArchiveLimits limits) {
        super(in);
        this.archive = archive;
        this.entry = entry;
        long max = limits.maxEntrySize();
        if (entry.compressedSize() > 0) {
            long byRatio = (long) Math.max(limits.ratioThreshold(), entry.compressedSize() * limits.maxCompressionRatio());
            max = Math.min(max, byRatio);
        }
        this.maxBytes = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private void count(long n) throws ArchiveException {
        count += n;
        if (count > maxBytes) {
            throw new ArchiveException(archive, ArchiveException.Reason.HOSTILE,
                    "entry '" + entry.name() + "' expands beyond " + maxBytes + " bytes (a zip bomb?)");
        }
    }
}
