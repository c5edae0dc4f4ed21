package dev.metronome.comicinfo;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A metadata file written, with what had to be left out.
 *
 * @param bytes    the file's content (UTF-8)
 * @param warnings one sentence per value left out because the target schema cannot hold it
 */
public record WriteResult(byte[] bytes, List<String> warnings) {

    /** Copies the warnings. */
    public WriteResult {
        warnings = List.copyOf(warnings);
    }

    /** The content as text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
