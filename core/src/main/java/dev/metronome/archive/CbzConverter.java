package dev.metronome.archive;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Converts a RAR, 7z or tar comic into a CBZ: pages are stored as they are (no recompression), every entry is
 * verified against the source by size and CRC, and only then is the original removed (or kept, if asked).
 */
final class CbzConverter {

    private final UnaryOperator<SeekableByteChannel> channelDecorator;
    private final Runnable afterRename;

    /**
     * @param channelDecorator wraps the temp file's channel (tests inject I/O failures)
     * @param afterRename      run between the rename and the original's removal (tests simulate a crash there)
     */
    CbzConverter(UnaryOperator<SeekableByteChannel> channelDecorator, Runnable afterRename) {
        this.channelDecorator = channelDecorator;
        this.afterRename = afterRename;
    }

    /** What the new CBZ must hold for one entry. */
    private record Expected(String name, long size, long crc) {
    }

    WriteResult convert(Path source, Map<String, byte[]> metadata, WriteOptions options) throws ArchiveException {
        Path target = source.resolveSibling(baseName(source) + ".cbz");
        if (Files.exists(target)) {
            throw new ArchiveException(source, ArchiveException.Reason.WRITE_FAILED,
                    "cannot convert to CBZ: " + target.getFileName() + " already exists");
        }
        Path temp = TempFiles.beside(target);
        ArchiveFormat format;
        ConversionJournal journal = null;
        try {
            try (ComicArchive archive = Archives.open(source, options.openOptions())) {
                format = archive.format();
                ArchiveWriter.checkFreeSpace(source, Files.size(source) * 2);
                List<Expected> expected = new ArrayList<>();
                try (SeekableByteChannel channel = channelDecorator.apply(FileChannel.open(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ));
                     ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
                    zip.setUseZip64(Zip64Mode.AsNeeded);
                    Set<String> replaced = new HashSet<>();
                    metadata.keySet().forEach(name -> replaced.add(name.toLowerCase(Locale.ROOT)));
                    Set<String> written = new HashSet<>();
                    Map<String, byte[]> pending = new LinkedHashMap<>(metadata);
                    for (ArchiveEntry entry : archive.entries()) {
                        // every entry is kept: a hostile name ("../x.jpg") under a safe one, a duplicate under a
                        // numbered one, so that no page is lost when the original is removed
                        String name = uniqueName(EntryNames.safe(entry.name())
                                .orElseGet(() -> fallbackName(entry)), written);
                        if (replaced.contains(name.toLowerCase(Locale.ROOT))) {
                            continue;
                        }
                        expected.add(copy(archive, entry, name, zip));
                    }
                    for (Map.Entry<String, byte[]> added : pending.entrySet()) {
                        expected.add(add(zip, added.getKey(), added.getValue()));
                    }
                    zip.finish();
                    if (channel instanceof FileChannel file) {
                        file.force(true);
                    } else {
                        ArchiveWriter.forceUnderlying(temp);
                    }
                }
                verify(temp, expected, source);
                ArchiveWriter.copyPermissions(source, temp);
            }
            journal = ConversionJournal.begin(source, target, options.keepOriginal());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            TempFiles.syncFolder(target.toAbsolutePath().getParent());
        } catch (ArchiveException e) {
            ArchiveWriter.deleteQuietly(temp);
            if (journal != null) {
                journal.done();
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            ArchiveWriter.deleteQuietly(temp);
            if (journal != null) {
                journal.done();
            }
            throw new ArchiveException(source, ArchiveException.Reason.WRITE_FAILED,
                    "could not be converted to CBZ, left unchanged: " + ArchiveWriter.oneLine(e), e);
        }
        afterRename.run();
        boolean kept = options.keepOriginal();
        if (!kept) {
            try {
                Files.delete(source);
                TempFiles.syncFolder(source.toAbsolutePath().getParent());
            } catch (IOException e) {
                kept = true;
            }
        }
        journal.done();
        return new WriteResult(target, format, true, kept ? Optional.of(source) : Optional.empty());
    }

    /** A safe name for an entry whose own is not: its last segment, or {@code entry-N} keeping the extension. */
    private static String fallbackName(ArchiveEntry entry) {
        String last = EntryNames.fileName(EntryNames.normalize(entry.name())).replace("\0", "");
        if (last.isEmpty() || last.equals("..") || last.equals(".") || last.matches("[A-Za-z]:")) {
            String ext = entry.extension();
            return "entry-" + (entry.index() + 1) + (ext.isEmpty() ? "" : "." + ext);
        }
        return last;
    }

    /** The name, or {@code name (2).ext}, {@code name (3).ext}... if taken (ignoring case). */
    private static String uniqueName(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        boolean hasExtension = dot > slash + 1;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = hasExtension ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot)
                    : name + " (" + n + ")";
        }
        return candidate;
    }

    private static Expected copy(ComicArchive archive, ArchiveEntry entry, String name, ZipArchiveOutputStream zip)
            throws IOException {
        ZipArchiveEntry out = new ZipArchiveEntry(name);
        // images are already compressed: store them as they are; text and XML are deflated
        out.setMethod(EntryNames.IMAGE_EXTENSIONS.contains(entry.extension()) ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
        CRC32 crc = new CRC32();
        long size = 0;
        zip.putArchiveEntry(out);
        try (InputStream in = new CheckedInputStream(archive.open(entry), crc)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                zip.write(buffer, 0, n);
                size += n;
            }
        }
        zip.closeArchiveEntry();
        if (entry.size() >= 0 && entry.size() != size) {
            throw new ArchiveException(archive.path(), ArchiveException.Reason.CORRUPT,
                    "entry '" + entry.name() + "' holds " + size + " bytes, not the " + entry.size() + " it declares");
        }
        if (entry.crc32() >= 0 && entry.crc32() != crc.getValue()) {
            throw new ArchiveException(archive.path(), ArchiveException.Reason.CORRUPT,
                    "entry '" + entry.name() + "' fails its CRC check");
        }
        return new Expected(name, size, crc.getValue());
    }

    private static Expected add(ZipArchiveOutputStream zip, String name, byte[] content) throws IOException {
        ZipArchiveEntry out = new ZipArchiveEntry(name);
        out.setMethod(ZipArchiveEntry.DEFLATED);
        zip.putArchiveEntry(out);
        zip.write(content);
        zip.closeArchiveEntry();
        CRC32 crc = new CRC32();
        crc.update(content);
        return new Expected(name, content.length, crc.getValue());
    }

    /** Reads every entry of the new CBZ back and checks its name, size and CRC against the source's. */
    private static void verify(Path temp, List<Expected> expected, Path source) throws IOException {
        try (ZipFile written = ZipFile.builder().setPath(temp).get()) {
            List<ZipArchiveEntry> actual = Collections.list(written.getEntriesInPhysicalOrder());
            if (actual.size() != expected.size()) {
                throw failed(source, "it holds " + actual.size() + " entries instead of " + expected.size());
            }
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < expected.size(); i++) {
                Expected want = expected.get(i);
                ZipArchiveEntry got = actual.get(i);
                if (!got.getName().equals(want.name()) || got.getSize() != want.size()
                        || WriteVerification.rawCrc(written.getInputStream(got), buffer) != want.crc()) {
                    throw failed(source, "entry '" + want.name() + "' differs from the source");
                }
            }
        }
    }

    private static ArchiveException failed(Path source, String what) {
        return new ArchiveException(source, ArchiveException.Reason.WRITE_FAILED,
                "the converted CBZ failed verification (" + what + "), original left unchanged");
    }

    private static String baseName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
