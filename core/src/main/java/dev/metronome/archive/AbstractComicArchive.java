package dev.metronome.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every format shares: page selection and order, metadata lookup, bounded reads.
 */
abstract class AbstractComicArchive implements ComicArchive {

    private final Path path;
    private final ArchiveFormat format;
    protected final ArchiveLimits limits;
    private List<ArchiveEntry> entries;
    private List<ArchiveEntry> pages;

    AbstractComicArchive(Path path, ArchiveFormat format, ArchiveLimits limits) {
        this.path = path;
        this.format = format;
        this.limits = limits;
    }

    /** Sets the entry list once the subclass has read the directory, enforcing the entry-count limit. */
    protected final void setEntries(List<ArchiveEntry> all) throws ArchiveException {
        if (all.size() > limits.maxEntries()) {
            throw new ArchiveException(path, ArchiveException.Reason.HOSTILE,
                    "holds " + all.size() + " entries, more than the limit of " + limits.maxEntries());
        }
        for (ArchiveEntry entry : all) {
            if (entry.size() > limits.maxEntrySize()) {
                throw new ArchiveException(path, ArchiveException.Reason.HOSTILE, "entry '" + entry.name()
                        + "' declares " + entry.size() + " bytes, more than the limit of " + limits.maxEntrySize());
            }
        }
        this.entries = List.copyOf(all);
        this.pages = all.stream()
                .filter(e -> EntryNames.isPage(e.name()))
                .sorted(Comparator.comparing(ArchiveEntry::name, NaturalOrder.INSTANCE))
                .toList();
    }

    /** Opens the raw (uncompressed) content of an entry; the base class guards it. */
    protected abstract InputStream openEntry(ArchiveEntry entry) throws IOException;

    @Override
    public Path path() {
        return path;
    }

    @Override
    public ArchiveFormat format() {
        return format;
    }

    @Override
    public List<ArchiveEntry> entries() {
        return entries;
    }

    @Override
    public List<ArchiveEntry> pages() {
        return pages;
    }

    @Override
    public Optional<ArchiveEntry> metadataEntry(String fileName) {
        String wanted = fileName.toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(e -> !EntryNames.isJunk(e.name()))
                .filter(e -> e.fileName().toLowerCase(Locale.ROOT).equals(wanted))
                .min(Comparator.comparingInt((ArchiveEntry e) -> depth(e.name())).thenComparingInt(ArchiveEntry::index));
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    @Override
    public InputStream open(ArchiveEntry entry) throws IOException {
        if (!entries.contains(entry)) {
            throw new IllegalArgumentException("not an entry of " + path + ": " + entry.name());
        }
        try {
            return new GuardedInputStream(openEntry(entry), path, entry, limits);
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Archives.translate(path, e, "cannot read entry '" + entry.name() + "'");
        }
    }

    @Override
    public byte[] read(ArchiveEntry entry, int maxBytes) throws IOException {
        if (entry.size() > maxBytes) {
            throw new ArchiveException(path, ArchiveException.Reason.HOSTILE,
                    "entry '" + entry.name() + "' is " + entry.size() + " bytes, more than the " + maxBytes + " allowed");
        }
        try (InputStream in = open(entry)) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw new ArchiveException(path, ArchiveException.Reason.HOSTILE,
                        "entry '" + entry.name() + "' is larger than the " + maxBytes + " bytes allowed");
            }
            return data;
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Archives.translate(path, e, "cannot read entry '" + entry.name() + "'");
        }
    }

    @Override
    public String toString() {
        return format + " " + path;
    }
}
