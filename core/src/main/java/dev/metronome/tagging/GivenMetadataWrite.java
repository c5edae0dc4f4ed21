package dev.metronome.tagging;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.FileResult;
import dev.metronome.api.IdSource;
import dev.metronome.api.MetadataMerger;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.ArchiveLock;
import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.WriteOptions;
import dev.metronome.archive.WriteResult;
import dev.metronome.comicinfo.ComicInfoWriter;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.MetronomeStamp;
import dev.metronome.comicinfo.PagesBuilder;
import dev.metronome.comicinfo.Retag;
import dev.metronome.core.Problems;
import dev.metronome.identify.Evidence;
import dev.metronome.identify.EvidenceCollector;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metroninfo.MetronInfoWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes metadata a caller already has (a library server's adapter, through the host) into an archive, without asking
 * Metron again: the given metadata is merged with the file's own ComicInfo.xml (and MetronInfo.xml when the run
 * writes it) by the re-tag rules ({@link Retag}: the user's fields are kept), its page list is the archive's, and the
 * result goes through the one crash-safe write pipeline (temp file in the same folder, verified, fsynced, renamed).
 * {@link TaggingRun} writes Metron's record through the same steps.
 */
public final class GivenMetadataWrite {

    private final Clock clock;
    private final TaggingOptions options;
    private final EvidenceCollector collector = new EvidenceCollector();

    /**
     * @param clock   the clock (the date of the Notes stamp)
     * @param options how to write (conversion, strict ComicInfo, MetronInfo, symlinks...)
     */
    public GivenMetadataWrite(Clock clock, TaggingOptions options) {
        this.clock = clock;
        this.options = options == null ? TaggingOptions.defaults() : options;
    }

    /**
     * Writes the given metadata into one archive. The metadata must carry a Metron issue id (the Notes stamp names
     * it). A file another Metronome process holds, or whose ComicInfo.xml cannot be read, is left as it is.
     *
     * @param archive the archive
     * @param given   what to write
     * @return {@code TAGGED} (with the path, new if converted), {@code UNCHANGED} when the file already holds exactly
     * this, or {@code FAILED} with the reason; never thrown
     */
    public FileResult write(Path archive, ComicMetadata given) {
        OptionalLong issueId = metronIssueId(given);
        if (issueId.isEmpty()) {
            return new FileResult(archive, FileResult.Outcome.FAILED, null, "the metadata carries no Metron issue id");
        }
        Long id = issueId.getAsLong();
        if (archive.toAbsolutePath().getParent() != null) {
            ArchiveWriter.recoverInterrupted(archive.toAbsolutePath().getParent());
        }
        try {
            Optional<ArchiveLock> lock = ArchiveLock.tryAcquire(archive);
            if (lock.isEmpty()) {
                return new FileResult(archive, FileResult.Outcome.FAILED, id,
                        "is being tagged by another Metronome process; skipped");
            }
            try (ArchiveLock held = lock.get()) {
                Evidence ev = collector.collect(archive, false);
                if (ev.comicInfoUnreadable()) {
                    return new FileResult(archive, FileResult.Outcome.FAILED, id, "its ComicInfo.xml is unreadable;"
                            + " it was left as is rather than overwritten");
                }
                Optional<Path> written = mergeAndWrite(archive, ev, given, id, clock, options);
                return written.isPresent()
                        ? new FileResult(written.get(), FileResult.Outcome.TAGGED, id, "written as issue " + id)
                        : new FileResult(archive, FileResult.Outcome.UNCHANGED, id, "already current");
            }
        } catch (IOException | RuntimeException e) {
            return new FileResult(archive, FileResult.Outcome.FAILED, id, Problems.describe(e));
        }
    }

    /** The Metron issue id a model carries, if it is a number. */
    static OptionalLong metronIssueId(ComicMetadata m) {
        Optional<String> id = m.id(IdSource.METRON, ExternalId.Kind.ISSUE).map(ExternalId::value);
        try {
            return id.isPresent() ? OptionalLong.of(Long.parseLong(id.get().strip())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Merges incoming metadata with what the file holds and writes it; empty when the file already holds exactly this.
     *
     * @param file     the archive
     * @param ev       what was read from it
     * @param incoming the metadata to write (Metron's record, or what a caller handed)
     * @param issueId  the Metron issue it describes (for the Notes stamp)
     * @param clock    the clock
     * @param options  how to write
     * @return the path written, empty when nothing changed
     */
    static Optional<Path> mergeAndWrite(Path file, Evidence ev, ComicMetadata incoming, long issueId, Clock clock,
                                        TaggingOptions options) throws ArchiveException, MetadataException {
        ComicMetadata existing = ev.comicInfo().orElse(ComicMetadata.EMPTY);
        MetronomeStamp stamp = new MetronomeStamp(MetronSettings.version(), LocalDate.now(clock), issueId);
        PagesBuilder.Result pages = ArchivePages.of(file);
        ComicMetadata merged = withArchivePages(Retag.merge(existing, incoming, stamp), pages);
        ComicInfoWriter writer = options.strictComicInfo() ? ComicInfoWriter.strict() : ComicInfoWriter.defaults();
        byte[] comicInfo = writer.write(merged).bytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (ev.comicInfoBytes().isEmpty() || !Arrays.equals(ev.comicInfoBytes().get(), comicInfo)) {
            entries.put("ComicInfo.xml", comicInfo);
        }
        if (ev.comicInfoUnreadable()) {
            // only with --replace-unreadable-metadata: the old bytes stay in the archive, under a name no reader takes
            entries.put(TaggingRun.UNREADABLE_BACKUP, ev.comicInfoBytes().get());
        }
        if (options.writeMetronInfo()) {
            ComicMetadata metron = ev.metronInfo().map(m -> withArchivePages(Retag.merge(m, incoming, stamp), pages))
                    .orElse(merged);
            entries.put("MetronInfo.xml", MetronInfoWriter.defaults().write(metron).bytes());
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        WriteResult result = new ArchiveWriter().write(file, entries, writeOptions(options));
        return Optional.of(result.path());
    }

    /** The archive write options a run's options ask for. */
    static WriteOptions writeOptions(TaggingOptions options) {
        return WriteOptions.DEFAULT.withConvert(options.convert()).withKeepOriginal(options.keepOriginal())
                .withForce(options.force()).withRefuseSymlinks(options.refuseSymlinks());
    }

    /**
     * PageCount is the number of images in the archive (Metron's printed page count is not); a file without
     * {@code <Pages>} gets the archive's basic list (index, front cover, size, dimensions where cheap); a list that
     * does not describe the archive's pages is rebuilt from them, keeping the user's types and bookmarks by index.
     */
    private static ComicMetadata withArchivePages(ComicMetadata m, PagesBuilder.Result pages) {
        ComicMetadata.Builder b = m.toBuilder().pageCount(pages.pages().size());
        boolean describesTheArchive = m.pages().size() == pages.pages().size()
                && m.pages().stream().allMatch(page -> page.index() < pages.pages().size());
        if (m.pages().isEmpty()) {
            b.pages(pages.pages());
        } else if (!describesTheArchive) {
            // a list of other pages than the archive's: the archive's, with the user's types and bookmarks by index
            b.pages(MetadataMerger.mergePages(m.pages(), pages.pages()));
        }
        return b.build();
    }
}
