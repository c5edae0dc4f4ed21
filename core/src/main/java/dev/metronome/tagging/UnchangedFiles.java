package dev.metronome.tagging;

import dev.metronome.cache.MetronCache;
import dev.metronome.identify.MetronLookups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * The run's memory of archives it left current: path, size and modification time, the issue and how it was
 * written. A later run that finds the file unchanged, and Metron's issue unchanged since, reports it without
 * opening it, so a re-run over a big unchanged library costs a stat per file and one request.
 */
final class UnchangedFiles {

    private final MetronLookups lookups;
    private final String profile;

    /**
     * @param lookups the run's lookups (their cache and this run's view of what changed on Metron)
     * @param profile what the run writes (its version and options): a file written another way is looked at again
     */
    UnchangedFiles(MetronLookups lookups, String profile) {
        this.lookups = lookups;
        this.profile = profile;
    }

    /** A state the file and Metron still match: size, time and profile the same, the issue unchanged on Metron. */
    Optional<FileReport> unchanged(Path file) {
        Optional<MetronCache> cache = lookups.cache();
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            Optional<State> before = cache.get().fileState(key(file)).flatMap(State::parse);
            if (before.isEmpty() || before.get().size() != now.size()
                    || before.get().modified() != now.lastModifiedTime().toMillis()
                    || !before.get().profile().equals(profile)
                    || !lookups.unchangedSinceLastRun(before.get().issueId())) {
                return Optional.empty();
            }
            State s = before.get();
            return Optional.of(new FileReport(file.toString(), FileReport.MATCHED, s.issueId(), 1.0,
                    List.of(new CandidateScore(s.issueId(), 1.0, s.label())),
                    List.of("unchanged since the last run (same size and time), and issue " + s.issueId()
                            + " unchanged on Metron"), false, null, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records a file that now holds the issue's metadata, as written with this profile. */
    void remember(Path file, long issueId, String label) {
        lookups.cache().ifPresent(cache -> {
            try {
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                cache.rememberFileState(key(file), new State(now.size(), now.lastModifiedTime().toMillis(), issueId,
                        profile, label == null ? "" : label).format());
            } catch (IOException ignored) {
                // not remembered: the next run opens the file again
            }
        });
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** One remembered file. */
    private record State(long size, long modified, long issueId, String profile, String label) {

        String format() {
            return size + "\t" + modified + "\t" + issueId + "\t" + profile.replace('\t', ' ') + "\t"
                    + label.replace('\t', ' ');
        }

        static Optional<State> parse(String text) {
            String[] parts = text.split("\t", 5);
            if (parts.length < 5) {
                return Optional.empty();
            }
            try {
                return Optional.of(new State(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]), parts[3], parts[4]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
