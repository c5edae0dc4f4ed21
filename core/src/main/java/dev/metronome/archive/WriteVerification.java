package dev.metronome.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Checks a rewritten CBZ before it replaces the original. What it costs is what it must: the new file's central
 * directory (read by an independent zip reader: the same entries in the same order, with the same raw names, sizes
 * and CRCs), the new entries (read back and inflated), and the copied bytes by a CRC of each copied range of the new
 * file against the CRC taken while copying, so the original is not read a second time.
 */
final class WriteVerification {

    /**
     * What the temp file must hold for one entry, and how to check it.
     *
     * @param rawName the exact name bytes (kept entries of a splice), or {@code null} to compare decoded names
     * @param compressedSize the stored size, or {@code -1} for a new entry
     * @param rawCrc the CRC of the stored bytes as copied, or {@code -1} where a copied range covers them
     * @param content a new entry's content, or {@code null} for a copied one
     */
    record Expected(String name, byte[] rawName, long size, long compressedSize, long crc, long rawCrc,
                    byte[] content) {
    }

    private WriteVerification() {
    }

    static Expected newEntry(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return new Expected(name, null, content.length, -1, crc.getValue(), -1, content);
    }

    /** What a spliced file must hold, from the plan alone: kept entries as their central records say. */
    static List<Expected> expected(ZipSplicer.Plan plan) {
        List<Expected> expected = new ArrayList<>();
        for (Object item : plan.items()) {
            if (item instanceof ZipSplicer.NewEntry entry) {
                Expected fresh = newEntry(entry.name(), entry.content());
                expected.add(new Expected(fresh.name(), entry.name().getBytes(StandardCharsets.UTF_8), fresh.size(),
                        -1, fresh.crc(), -1, fresh.content()));
                continue;
            }
            ZipSplicer.SourceEntry entry = (ZipSplicer.SourceEntry) item;
            ByteBuffer record = ByteBuffer.wrap(entry.centralRecord()).order(ByteOrder.LITTLE_ENDIAN);
            int nameLength = record.getShort(28) & 0xFFFF;
            // the splicer copies the central record raw: the name's bytes must come back exactly
            expected.add(new Expected(entry.name(), Arrays.copyOfRange(entry.centralRecord(), 46, 46 + nameLength),
                    record.getInt(24) & 0xFFFFFFFFL, record.getInt(20) & 0xFFFFFFFFL, record.getInt(16) & 0xFFFFFFFFL,
                    -1, null));
        }
        return expected;
    }

    /**
     * Verifies a spliced file: its entries (directories too, as the plan has them) and every copied range's CRC.
     */
    static void verifySplice(Path temp, List<Expected> expected, List<ZipSplicer.CopiedRange> copied, Path archive)
            throws IOException {
        try (ZipFile written = ZipFile.builder().setPath(temp).get()) {
            checkEntries(written, Collections.list(written.getEntriesInPhysicalOrder()), expected, archive);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ)) {
            for (ZipSplicer.CopiedRange range : copied) {
                if (ZipSplicer.crc(channel, range.targetOffset(), range.length()) != range.crc()) {
                    throw failed(archive, "the copied bytes at offset " + range.targetOffset() + " differ");
                }
            }
        }
    }

    /**
     * Verifies a file written entry by entry (the careful path): the entries, and each copied entry's stored bytes
     * by the CRC taken while copying.
     */
    static void verify(Path temp, List<Expected> expected, Path archive) throws IOException {
        try (ZipFile written = ZipFile.builder().setPath(temp).get()) {
            List<ZipArchiveEntry> actual = Collections.list(written.getEntriesInPhysicalOrder()).stream()
                    .filter(e -> !e.isDirectory()).toList();
            checkEntries(written, actual, expected, archive);
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < expected.size(); i++) {
                Expected want = expected.get(i);
                if (want.rawCrc() >= 0 && rawCrc(written.getRawInputStream(actual.get(i)), buffer) != want.rawCrc()) {
                    throw failed(archive, "the copied data of entry '" + want.name() + "' differs");
                }
            }
        }
    }

    private static void checkEntries(ZipFile written, List<ZipArchiveEntry> actual, List<Expected> expected,
                                     Path archive) throws IOException {
        if (actual.size() != expected.size()) {
            throw failed(archive, "it holds " + actual.size() + " entries instead of " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            ZipArchiveEntry got = actual.get(i);
            // spliced entries keep their name's bytes; the careful path's writer turns backslashes into '/'
            boolean sameName = want.rawName() != null ? Arrays.equals(got.getRawName(), want.rawName())
                    : EntryNames.normalize(got.getName()).equals(EntryNames.normalize(want.name()));
            if (!sameName || got.getSize() != want.size() || got.getCrc() != want.crc()
                    || want.compressedSize() >= 0 && got.getCompressedSize() != want.compressedSize()) {
                throw failed(archive, "entry '" + want.name() + "' differs");
            }
            if (want.content() != null) {
                try (InputStream in = written.getInputStream(got)) {
                    if (!Arrays.equals(in.readAllBytes(), want.content())) {
                        throw failed(archive, "entry '" + want.name() + "' reads back differently");
                    }
                }
            }
        }
    }

    /** The CRC-32 of a stream's bytes, read to its end. */
    static long rawCrc(InputStream in, byte[] buffer) throws IOException {
        CRC32 crc = new CRC32();
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    private static ArchiveException failed(Path archive, String what) {
        return new ArchiveException(archive, ArchiveException.Reason.WRITE_FAILED,
                "the rewritten archive failed verification (" + what + "), left unchanged");
    }
}
