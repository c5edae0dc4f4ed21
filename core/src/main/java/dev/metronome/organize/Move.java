package dev.metronome.organize;

import java.nio.file.Path;

/**
 * One file to move.
 *
 * @param from    its path now (absolute)
 * @param to      its new path (absolute); nothing exists there when the move is planned
 * @param sidecar whether it is a file beside an archive (a cover, an {@code .nfo}) rather than an archive
 */
public record Move(Path from, Path to, boolean sidecar) {
}
