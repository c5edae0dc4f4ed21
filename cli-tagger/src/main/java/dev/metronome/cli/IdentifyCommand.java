package dev.metronome.cli;

import dev.metronome.tagging.TaggingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metronome identify PATH...}: decides which Metron issue each archive is, without writing. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Decides which Metron issue each archive is, and why, without writing anything.",
        footer = {"", "Examples:", "  metronome identify ~/comics/new",
                "  metronome identify --details ~/comics/new",
                "  metronome identify --json --metron-url http://127.0.0.1:8099/api/ DIR"})
final class IdentifyCommand extends BatchCommand {

    @Option(names = "--details", description = "Also fetch each matched issue's details from Metron (one request per"
            + " issue) and show its title, publisher and cover date. Without it a match is reported from Metron's"
            + " listings and searches alone.")
    boolean details;

    @Override
    TaggingOptions options(int jobs) {
        return TaggingOptions.defaults().withJobs(jobs).withIdentifyOnly(true).withDetails(details);
    }

    @Override
    String commandName() {
        return "identify";
    }
}
