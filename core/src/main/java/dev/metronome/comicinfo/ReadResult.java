package dev.metronome.comicinfo;

import dev.metronome.api.ComicMetadata;
import java.util.List;

/**
 * What a metadata reader found, with the problems it tolerated.
 *
 * @param metadata the metadata read
 * @param warnings one sentence per value skipped or repaired, naming the file; empty for a clean file
 */
public record ReadResult(ComicMetadata metadata, List<String> warnings) {

    /** Copies the warnings. */
    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
