package dev.metronome.organize;

import dev.metronome.api.ComicMetadata;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.metroninfo.MetronInfoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads the metadata a template needs from an archive: MetronInfo first, then ComicInfo. */
public final class ArchiveMetadata {

    private ArchiveMetadata() {
    }

    /** Whether a file name has an archive extension (and is not hidden). */
    public static boolean isArchiveName(String name) {
        return dev.metronome.archive.Archives.isArchiveName(name);
    }

    /** The lower-case extension of a file name, without the dot, or "". */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A file name without its extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** Both metadata models of an archive (each may be null), with a broken one reported. */
    public record Models(ComicMetadata metronInfo, ComicMetadata comicInfo, String problem) {
    }

    /** Reads both metadata files; an unreadable archive throws, a broken XML file is a problem, not a failure. */
    public static Models read(ComicArchive archive) throws IOException {
        String problem = "";
        ComicMetadata metronInfo = null;
        ComicMetadata comicInfo = null;
        String source = archive.path().getFileName().toString();
        Optional<byte[]> mi = archive.readMetadata("MetronInfo.xml");
        if (mi.isPresent()) {
            try {
                metronInfo = new MetronInfoReader().read(mi.get(), source + "!MetronInfo.xml").metadata();
            } catch (MetadataException e) {
                problem = Runs.oneLine(e);
            }
        }
        Optional<byte[]> ci = archive.readMetadata("ComicInfo.xml");
        if (ci.isPresent()) {
            try {
                comicInfo = new ComicInfoReader().read(ci.get(), source + "!ComicInfo.xml").metadata();
            } catch (MetadataException e) {
                problem = Runs.oneLine(e);
            }
        }
        return new Models(metronInfo, comicInfo, problem);
    }

    /** The template fields of an archive file. */
    public static IssueFields fields(Path file) throws IOException {
        try (ComicArchive archive = Archives.open(file)) {
            Models models = read(archive);
            String name = file.getFileName().toString();
            return IssueFields.from(models.metronInfo(), models.comicInfo(), stem(name), extension(name));
        } catch (ArchiveException e) {
            throw e;
        }
    }
}
