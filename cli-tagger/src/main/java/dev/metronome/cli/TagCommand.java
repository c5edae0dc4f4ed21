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
                "", "Exit codes: 0 all tagged (or already current), 1 some files not tagged (ambiguous, no match, errors), 2 usage, 3 credentials/configuration, 4 fatal."})
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

    @Override
    TaggingOptions options(int jobs) {
        return TaggingOptions.defaults().withJobs(jobs).withDryRun(dryRun).withWriteMetronInfo(metronInfo)
                .withConvert(convert).withKeepOriginal(keepOriginal).withForce(force)
                .withReplaceUnreadableMetadata(replaceUnreadable);
    }

    @Override
    String commandName() {
        return "tag";
    }
}
