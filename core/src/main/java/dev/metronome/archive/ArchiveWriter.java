package dev.metronome.archive;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
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
        refuseReadOnlyFile(archive, options);
        recoverInterrupted(folder);
        ArchiveFormat format = Archives.detect(archive);
        if (format == ArchiveFormat.CBZ) {
            replaceInZip(archive, entries, options.openOptions());
            return new WriteResult(archive, format, false, Optional.empty());
        }
        refuseReadOnlyFormat(archive, format, options);
        return new CbzConverter(channelDecorator, afterConversionRename).convert(archive, entries, options);
    }

    /**
     * Refuses, before anything is fetched or written, an archive that {@link #write} would refuse whatever it is
     * given: a read-only file without {@link WriteOptions#force()}, a read-only format without
     * {@link WriteOptions#convert()}. A symbolic link is checked when written (through its target).
     *
     * @param archive the archive
     * @param options the options the write will use
     * @throws ArchiveException with the same message {@link #write} would give
     */
    public static void checkWritable(Path archive, WriteOptions options) throws ArchiveException {
        if (Files.isSymbolicLink(archive)) {
            return;
        }
        refuseReadOnlyFile(archive, options);
        refuseReadOnlyFormat(archive, Archives.detect(archive), options);
    }

    private static void refuseReadOnlyFile(Path archive, WriteOptions options) throws ArchiveException {
        if (!options.force() && isReadOnly(archive)) {
            throw new ArchiveException(archive, ArchiveException.Reason.READ_ONLY_FILE,
                    "is read-only (no write permission), left unchanged; use --force to write it anyway");
        }
    }

    private static void refuseReadOnlyFormat(Path archive, ArchiveFormat format, WriteOptions options)
            throws ArchiveException {
        if (format != ArchiveFormat.CBZ && !options.convert()) {
            throw new ArchiveException(archive, ArchiveException.Reason.READ_ONLY_FORMAT,
                    "cannot write into a " + format + " (read-only format), use --convert to convert it to CBZ");
        }
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
            PosixFileAttributeView posix = Files.getFileAttributeView(archive, PosixFileAttributeView.class);
            if (posix != null) {
                return !posix.readAttributes().permissions().contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
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
            try (FileChannel sourceChannel = FileChannel.open(archive, StandardOpenOption.READ)) {
                checkFreeSpace(archive, sourceChannel.size());
                Optional<ZipSplicer.Plan> plan = ZipSplicer.plan(sourceChannel, entries);
                if (plan.isPresent()) {
                    // the fast path reads the source's central directory itself: no zip library opens it
                    List<ZipSplicer.CopiedRange> copied;
                    try (SeekableByteChannel channel = openTemp(temp)) {
                        copied = ZipSplicer.write(sourceChannel, plan.get(), channel);
                        force(channel, temp);
                    }
                    WriteVerification.verifySplice(temp, WriteVerification.expected(plan.get()), copied, archive);
                } else {
                    try (ZipComicArchive source = (ZipComicArchive) Archives.open(archive, openOptions)) {
                        List<WriteVerification.Expected> expected;
                        try (SeekableByteChannel channel = openTemp(temp)) {
                            expected = rawCopy(source, entries, channel);
                            force(channel, temp);
                        }
                        WriteVerification.verify(temp, expected, archive);
                    }
                }
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

    private SeekableByteChannel openTemp(Path temp) throws IOException {
        return channelDecorator.apply(FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ));
    }

    private static void force(SeekableByteChannel channel, Path temp) throws IOException {
        if (channel instanceof FileChannel file) {
            file.force(true);
        } else {
            forceUnderlying(temp);
        }
    }

    /**
     * The careful path for archives the splicer does not handle (ZIP64, odd layouts): Commons Compress copies each
     * entry raw, and every copied byte is checked by CRC afterwards.
     */
    private static List<WriteVerification.Expected> rawCopy(ZipComicArchive source, Map<String, byte[]> entries, SeekableByteChannel channel)
            throws IOException {
        List<WriteVerification.Expected> expected = new ArrayList<>();
        // not closed here: closing the stream would close the channel before it is forced to disk
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        for (Item item : layout(source, entries)) {
            expected.add(item.kept() != null ? copyRaw(source, item.kept(), zip) : writeNew(zip, item.name(), item.content()));
        }
        zip.finish();
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

    private static WriteVerification.Expected copyRaw(ZipComicArchive source, ArchiveEntry entry, ZipArchiveOutputStream zip) throws IOException {
        ZipArchiveEntry nativeEntry = source.nativeEntry(entry);
        // the copy carries the name as we decoded it, written back as flagged UTF-8; a name that differs only by
        // its separators (backslashes from old Windows tools) keeps its raw form
        boolean sameName = entry.name().equals(EntryNames.normalize(nativeEntry.getName()));
        ZipArchiveEntry copy = sameName ? nativeEntry : new RenamedEntry(nativeEntry, entry.name());
        CRC32 rawCrc = new CRC32();
        try (InputStream raw = new java.util.zip.CheckedInputStream(source.zipFile().getRawInputStream(nativeEntry), rawCrc)) {
            zip.addRawArchiveEntry(copy, raw);
        }
        return new WriteVerification.Expected(copy.getName(), null, nativeEntry.getSize(),
                nativeEntry.getCompressedSize(), nativeEntry.getCrc(), rawCrc.getValue(), null);
    }

    private static WriteVerification.Expected writeNew(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setTime(System.currentTimeMillis());
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
        return WriteVerification.newEntry(name, content);
    }

    static void checkFreeSpace(Path archive, long needed) throws IOException {
        // statvfs on the folder; Files.getFileStore would scan the mount table on every write
        long usable = archive.toAbsolutePath().getParent().toFile().getUsableSpace();
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
