package dev.metronome.cli;

import dev.metronome.metron.ScrobbleService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metronome scrobble FILE... | --issue-id N [--rating 1-5] [--date-read ISO]}: marks issues as read in the
 * user's Metron collection. Files are looked up in the cache (archive fingerprint -> issue id, filled by tagging).
 */
@Command(name = "scrobble", mixinStandardHelpOptions = true,
        description = "Marks issues as read in your Metron collection.",
        footer = {"", "Examples:", "  metronome scrobble --issue-id 31047 --rating 4", "  metronome scrobble 'Saga 001 (2012).cbz'"})
public final class ScrobbleCommand extends UsesEnvironment {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Tagged archives (looked up by fingerprint).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--issue-id", description = "The Metron issue id.")
    Integer issueId;

    @Option(names = "--rating", description = "Your rating, 1 to 5.")
    Integer rating;

    @Option(names = "--date-read", description = "When you read it (ISO date-time; default now).")
    OffsetDateTime dateRead;

    @CommandLine.ParentCommand
    MetronomeCommand parent;

    @CommandLine.Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((issueId == null) == files.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "scrobble: give either FILE... or --issue-id N");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new UserError(ExitCode.USAGE, "scrobble: --rating must be between 1 and 5");
        }
        GlobalOptions options = global.with(parent == null ? null : parent.global());
        return MetronSessions.withSession(options, env, home, session -> {
            List<ScrobbleService.Scrobble> reads = new ArrayList<>();
            int failures = 0;
            if (issueId != null) {
                reads.add(new ScrobbleService.Scrobble(issueId, dateRead, rating));
            }
            for (Path file : files) {
                java.util.OptionalLong id = TaggedIssue.of(file, session.cache());
                if (id.isEmpty()) {
                    err.println("metronome: " + file + ": not identified yet; tag it first, or use --issue-id");
                    failures++;
                } else {
                    reads.add(new ScrobbleService.Scrobble((int) id.getAsLong(), dateRead, rating));
                }
            }
            for (ScrobbleService.Outcome outcome : new ScrobbleService(session.client(), Clock.systemUTC(),
                    session.cache()).scrobble(reads)) {
                switch (outcome.status()) {
                    case RECORDED -> out.printf("Issue %d marked as read%s.%n", outcome.request().issueId(),
                            outcome.result() == null || outcome.result().dateRead() == null ? ""
                                    : " (" + outcome.result().dateRead() + ")");
                    case ALREADY_RECORDED -> out.println("Issue " + outcome.request().issueId() + ": "
                            + outcome.error() + ".");
                    default -> {
                        err.println("Issue " + outcome.request().issueId() + ": " + outcome.error());
                        failures++;
                    }
                }
            }
            return failures == 0 ? ExitCode.OK : ExitCode.SOME_NOT_TAGGED;
        });
    }

}
