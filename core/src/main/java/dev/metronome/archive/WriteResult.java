package dev.metronome.archive;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of a successful write.
 *
 * @param path           the archive now holding the metadata (a new {@code .cbz} after a conversion)
 * @param sourceFormat   the format the file had before
 * @param converted      whether the file was converted to CBZ
 * @param keptOriginal   the original, when it was converted and kept
 */
public record WriteResult(Path path, ArchiveFormat sourceFormat, boolean converted, Optional<Path> keptOriginal) {
}
