package dev.metronome.cli;

import dev.metronome.tagging.TaggingOptions;
import dev.metronome.tagging.TaggingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metronome tag PATH...}: identifies archives and writes their metadata. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Identifies archives in Metron and writes ComicInfo.xml (and MetronInfo.xml with --metroninfo).",
        footer = {"", "Examples:",
                "  metronome tag ~/comics                          tag a whole library (folders are searched)",
                "  metronome tag --dry-run --json ~/comics/new     decide, write nothing, print JSON",
                "  metronome tag --id 31047 'Black Cat 003.cbz'    settle an ambiguous file",
                "  metronome tag --convert --metroninfo *.cbr      convert CBR to CBZ and write both files",
                "  metronome tag --strict-comicinfo ~/comics       ComicInfo valid against v2.0 (for strict readers)",
                "", "Exit codes: 0 all tagged (or already current), 1 some files not tagged (ambiguous, no match, errors), 2 usage, 3 credentials/configuration, 4 fatal (Metron unreachable or failing, daily quota spent), 130 interrupted (Ctrl-C, SIGTERM)."})
final class TagCommand extends BatchCommand {

    @Option(names = {"-n", "--dry-run"}, description = "Decide and show, but write nothing.")
    boolean dryRun;

    @Option(names = "--metroninfo", description = "Also write MetronInfo.xml.")
    boolean metronInfo;

    @Option(names = "--convert", description = "Convert CBR, CB7 and CBT to CBZ so that they can be tagged (pages are not recompressed).")
    boolean convert;

    @Option(names = "--keep-original", description = "With --convert: keep the original archive beside the new CBZ.")
    boolean keepOriginal;

    @Option(names = "--force", description = "Also write archives whose file is read-only (without it they are skipped with one line).")
    boolean force;

    @Option(names = "--replace-unreadable-metadata", description = "Write fresh metadata over a ComicInfo.xml that cannot be read; "
            + "the old one is kept inside the archive as " + TaggingRun.UNREADABLE_BACKUP + ".")
    boolean replaceUnreadable;

    @Option(names = "--strict-comicinfo", negatable = true, description = {"Write ComicInfo.xml valid against the stable "
            + "v2.0 schema (no GTIN, Tags, Translator, StoryArcNumber) instead of the v2.1 draft.",
            "Default: the config key comicinfo.strict (false)."})
    Boolean strictComicInfo;

    @Option(names = "--fix-extensions", description = "Rename a tagged .cbr/.cb7/.cbt whose content is a ZIP to .cbz "
            + "(off by default: library servers key books by path). Each rename is reported.")
    boolean fixExtensions;

    @Override
    TaggingOptions options(int jobs) {
        return TaggingOptions.defaults().withJobs(jobs).withDryRun(dryRun).withWriteMetronInfo(metronInfo)
                .withConvert(convert).withKeepOriginal(keepOriginal).withFixExtensions(fixExtensions).withForce(force)
                .withReplaceUnreadableMetadata(replaceUnreadable);
    }

    @Override
    boolean strictComicInfo(Settings settings) {
        return strictComicInfo != null ? strictComicInfo : settings.strictComicInfo();
    }

    @Override
    String commandName() {
        return "tag";
    }
}
