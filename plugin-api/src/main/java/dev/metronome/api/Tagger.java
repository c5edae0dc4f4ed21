package dev.metronome.api;

import java.nio.file.Path;

/**
 * The host-side facade of the tagging engine: what a server adapter's host, or a reader embedding the core jar,
 * calls directly. The core module implements it; adapters receive one and never see the core itself.
 */
public interface Tagger {

    /**
     * Identifies an archive in Metron without changing it.
     *
     * @param archive the archive
     * @return the decision; problems are a {@link Decision.Status#ERROR} decision, never an exception
     */
    Decision identify(Path archive);

    /**
     * The neutral metadata for a Metron issue.
     *
     * @param metronIssueId the Metron issue id
     * @return the metadata
     * @throws IllegalArgumentException when no such issue exists
     */
    ComicMetadata metadata(long metronIssueId);

    /**
     * Identifies (unless {@link TagOptions#issueId()} is set) and writes metadata into an archive.
     *
     * @param archive the archive
     * @param options what to do
     * @return the outcome; problems are a result, never an exception
     */
    FileResult tag(Path archive, TagOptions options);
}
