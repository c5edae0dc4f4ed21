package dev.metronome.tagging;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.ArchiveFormat;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.PagesBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of an archive as ComicInfo's {@code <Pages>} lists them: one per image in reading order, the first a
 * front cover, with each image's size in bytes. Width and height come from the image headers (nothing is decoded)
 * where that is cheap: in a ZIP, whose entries are read at random; RAR, 7z and tar are read from the start to each
 * entry, so their pages get no dimensions.
 */
final class ArchivePages {

    private ArchivePages() {
    }

    /** The pages of the archive at this path. */
    static PagesBuilder.Result of(Path file) throws ArchiveException {
        try (ComicArchive archive = Archives.open(file)) {
            List<PagesBuilder.PageSource> sources = new ArrayList<>();
            List<ArchiveEntry> pages = archive.pages();
            boolean headers = archive.format() == ArchiveFormat.CBZ;
            for (int i = 0; i < pages.size(); i++) {
                ArchiveEntry entry = pages.get(i);
                PagesBuilder.Opener opener = headers ? () -> archive.open(entry) : () -> new ByteArrayInputStream(new byte[0]);
                sources.add(new PagesBuilder.PageSource(i, entry.name(), entry.size(), opener));
            }
            PagesBuilder.Result built = PagesBuilder.build(sources);
            return headers ? built : new PagesBuilder.Result(built.pages(), List.of());
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw new ArchiveException(file, ArchiveException.Reason.CORRUPT, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
