package dev.metronome.maintenance;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.archive.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes ComicInfo.xml and/or MetronInfo.xml (at any depth, any letter case) from CBZs, through the same
 * crash-safe rewrite as tagging: pages copied raw into a temp file, verified, fsynced, renamed over the original.
 * RAR, 7z and tar archives are read-only and are reported, not changed.
 */
public final class Stripper {

    /**
     * What happened to one archive.
     *
     * @param path    the archive
     * @param removed the entries removed (empty: it had none)
     * @param error   why nothing was removed, or null
     */
    public record Result(Path path, List<String> removed, String error) {
    }

    private final ArchiveWriter writer;

    /** A stripper writing through this writer. */
    public Stripper(ArchiveWriter writer) {
        this.writer = writer;
    }

    /** Removes the chosen metadata files; {@code dryRun} only lists them. */
    public Result strip(Path path, Set<String> fileNames, boolean dryRun) {
        Set<String> wanted = new java.util.HashSet<>();
        fileNames.forEach(n -> wanted.add(n.toLowerCase(Locale.ROOT)));
        List<String> found = new ArrayList<>();
        try {
            try (ComicArchive archive = Archives.open(path)) {
                for (ArchiveEntry entry : archive.entries()) {
                    if (wanted.contains(entry.fileName().toLowerCase(Locale.ROOT))) {
                        found.add(entry.name());
                    }
                }
            }
            if (found.isEmpty() || dryRun) {
                return new Result(path, found, null);
            }
            Map<String, byte[]> removals = new LinkedHashMap<>();
            found.forEach(name -> removals.put(name, null));
            writer.write(path, removals, WriteOptions.DEFAULT);
            return new Result(path, found, null);
        } catch (IOException | RuntimeException e) {
            return new Result(path, List.of(), SchemaCheck.oneLine(e));
        }
    }
}
