package dev.metronome.maintenance;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.MetronomeStamp;
import dev.metronome.organize.ArchiveMetadata;
import java.io.IOException;
import java.nio.file.Path;

/** Finds archives without metadata, or with metadata but no Metron issue id. */
public final class MissingCheck {

    /** What an archive lacks. */
    public enum Lack {
        /** Nothing: it has metadata and a Metron id. */
        NOTHING,
        /** Neither ComicInfo.xml nor MetronInfo.xml. */
        METADATA,
        /** Metadata, but no Metron issue id in it. */
        METRON_ID,
        /** The archive (or its XML) cannot be read. */
        UNREADABLE
    }

    /**
     * One archive's finding.
     *
     * @param path   the archive
     * @param lack   what it lacks
     * @param detail which files it has, or why it cannot be read
     */
    public record Finding(Path path, Lack lack, String detail) {
    }

    private MissingCheck() {
    }

    /** Checks one archive. */
    public static Finding check(Path path) {
        try (ComicArchive archive = Archives.open(path)) {
            ArchiveMetadata.Models models = ArchiveMetadata.read(archive);
            if (models.metronInfo() == null && models.comicInfo() == null) {
                return models.problem().isEmpty() ? new Finding(path, Lack.METADATA, "no ComicInfo.xml or MetronInfo.xml")
                        : new Finding(path, Lack.UNREADABLE, models.problem());
            }
            String files = (models.comicInfo() != null ? "ComicInfo.xml" : "")
                    + (models.comicInfo() != null && models.metronInfo() != null ? ", " : "")
                    + (models.metronInfo() != null ? "MetronInfo.xml" : "");
            boolean hasId = hasMetronId(models.metronInfo()) || hasMetronId(models.comicInfo());
            return new Finding(path, hasId ? Lack.NOTHING : Lack.METRON_ID, files);
        } catch (IOException | RuntimeException e) {
            return new Finding(path, Lack.UNREADABLE, SchemaCheck.oneLine(e));
        }
    }

    private static boolean hasMetronId(ComicMetadata metadata) {
        if (metadata == null) {
            return false;
        }
        return metadata.id(IdSource.METRON, ExternalId.Kind.ISSUE).isPresent()
                || MetronomeStamp.issueId(metadata.notes()).isPresent()
                || metadata.notes().matches("(?s).*\\[issue_id:\\d+\\].*")
                || metadata.webLinks().stream().anyMatch(w -> w.url().matches("https?://metron\\.cloud/issue/.+"));
    }
}
