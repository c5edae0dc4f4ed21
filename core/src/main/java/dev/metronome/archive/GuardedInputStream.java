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
    private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();

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
            crc.update(b);
            count(1);
        } else {
            atEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            crc.update(buffer, offset, n);
            count(n);
        } else if (n < 0) {
            atEnd();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read through, so that the size and CRC checks still hold
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** At the end of the data: a short entry is truncated, a wrong CRC is corruption. */
    private void atEnd() throws ArchiveException {
        if (entry.size() >= 0 && count < entry.size()) {
            throw new ArchiveException(archive, ArchiveException.Reason.CORRUPT,
                    "entry '" + entry.name() + "' is truncated (" + count + " of " + entry.size() + " bytes)");
        }
        if (entry.crc32() >= 0 && count == entry.size() && crc.getValue() != entry.crc32()) {
            throw new ArchiveException(archive, ArchiveException.Reason.CORRUPT,
                    "entry '" + entry.name() + "' fails its CRC check (the archive is corrupt)");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws ArchiveException {
        count += n;
        if (count > maxBytes || (entry.size() >= 0 && count > entry.size())) {
            if (count <= maxBytes) {
                throw new ArchiveException(archive, ArchiveException.Reason.CORRUPT,
                        "entry '" + entry.name() + "' holds more bytes than it declares (the archive is corrupt)");
            }
            throw new ArchiveException(archive, ArchiveException.Reason.HOSTILE,
                    "entry '" + entry.name() + "' expands beyond " + maxBytes + " bytes (a zip bomb?)");
        }
    }
}
