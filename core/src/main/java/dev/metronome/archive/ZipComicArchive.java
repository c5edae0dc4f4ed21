package dev.metronome.archive;

import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CBZ read with Commons Compress {@link ZipFile}: random access through the central directory, ZIP64, names
 * in UTF-8 (flagged or not) or CP437.
 */
final class ZipComicArchive extends AbstractComicArchive {

    private final ZipFile zip;
    private final Map<ArchiveEntry, ZipArchiveEntry> native_ = new LinkedHashMap<>();

    ZipComicArchive(Path path, ArchiveLimits limits) throws IOException {
        super(path, ArchiveFormat.CBZ, limits);
        this.zip = ZipFile.builder().setPath(path).setCharset("Cp437").setUseUnicodeExtraFields(true).get();
        try {
            List<ArchiveEntry> all = new ArrayList<>();
            Map<ZipArchiveEntry, Boolean> seen = new IdentityHashMap<>();
            int index = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory() || seen.put(entry, Boolean.TRUE) != null) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    throw new ArchiveException(path, ArchiveException.Reason.ENCRYPTED,
                            "the ZIP archive is encrypted (entry '" + entry.getName() + "'); encrypted ZIPs are not supported");
                }
                ArchiveEntry ours = new ArchiveEntry(EntryNames.normalize(displayName(entry)), entry.getSize(),
                        entry.getCompressedSize(), entry.getCrc(), index++);
                native_.put(ours, entry);
                all.add(ours);
            }
            setEntries(all);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * The entry's name: UTF-8 when flagged or when a Unicode extra field gives it; otherwise UTF-8 if the raw
     * bytes are valid UTF-8 (macOS and Linux tools often forget the flag), else CP437.
     */
    private static String displayName(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesUTF8ForNames() || entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            return entry.getName();
        }
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return entry.getName();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return entry.getName();
        }
    }

    /** The Commons Compress entry behind one of ours (for raw copies). */
    ZipArchiveEntry nativeEntry(ArchiveEntry entry) {
        return native_.get(entry);
    }

    /** The underlying zip file (for raw copies). */
    ZipFile zipFile() {
        return zip;
    }

    @Override
    protected InputStream openEntry(ArchiveEntry entry) throws IOException {
        ZipArchiveEntry zipEntry = native_.get(entry);
        if (!zip.canReadEntryData(zipEntry)) {
            throw new ArchiveException(path(), ArchiveException.Reason.UNSUPPORTED,
                    "entry '" + entry.name() + "' uses an unsupported compression method (" + zipEntry.getMethod() + ")");
        }
        return zip.getInputStream(zipEntry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
