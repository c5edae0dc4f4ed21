package dev.metronome.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The fast path of a CBZ rewrite: every kept entry (local header, data, data descriptor) is copied as a byte range,
 * contiguous entries as one range, each range's CRC-32 taken on the way (the one read of the source), so that
 * verification can check the copy with one read of the new file and no second read of the original; only the new
 * metadata entries and a new central directory are written. Kept entries' central-directory records are copied
 * raw with their offset patched, so names, times, attributes and extra fields stay exactly as they were.
 *
 * <p>It handles classic (non-ZIP64) archives without split volumes; {@link #plan} says when it cannot, and the
 * caller then uses the entry-by-entry raw copy of Commons Compress.
 */
final class ZipSplicer {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final long MAX_CLASSIC = 0xFFFFFFFFL;

    /** One entry of the source as laid out on disk. */
    record SourceEntry(String name, long start, long end, byte[] centralRecord) {
    }

    /** What the new file will hold, in order: source entries to copy, or new entries to write. */
    record Plan(List<Object> items, byte[] comment) {
    }

    /** A new entry, deflated. */
    record NewEntry(String name, byte[] content) {
    }

    /** A byte range copied from the source: where it sits in the new file, its length and its CRC-32. */
    record CopiedRange(long targetOffset, long length, long crc) {
    }

    private static final int COPY_BUFFER = 1 << 20;
    /**
     * One copy buffer per thread, reused: a direct buffer allocated per write is freed only when the garbage
     * collector gets to it, so a run of thousands of writes would hold gigabytes of native memory in the meantime.
     */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(COPY_BUFFER));

    private ZipSplicer() {
    }

    /**
     * Reads the source's central directory and plans the rewrite, or returns empty when the archive is outside
     * what this fast path handles (ZIP64, multi-disk, odd layouts).
     */
    static Optional<Plan> plan(FileChannel source, Map<String, byte[]> replacements) throws IOException {
        long size = source.size();
        int tail = (int) Math.min(size, 65_535 + 22);
        ByteBuffer end = read(source, size - tail, tail);
        int eocd = -1;
        for (int i = tail - 22; i >= 0; i--) {
            if (end.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0 || (eocd >= 20 && end.getInt(eocd - 20) == ZIP64_LOCATOR)) {
            return Optional.empty();
        }
        int disk = end.getShort(eocd + 4) & 0xFFFF;
        int entriesOnDisk = end.getShort(eocd + 8) & 0xFFFF;
        int entries = end.getShort(eocd + 10) & 0xFFFF;
        long cdSize = end.getInt(eocd + 12) & MAX_CLASSIC;
        long cdOffset = end.getInt(eocd + 16) & MAX_CLASSIC;
        int commentLength = end.getShort(eocd + 20) & 0xFFFF;
        if (disk != 0 || entriesOnDisk != entries || entries == 0xFFFF || cdOffset == MAX_CLASSIC
                || cdOffset + cdSize > size - tail + eocd || eocd + 22 + commentLength > tail) {
            return Optional.empty();
        }
        byte[] comment = new byte[commentLength];
        end.get(eocd + 22, comment);

        ByteBuffer cd = read(source, cdOffset, (int) cdSize);
        Map<String, String> replacedByLowerName = new HashMap<>();
        replacements.keySet().forEach(n -> replacedByLowerName.put(n.toLowerCase(Locale.ROOT), n));
        Map<String, byte[]> pending = new java.util.LinkedHashMap<>(replacements);
        List<SourceEntry> sourceEntries = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < entries; i++) {
            if (position + 46 > cd.limit() || cd.getInt(position) != CENTRAL_HEADER) {
                return Optional.empty();
            }
            int flags = cd.getShort(position + 8) & 0xFFFF;
            long compressedSize = cd.getInt(position + 20) & MAX_CLASSIC;
            int nameLength = cd.getShort(position + 28) & 0xFFFF;
            int extraLength = cd.getShort(position + 30) & 0xFFFF;
            int commentLen = cd.getShort(position + 32) & 0xFFFF;
            long localOffset = cd.getInt(position + 42) & MAX_CLASSIC;
            int recordLength = 46 + nameLength + extraLength + commentLen;
            if (compressedSize == MAX_CLASSIC || localOffset == MAX_CLASSIC || position + recordLength > cd.limit()
                    || (flags & 1) != 0) {
                return Optional.empty();
            }
            byte[] record = new byte[recordLength];
            cd.get(position, record);
            byte[] rawName = new byte[nameLength];
            cd.get(position + 46, rawName);
            String name = EntryNames.normalize(new String(rawName, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            long entryEnd = entryEnd(source, localOffset, compressedSize, flags, cdOffset);
            if (entryEnd < 0) {
                return Optional.empty();
            }
            sourceEntries.add(new SourceEntry(name, localOffset, entryEnd, record));
            position += recordLength;
        }
        sourceEntries.sort(java.util.Comparator.comparingLong(SourceEntry::start));
        for (int i = 1; i < sourceEntries.size(); i++) {
            if (sourceEntries.get(i).start() < sourceEntries.get(i - 1).end()) {
                return Optional.empty(); // overlapping entries: leave it to the careful path
            }
        }
        List<Object> items = new ArrayList<>();
        for (SourceEntry entry : sourceEntries) {
            String replacement = replacedByLowerName.get(entry.name().toLowerCase(Locale.ROOT));
            if (replacement == null) {
                items.add(entry);
            } else if (pending.containsKey(replacement)) {
                byte[] content = pending.remove(replacement);
                if (content != null) { // null: the entry is removed
                    items.add(new NewEntry(replacement, content));
                }
            }
        }
        pending.forEach((name, content) -> {
            if (content != null) {
                items.add(new NewEntry(name, content));
            }
        });
        return Optional.of(new Plan(items, comment));
    }

    /** Where an entry's bytes end: after its data and its data descriptor, if it has one. */
    private static long entryEnd(FileChannel source, long localOffset, long compressedSize, int flags, long limit)
            throws IOException {
        if (localOffset + 30 > limit) {
            return -1;
        }
        ByteBuffer local = read(source, localOffset, 30);
        if (local.getInt(0) != LOCAL_HEADER) {
            return -1;
        }
        long dataStart = localOffset + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
        long dataEnd = dataStart + compressedSize;
        if ((flags & 0x08) == 0) {
            return dataEnd <= limit ? dataEnd : -1;
        }
        if (dataEnd + 12 > limit) {
            return -1;
        }
        ByteBuffer descriptor = read(source, dataEnd, 4);
        long descriptorEnd = dataEnd + (descriptor.getInt(0) == DATA_DESCRIPTOR ? 16 : 12);
        return descriptorEnd <= limit ? descriptorEnd : -1;
    }

    /**
     * Writes the planned archive to {@code target}: kept entries copied as byte ranges (their CRC taken on the way),
     * new ones deflated, then the central directory. Returns the ranges copied.
     */
    static List<CopiedRange> write(FileChannel source, Plan plan, SeekableByteChannel target) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        List<CopiedRange> copied = new ArrayList<>();
        ByteBuffer buffer = BUFFER.get();
        long offset = 0;
        int count = 0;
        long runStart = -1;
        long runEnd = -1;
        long runTarget = 0;
        for (Object item : plan.items()) {
            if (item instanceof SourceEntry entry) {
                // contiguous entries are copied as one range
                if (entry.start() != runEnd) {
                    if (runStart >= 0) {
                        copied.add(copy(source, runStart, runEnd - runStart, target, runTarget, buffer));
                    }
                    runStart = entry.start();
                    runTarget = offset;
                }
                runEnd = entry.end();
                byte[] record = entry.centralRecord().clone();
                ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putInt(42, (int) offset);
                central.write(record);
                offset += entry.end() - entry.start();
            } else {
                NewEntry entry = (NewEntry) item;
                if (runStart >= 0) {
                    copied.add(copy(source, runStart, runEnd - runStart, target, runTarget, buffer));
                    runStart = -1;
                    runEnd = -1;
                }
                byte[][] written = newEntry(entry, offset);
                writeFully(target, ByteBuffer.wrap(written[0]));
                central.write(written[1]);
                offset += written[0].length;
            }
            count++;
            if (offset >= MAX_CLASSIC || count >= 0xFFFF) {
                throw new IOException("the archive outgrows the classic ZIP format");
            }
        }
        if (runStart >= 0) {
            copied.add(copy(source, runStart, runEnd - runStart, target, runTarget, buffer));
        }
        byte[] directory = central.toByteArray();
        ByteBuffer eocd = ByteBuffer.allocate(22 + plan.comment().length).order(ByteOrder.LITTLE_ENDIAN);
        eocd.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0)
                .putShort((short) count).putShort((short) count)
                .putInt(directory.length).putInt((int) offset).putShort((short) plan.comment().length).put(plan.comment());
        eocd.flip();
        writeFully(target, ByteBuffer.wrap(directory));
        writeFully(target, eocd);
        return copied;
    }

    /**
     * The CRC-32 of a range of a file, read once through a direct buffer (no mapping: page faults cost more than
     * the reads on virtual machines).
     */
    static long crc(FileChannel channel, long position, long length) throws IOException {
        ByteBuffer buffer = BUFFER.get();
        CRC32 crc = new CRC32();
        long done = 0;
        while (done < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - done));
            int n = channel.read(buffer, position + done);
            if (n <= 0) {
                throw new java.io.EOFException("the file ends inside a copied range");
            }
            buffer.flip();
            crc.update(buffer);
            done += n;
        }
        return crc.getValue();
    }

    /** The local header + deflated data, and the central-directory record, of a new entry. */
    private static byte[][] newEntry(NewEntry entry, long offset) {
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(entry.content());
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(entry.content());
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(entry.content().length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] data = deflated.toByteArray();
        int[] dos = dosTime(LocalDateTime.now());

        ByteBuffer local = ByteBuffer.allocate(30 + name.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        local.putInt(LOCAL_HEADER).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                .putShort((short) dos[0]).putShort((short) dos[1]).putInt((int) crc.getValue())
                .putInt(data.length).putInt(entry.content().length).putShort((short) name.length).putShort((short) 0)
                .put(name).put(data);

        ByteBuffer record = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(CENTRAL_HEADER).putShort((short) ((3 << 8) | 20)).putShort((short) 20).putShort((short) 0x0800)
                .putShort((short) 8).putShort((short) dos[0]).putShort((short) dos[1]).putInt((int) crc.getValue())
                .putInt(data.length).putInt(entry.content().length).putShort((short) name.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt(0100644 << 16).putInt((int) offset).put(name);
        return new byte[][] {local.array(), record.array()};
    }

    private static int[] dosTime(LocalDateTime t) {
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        int date = ((Math.max(t.getYear(), 1980) - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        return new int[] {time, date};
    }

    /** Copies a range of the source to the target's end, taking its CRC-32 on the way. */
    private static CopiedRange copy(FileChannel source, long position, long count, SeekableByteChannel target,
                                    long targetOffset, ByteBuffer buffer) throws IOException {
        CRC32 crc = new CRC32();
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = source.read(buffer, position + done);
            if (n <= 0) {
                throw new IOException("the source ended early while copying");
            }
            buffer.flip();
            crc.update(buffer);
            buffer.position(0);
            writeFully(target, buffer);
            done += n;
        }
        return new CopiedRange(targetOffset, count, crc.getValue());
    }

    private static void writeFully(SeekableByteChannel target, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new java.io.EOFException("the archive is truncated");
            }
        }
        buffer.flip();
        return buffer;
    }
}
