package dev.metronome.cli;

import dev.metronome.tagging.TaggingOptions;
import picocli.CommandLine.Command;

/** {@code metronome identify PATH...}: decides which Metron issue each archive is, without writing. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Decides which Metron issue each archive is, and why, without writing anything.",
        footer = {"", "Examples:", "  metronome identify ~/comics/new",
                "  metronome identify --json --metron-url http://127.0.0.1:8099/api/ DIR"})
final class IdentifyCommand extends BatchCommand {

    @Override
    TaggingOptions options(int jobs) {
        return TaggingOptions.defaults().withJobs(jobs).withIdentifyOnly(true);
    }

    @Override
    String commandName() {
        return "identify";
    }
}
