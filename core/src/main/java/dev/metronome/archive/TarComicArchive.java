package dev.metronome.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CBT (uncompressed tar) read with Commons Compress {@link TarFile}, which gives random access. */
final class TarComicArchive extends AbstractComicArchive {

    private final TarFile tar;
    private final Map<ArchiveEntry, TarArchiveEntry> native_ = new LinkedHashMap<>();

    TarComicArchive(Path path, ArchiveLimits limits) throws IOException {
        super(path, ArchiveFormat.CBT, limits);
        this.tar = new TarFile(path, "UTF-8");
        try {
            List<ArchiveEntry> all = new ArrayList<>();
            int index = 0;
            for (TarArchiveEntry entry : tar.getEntries()) {
                if (!entry.isFile()) {
                    continue;
                }
                ArchiveEntry ours = new ArchiveEntry(EntryNames.normalize(entry.getName()), entry.getSize(),
                        entry.getSize(), -1, index++);
                native_.put(ours, entry);
                all.add(ours);
            }
            setEntries(all);
        } catch (IOException | RuntimeException e) {
            tar.close();
            throw e;
        }
    }

    @Override
    protected InputStream openEntry(ArchiveEntry entry) throws IOException {
        return tar.getInputStream(native_.get(entry));
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
