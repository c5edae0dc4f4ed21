package dev.metronome.cli;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.cache.MetronCache;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.MetronomeStamp;
import dev.metronome.metroninfo.MetronInfoReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Metron issue a tagged archive is: its MetronInfo Metron id, else a Metron id in its ComicInfo notes (in any
 * form a tagger writes: {@code [issue_id:N]}, {@code [Issue ID N]} of a Metron line, the old {@code [metron:issue=N]}), else what the cache remembers for its fingerprint (which survives re-tagging).
 */
final class TaggedIssue {

    private TaggedIssue() {
    }

    static OptionalLong of(Path file, MetronCache cache) {
        try (ComicArchive archive = Archives.open(file)) {
            Optional<byte[]> metronInfo = archive.readMetadata("MetronInfo.xml");
            if (metronInfo.isPresent()) {
                OptionalLong id = metronId(new MetronInfoReader().read(metronInfo.get(), file.toString()).metadata());
                if (id.isPresent()) {
                    return id;
                }
            }
            Optional<byte[]> comicInfo = archive.readMetadata("ComicInfo.xml");
            if (comicInfo.isPresent()) {
                ComicMetadata metadata = new ComicInfoReader().read(comicInfo.get(), file.toString()).metadata();
                OptionalLong stamped = MetronomeStamp.issueId(metadata.notes());
                if (stamped.isPresent()) {
                    return stamped;
                }
                OptionalLong id = metronId(metadata);
                if (id.isPresent()) {
                    return id;
                }
            }
            return cache.issueForFingerprint(archive.fingerprint()).map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (ArchiveException | MetadataException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The Metron issue id a model carries, if it is a number. */
    static OptionalLong metronId(ComicMetadata metadata) {
        return metadata.id(IdSource.METRON, ExternalId.Kind.ISSUE).map(ExternalId::value)
                .filter(v -> v.matches("\\d+")).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }
}
