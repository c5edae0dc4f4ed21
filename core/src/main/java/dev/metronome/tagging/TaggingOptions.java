package dev.metronome.tagging;

import java.util.OptionalLong;

/**
 * What a tagging run does.
 *
 * @param dryRun          decide and report, write nothing
 * @param identifyOnly    decide only: no detail is needed for writing and nothing is written
 * @param forcedIssueId   use this Metron issue for every file instead of identifying
 * @param writeMetronInfo also write MetronInfo.xml
 * @param convert         convert read-only formats (CBR, CB7) to CBZ when writing
 * @param keepOriginal    keep the original file after a conversion
 * @param jobs            how many files are read, scanned and hashed at once (at least 1)
 * @param chooser         asked about ambiguous files; null = never ask
 * @param strictComicInfo write ComicInfo.xml that validates against the stable v2.0 schema (no GTIN, Tags,
 *                        Translator, StoryArcNumber, nor unknown elements) instead of the v2.1 draft
 * @param fixExtensions   rename a tagged {@code .cbr}/{@code .cb7}/{@code .cbt} whose content is a ZIP to
 *                        {@code .cbz} (off by default: library servers key books by path)
 * @param force           also write archives whose file is read-only (no write permission bit)
 * @param replaceUnreadableMetadata write fresh metadata over a ComicInfo.xml that cannot be read, keeping the old
 *                        bytes in a backup entry of the archive (without it such a file is left as it is)
 * @param refuseSymlinks  leave a symlinked archive unchanged (one line) instead of writing through to its target
 * @param details         with {@code identifyOnly}: also fetch each matched issue's details (one request per issue),
 *                        which confirm the issue still exists and add its title, publisher and dates to the report;
 *                        without it a match is reported from the listing and search answers alone. A run that writes
 *                        always fetches them (it writes them).
 */
public record TaggingOptions(boolean dryRun, boolean identifyOnly, OptionalLong forcedIssueId, boolean
                             writeMetronInfo, boolean convert, boolean keepOriginal, int jobs, CandidateChooser
                             chooser, boolean strictComicInfo, boolean fixExtensions, boolean force, boolean
                             replaceUnreadableMetadata, boolean refuseSymlinks, boolean details) {

    /** Normalizes the values. */
    public TaggingOptions {
        forcedIssueId = forcedIssueId == null ? OptionalLong.empty() : forcedIssueId;
        jobs = Math.max(1, jobs);
    }

    /** Identify and write ComicInfo.xml (v2.1); no conversion, no renames; as many jobs as processors (at most 4); never ask. */
    public static TaggingOptions defaults() {
        return new TaggingOptions(false, false, OptionalLong.empty(), false, false, false, Math.max(1, Math.min(4,
                Runtime.getRuntime().availableProcessors())), null, false, false, false, false, false, false);
    }

    /** A copy with {@code dryRun}. */
    public TaggingOptions withDryRun(boolean value) {
        return new TaggingOptions(value, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code identifyOnly}. */
    public TaggingOptions withIdentifyOnly(boolean value) {
        return new TaggingOptions(dryRun, value, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs, chooser,
                strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with a forced issue id (empty: identify). */
    public TaggingOptions withForcedIssueId(OptionalLong value) {
        return new TaggingOptions(dryRun, identifyOnly, value, writeMetronInfo, convert, keepOriginal, jobs, chooser,
                strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with a forced issue id. */
    public TaggingOptions withForcedIssueId(long value) {
        return withForcedIssueId(OptionalLong.of(value));
    }

    /** A copy with {@code writeMetronInfo}. */
    public TaggingOptions withWriteMetronInfo(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, value, convert, keepOriginal, jobs, chooser,
                strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code convert}. */
    public TaggingOptions withConvert(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, value, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code keepOriginal}. */
    public TaggingOptions withKeepOriginal(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, value, jobs, chooser,
                strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code jobs}. */
    public TaggingOptions withJobs(int value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, value,
                chooser, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with a chooser (null: never ask). */
    public TaggingOptions withChooser(CandidateChooser value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                value, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code strictComicInfo}. */
    public TaggingOptions withStrictComicInfo(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, value, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code fixExtensions}. */
    public TaggingOptions withFixExtensions(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, value, force, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code force}. */
    public TaggingOptions withForce(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, value, replaceUnreadableMetadata, refuseSymlinks, details);
    }

    /** A copy with {@code replaceUnreadableMetadata}. */
    public TaggingOptions withReplaceUnreadableMetadata(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, force, value, refuseSymlinks, details);
    }

    /** A copy with {@code refuseSymlinks}. */
    public TaggingOptions withRefuseSymlinks(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, value, details);
    }

    /** A copy with {@code details}. */
    public TaggingOptions withDetails(boolean value) {
        return new TaggingOptions(dryRun, identifyOnly, forcedIssueId, writeMetronInfo, convert, keepOriginal, jobs,
                chooser, strictComicInfo, fixExtensions, force, replaceUnreadableMetadata, refuseSymlinks, value);
    }

    /** Whether matched issues' details are fetched: always when the run writes or may write, else when asked. */
    public boolean fetchesDetails() {
        return !identifyOnly || details;
    }

    /** Whether files may be changed. */
    public boolean writes() {
        return !dryRun && !identifyOnly;
    }
}
