package dev.metronome.organize;

import java.nio.file.Path;
import java.util.List;

/**
 * A decided organize run, before anything moved.
 *
 * @param files one entry per archive and per side file considered
 * @param roots the library roots (the folders given, and the {@code --into} folder)
 */
public record Plan(List<PlannedFile> files, List<Path> roots) {

    /** The moves to journal and execute, in order. */
    public List<Move> moves() {
        return files.stream().filter(PlannedFile::moves).map(f -> new Move(f.source(), f.target(), f.sidecar())).toList();
    }

    /** How many entries have this status. */
    public long count(PlannedFile.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }
}
