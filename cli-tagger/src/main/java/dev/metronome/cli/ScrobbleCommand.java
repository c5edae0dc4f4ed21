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
import java.util.concurrent.Callable;

/**
 * {@code metronome scrobble FILE... | --issue-id N [--rating 1-5] [--date-read ISO]}: marks issues as read in the
 * user's Metron collection. Files are looked up in the cache (archive fingerprint -> issue id, filled by tagging).
 */
@Command(name = "scrobble", mixinStandardHelpOptions = true,
        description = "Marks issues as read in your Metron collection.")
public final class ScrobbleCommand implements Callable<Integer> {

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

    @CommandLine.Mixin
    SyncCommand.MetronOptions metron = new SyncCommand.MetronOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((issueId == null) == files.isEmpty()) {
            err.println("metronome scrobble: give either FILE... or --issue-id N.");
            return 2;
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            err.println("metronome scrobble: --rating must be between 1 and 5.");
            return 2;
        }
        return metron.run("scrobble", err, session -> {
            List<ScrobbleService.Scrobble> reads = new ArrayList<>();
            int failures = 0;
            if (issueId != null) {
                reads.add(new ScrobbleService.Scrobble(issueId, dateRead, rating));
            }
            for (Path file : files) {
                var id = session.cache().issueForFingerprint(Fingerprints.of(file));
                if (id.isEmpty()) {
                    err.println(file + ": not identified yet; tag it first, or use --issue-id.");
                    failures++;
                } else {
                    reads.add(new ScrobbleService.Scrobble(id.get(), dateRead, rating));
                }
            }
            for (ScrobbleService.Outcome outcome : new ScrobbleService(session.client(), Clock.systemUTC())
                    .scrobble(reads)) {
                if (outcome.ok()) {
                    out.printf("Issue %d marked as read (%s).%n", outcome.request().issueId(),
                            outcome.result().dateRead());
                } else {
                    err.println("Issue " + outcome.request().issueId() + ": " + outcome.error());
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        });
    }

    /** The archive fingerprint the tagger stores: SHA-256 of the file's bytes. */
    static final class Fingerprints {
        private Fingerprints() {
        }

        static String of(Path file) {
            try (var in = java.nio.file.Files.newInputStream(file)) {
                var digest = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
                return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
            } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
                return "unreadable:" + file;
            }
        }
    }
}
