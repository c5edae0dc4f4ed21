package dev.metronome.archive;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * Writes metadata entries ({@code ComicInfo.xml}, {@code MetronInfo.xml}) into archives without ever losing data.
 *
 * <p>A CBZ is rewritten by copying every other entry raw (images are never decompressed or recompressed) into a
 * temp file in the same folder; the temp file is verified, fsynced and atomically renamed over the original,
 * keeping its permissions. Whatever fails, the original stays byte-identical. RAR, 7z and tar can only be
 * converted to CBZ ({@link WriteOptions#convert()}); see {@link CbzConverter}.
 */
public final class ArchiveWriter {

    private final UnaryOperator<SeekableByteChannel> channelDecorator;
    private final Runnable afterConversionRename;

    /** A writer to real files. */
    public ArchiveWriter() {
        this(UnaryOperator.identity());
    }

    /** A writer whose temp-file channel is wrapped, so that tests can inject I/O failures. */
    ArchiveWriter(UnaryOperator<SeekableByteChannel> channelDecorator) {
        this(channelDecorator, () -> { });
    }

    /** A writer with a hook between a conversion's rename and the original's removal (tests crash there). */
    ArchiveWriter(UnaryOperator<SeekableByteChannel> channelDecorator, Runnable afterConversionRename) {
        this.channelDecorator = channelDecorator;
        this.afterConversionRename = afterConversionRename;
    }

    /**
     * Settles what interrupted writes left in a folder: stale temp files go, conversions cut short between the
     * rename and the original's removal are finished. Call it before listing a folder's archives.
     *
     * @param folder the folder
     */
    public static void recoverInterrupted(Path folder) {
        TempFiles.removeStale(folder);
        ConversionJournal.recover(folder);
    }

    /** Whether a file is what an interrupted write leaves: a temp file or a conversion journal. */
    public static boolean isInterruptedWork(Path file) {
        return TempFiles.isTempFile(file) || ConversionJournal.isJournal(file);
    }

    /**
     * Adds or replaces root-level metadata entries in an archive.
     *
     * @param archive the archive to update
     * @param entries file name (e.g. {@code ComicInfo.xml}) to content; an existing entry of that name, in any
     *                letter case, is replaced in place; a {@code null} content removes the entry (a nested one is
     *                named by its full path)
     * @throws ArchiveException with one clear sentence; the original file is then unchanged
     */
    public WriteResult write(Path archive, Map<String, byte[]> entries, WriteOptions options) throws ArchiveException {
        if (Files.isSymbolicLink(archive)) {
            return writeThroughLink(archive, entries, options);
        }
        Path folder = archive.toAbsolutePath().getParent();
        if (!options.force() && isReadOnly(archive)) {
            throw new ArchiveException(archive, ArchiveException.Reason.READ_ONLY_FILE,
                    "is read-only (no write permission), left unchanged; use --force to write it anyway");
        }
        recoverInterrupted(folder);
        ArchiveFormat format = Archives.detect(archive);
        if (format == ArchiveFormat.CBZ) {
            replaceInZip(archive, entries, options.openOptions());
            return new WriteResult(archive, format, false, Optional.empty());
        }
        if (!options.convert()) {
            throw new ArchiveException(archive, ArchiveException.Reason.READ_ONLY_FORMAT,
                    "cannot write into a " + format + " (read-only format), use --convert to convert it to CBZ");
        }
        return new CbzConverter(channelDecorator, afterConversionRename).convert(archive, entries, options);
    }

    /**
     * A symlinked archive: the link stays a link and its target is written in place (in the target's folder, so
     * the rename stays atomic), unless symlinks are refused. A conversion is refused: it would leave the link
     * pointing at a removed file.
     */
    private WriteResult writeThroughLink(Path link, Map<String, byte[]> entries, WriteOptions options)
            throws ArchiveException {
        if (options.refuseSymlinks()) {
            throw new ArchiveException(link, ArchiveException.Reason.WRITE_FAILED,
                    "is a symbolic link, left unchanged (write.symlinks = refuse)");
        }
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            throw new ArchiveException(link, ArchiveException.Reason.WRITE_FAILED,
                    "is a symbolic link whose target cannot be reached (" + oneLine(e) + ")", e);
        }
        if (Archives.detect(target) != ArchiveFormat.CBZ) {
            throw new ArchiveException(link, ArchiveException.Reason.READ_ONLY_FORMAT,
                    "is a symbolic link to a " + Archives.detect(target) + "; convert its target " + target
                            + " instead");
        }
        WriteResult written = write(target, entries, options);
        return new WriteResult(link, written.sourceFormat(), written.converted(), written.keptOriginal());
    }

    /**
     * Whether the file's own permissions say it must not be written: no owner write bit (POSIX), or the DOS
     * read-only attribute. Asked of the permissions, not of the process, since root may write anything.
     */
    static boolean isReadOnly(Path archive) {
        try {
            if (Files.getFileStore(archive).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                return !Files.getPosixFilePermissions(archive)
                        .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            }
            Object dos = Files.getAttribute(archive, "dos:readonly");
            return Boolean.TRUE.equals(dos);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private void replaceInZip(Path archive, Map<String, byte[]> entries, OpenOptions openOptions) throws ArchiveException {
        Path temp = TempFiles.beside(archive);
        try {
            try (ZipComicArchive source = (ZipComicArchive) Archives.open(archive, openOptions);
                 FileChannel sourceChannel = FileChannel.open(archive, StandardOpenOption.READ)) {
                checkFreeSpace(archive, Files.size(archive));
                Optional<ZipSplicer.Plan> plan = ZipSplicer.plan(sourceChannel, entries);
                List<Expected> expected;
                try (SeekableByteChannel channel = channelDecorator.apply(FileChannel.open(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ))) {
                    if (plan.isPresent()) {
                        ZipSplicer.write(sourceChannel, plan.get(), channel);
                        expected = expectedEntries(source, entries);
                    } else {
                        expected = rawCopy(source, entries, channel);
                    }
                    if (channel instanceof FileChannel file) {
                        file.force(true);
                    } else {
                        forceUnderlying(temp);
                    }
                }
                verify(temp, expected, source, archive);
                copyPermissions(archive, temp);
            }
            Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            TempFiles.syncFolder(archive.toAbsolutePath().getParent());
        } catch (ArchiveException e) {
            deleteQuietly(temp);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new ArchiveException(archive, ArchiveException.Reason.WRITE_FAILED,
                    "could not be written, left unchanged: " + oneLine(e), e);
        }
    }

    /**
     * The careful path for archives the splicer does not handle (ZIP64, odd layouts): Commons Compress copies each
     * entry raw, and every copied byte is checked by CRC afterwards.
     */
    private static List<Expected> rawCopy(ZipComicArchive source, Map<String, byte[]> entries, SeekableByteChannel channel)
            throws IOException {
        List<Expected> expected = new ArrayList<>();
        // not closed here: closing the stream would close the channel before it is forced to disk
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        for (Item item : layout(source, entries)) {
            expected.add(item.kept() != null ? copyRaw(source, item.kept(), zip) : writeNew(zip, item.name(), item.content()));
        }
        zip.finish();
        return expected;
    }

    /** What the spliced file must hold: the same order as {@link ZipSplicer#plan}. */
    private static List<Expected> expectedEntries(ZipComicArchive source, Map<String, byte[]> entries) {
        List<Expected> expected = new ArrayList<>();
        for (Item item : layout(source, entries)) {
            if (item.kept() == null) {
                expected.add(newEntry(item.name(), item.content()));
                continue;
            }
            ZipArchiveEntry nativeEntry = source.nativeEntry(item.kept());
            // the splicer copies the central record raw: the name's bytes must come back exactly
            expected.add(new Expected(item.kept().name(), nativeEntry.getRawName(), nativeEntry.getSize(),
                    nativeEntry.getCompressedSize(), nativeEntry.getCrc(), -1, null, nativeEntry));
        }
        return expected;
    }

    /** One entry of the new archive: a kept entry of the source, or a new (or replacing) one. */
    private record Item(ArchiveEntry kept, String name, byte[] content) {
    }

    /**
     * The new archive's entries in order: the source's, with a replaced metadata entry in its old place (in any
     * letter case, duplicates dropped), and new ones at the end.
     */
    private static List<Item> layout(ZipComicArchive source, Map<String, byte[]> entries) {
        List<Item> items = new ArrayList<>();
        Map<String, byte[]> pending = new LinkedHashMap<>(entries);
        Map<String, String> byLowerName = lowerNames(entries);
        for (ArchiveEntry entry : source.entries()) {
            String replacedBy = byLowerName.get(entry.name().toLowerCase(Locale.ROOT));
            if (replacedBy == null) {
                items.add(new Item(entry, entry.name(), null));
            } else if (pending.containsKey(replacedBy)) {
                byte[] content = pending.remove(replacedBy);
                if (content != null) { // null: the entry is removed
                    items.add(new Item(null, replacedBy, content));
                }
            }
        }
        pending.forEach((name, content) -> {
            if (content != null) {
                items.add(new Item(null, name, content));
            }
        });
        return items;
    }

    private static Map<String, String> lowerNames(Map<String, byte[]> entries) {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        entries.keySet().forEach(name -> byLowerName.put(name.toLowerCase(Locale.ROOT), name));
        return byLowerName;
    }

    /** A copy of a zip entry under another name (the name as decoded, when the raw bytes were unflagged UTF-8). */
    private static final class RenamedEntry extends ZipArchiveEntry {
        RenamedEntry(ZipArchiveEntry original, String name) throws java.util.zip.ZipException {
            super(original);
            setName(name);
        }
    }

    /** What the temp file must hold for one entry, and how to check it. */
    private record Expected(String name, byte[] rawName, long size, long compressedSize, long crc, long rawCrc,
                            byte[] content, ZipArchiveEntry source) {
    }

    private static Expected newEntry(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return new Expected(name, null, content.length, -1, crc.getValue(), -1, content, null);
    }

    private static Expected copyRaw(ZipComicArchive source, ArchiveEntry entry, ZipArchiveOutputStream zip) throws IOException {
        ZipArchiveEntry nativeEntry = source.nativeEntry(entry);
        // the copy carries the name as we decoded it, written back as flagged UTF-8; a name that differs only by
        // its separators (backslashes from old Windows tools) keeps its raw form
        boolean sameName = entry.name().equals(EntryNames.normalize(nativeEntry.getName()));
        ZipArchiveEntry copy = sameName ? nativeEntry : new RenamedEntry(nativeEntry, entry.name());
        CRC32 rawCrc = new CRC32();
        try (InputStream raw = new java.util.zip.CheckedInputStream(source.zipFile().getRawInputStream(nativeEntry), rawCrc)) {
            zip.addRawArchiveEntry(copy, raw);
        }
        return new Expected(copy.getName(), null, nativeEntry.getSize(), nativeEntry.getCompressedSize(),
                nativeEntry.getCrc(), rawCrc.getValue(), null, nativeEntry);
    }

    private static Expected writeNew(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setTime(System.currentTimeMillis());
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
        return newEntry(name, content);
    }

    /**
     * Re-opens the temp file: the same entries in the same order; each copied entry with the same sizes, CRC and
     * raw bytes (by CRC of the stored data); each new entry reading back to exactly what was written.
     */
    private static void verify(Path temp, List<Expected> expected, ZipComicArchive source, Path archive) throws IOException {
        try (ZipFile written = ZipFile.builder().setPath(temp).get();
             FileChannel fromChannel = FileChannel.open(archive, StandardOpenOption.READ);
             FileChannel toChannel = FileChannel.open(temp, StandardOpenOption.READ)) {
            List<ZipArchiveEntry> actual = Collections.list(written.getEntriesInPhysicalOrder()).stream()
                    .filter(e -> !e.isDirectory()).toList();
            if (actual.size() != expected.size()) {
                throw verifyFailed(archive, "it holds " + actual.size() + " entries instead of " + expected.size());
            }
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < expected.size(); i++) {
                Expected want = expected.get(i);
                ZipArchiveEntry got = actual.get(i);
                // spliced entries keep their name's bytes; the careful path's writer turns backslashes into '/'
                boolean sameName = want.rawName() != null ? Arrays.equals(got.getRawName(), want.rawName())
                        : EntryNames.normalize(got.getName()).equals(EntryNames.normalize(want.name()));
                if (!sameName || got.getSize() != want.size() || got.getCrc() != want.crc()) {
                    throw verifyFailed(archive, "entry '" + want.name() + "' differs");
                }
                if (want.content() == null) {
                    boolean same = got.getCompressedSize() == want.compressedSize() && (want.rawCrc() >= 0
                            ? rawCrc(written.getRawInputStream(got), buffer) == want.rawCrc()
                            : sameEnds(source.zipFile(), want.source(), written, got, fromChannel, toChannel));
                    if (!same) {
                        throw verifyFailed(archive, "the copied data of entry '" + want.name() + "' differs");
                    }
                } else {
                    try (InputStream in = written.getInputStream(got)) {
                        if (!java.util.Arrays.equals(in.readAllBytes(), want.content())) {
                            throw verifyFailed(archive, "entry '" + want.name() + "' reads back differently");
                        }
                    }
                }
            }
        }
    }

    /**
     * After a kernel copy: the first and last 4 KiB of the entry's stored data are the same in both files, which
     * proves every entry sits at its new offset with its own data (the copy itself is the kernel's, like a cp).
     */
    private static boolean sameEnds(ZipFile from, ZipArchiveEntry fromEntry, ZipFile to, ZipArchiveEntry toEntry,
                                    FileChannel fromChannel, FileChannel toChannel) throws IOException {
        from.getRawInputStream(fromEntry).close(); // resolves the data offsets
        to.getRawInputStream(toEntry).close();
        long size = fromEntry.getCompressedSize();
        int chunk = (int) Math.min(4096, size);
        return Arrays.equals(readAt(fromChannel, fromEntry.getDataOffset(), chunk), readAt(toChannel, toEntry.getDataOffset(), chunk))
                && Arrays.equals(readAt(fromChannel, fromEntry.getDataOffset() + size - chunk, chunk),
                        readAt(toChannel, toEntry.getDataOffset() + size - chunk, chunk));
    }

    private static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }

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

    private static ArchiveException verifyFailed(Path archive, String what) {
        return new ArchiveException(archive, ArchiveException.Reason.WRITE_FAILED,
                "the rewritten archive failed verification (" + what + "), left unchanged");
    }

    static void checkFreeSpace(Path archive, long needed) throws IOException {
        FileStore store = Files.getFileStore(archive.toAbsolutePath().getParent());
        long usable = store.getUsableSpace();
        if (usable > 0 && usable < needed + (1 << 20)) {
            throw new ArchiveException(archive, ArchiveException.Reason.WRITE_FAILED,
                    "not enough free disk space to rewrite it safely (" + needed / (1 << 20) + " MiB needed)");
        }
    }

    static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        PosixFileAttributes attributes = view.readAttributes();
        Files.setPosixFilePermissions(to, attributes.permissions());
        try {
            PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            target.setGroup(attributes.group());
            target.setOwner(attributes.owner());
        } catch (IOException | UnsupportedOperationException notAllowed) {
            // only root may give a file away; the permissions are what matters
        }
    }

    static void forceUnderlying(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | UncheckedIOException ignored) {
            // removed by the next run (TempFiles.removeStale)
        }
    }

    /** The failure in words; a temp file that cannot be made means the folder is not writable. */
    static String oneLine(Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException denied && denied.getFile() != null
                && TempFiles.isTempFile(Path.of(denied.getFile()))) {
            Path folder = Path.of(denied.getFile()).toAbsolutePath().getParent();
            return "its folder " + folder + " is not writable (permission denied)";
        }
        return dev.metronome.core.Problems.describe(e);
    }
}
