package dev.metronome.review;

import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.core.Metronome;
import dev.metronome.core.Problems;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a choice made on the review page goes. {@code metronome review} writes the archive through the engine's
 * tagging pipeline ({@link #files}); a library server's host hands the choice to its adapter, which applies it the way
 * it applies a confident match (a metadata patch, or a file write and a rescan).
 */
@FunctionalInterface
public interface ChoiceWriter {

    /**
     * Applies an issue to an archive of the queue.
     *
     * @param file    the archive
     * @param issueId the Metron issue chosen
     * @return empty when done, else one line saying why not
     */
    Optional<String> apply(Path file, long issueId);

    /**
     * Writes the archive itself through the engine's tagging pipeline (a temp file, verified, synced, renamed).
     *
     * @param engine  the engine
     * @param convert convert a CBR/CB7 to CBZ so that it can be written, as {@code tag --convert} does
     * @return the writer
     */
    static ChoiceWriter files(Metronome engine, boolean convert) {
        return (file, issueId) -> {
            FileResult result;
            try {
                result = engine.tag(file, new TagOptions(issueId, convert, false));
            } catch (RuntimeException e) {
                return Optional.of(Problems.describe(e));
            }
            if (result.outcome() == FileResult.Outcome.TAGGED || result.outcome() == FileResult.Outcome.UNCHANGED) {
                return Optional.empty();
            }
            return Optional.of(result.reason());
        };
    }
}
