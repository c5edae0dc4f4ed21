package dev.metronome.archive;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CB7 read with Commons Compress {@link SevenZFile} (LZMA/LZMA2 through XZ for Java). Reading an entry of a
 * solid block decompresses the block up to it, streaming.
 */
final class SevenZComicArchive extends AbstractComicArchive {

    private final SevenZFile sevenZ;
    private final Map<ArchiveEntry, SevenZArchiveEntry> native_ = new LinkedHashMap<>();

    SevenZComicArchive(Path path, OpenOptions options) throws IOException {
        super(path, ArchiveFormat.CB7, options.limits());
        SevenZFile.Builder builder = SevenZFile.builder().setPath(path).setMaxMemoryLimitKiB(512 * 1024)
                .setTryToRecoverBrokenArchives(false);
        options.password().ifPresent(builder::setPassword);
        this.sevenZ = builder.get();
        try {
            List<ArchiveEntry> all = new ArrayList<>();
            int index = 0;
            for (SevenZArchiveEntry entry : sevenZ.getEntries()) {
                if (entry.isDirectory() || entry.isAntiItem() || !entry.hasStream()) {
                    continue;
                }
                ArchiveEntry ours = new ArchiveEntry(EntryNames.normalize(entry.getName()), entry.getSize(), -1,
                        entry.getHasCrc() ? entry.getCrcValue() : -1, index++);
                native_.put(ours, entry);
                all.add(ours);
            }
            setEntries(all);
        } catch (IOException | RuntimeException e) {
            sevenZ.close();
            throw e;
        }
    }

    @Override
    protected synchronized InputStream openEntry(ArchiveEntry entry) throws IOException {
        return sevenZ.getInputStream(native_.get(entry));
    }

    @Override
    public void close() throws IOException {
        sevenZ.close();
    }
}
