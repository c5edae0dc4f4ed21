package dev.metronome.organize;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Removes folders a run left empty, never a library root and never anything outside one. */
final class EmptyFolders {

    private EmptyFolders() {
    }

    /**
     * Removes each folder (and then its parents) that is empty and lies strictly inside one of the roots. Returns
     * the folders removed.
     */
    static List<Path> remove(Collection<Path> folders, Collection<Path> roots) {
        List<Path> removed = new ArrayList<>();
        Set<Path> candidates = new LinkedHashSet<>(folders);
        List<Path> deepestFirst = new ArrayList<>(candidates);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : deepestFirst) {
            for (Path current = folder; current != null && insideARoot(current, roots); current = current.getParent()) {
                if (!isEmptyFolder(current)) {
                    break;
                }
                try {
                    Files.delete(current);
                    removed.add(current);
                    if (current.getParent() != null) {
                        FileMover.syncFolder(current.getParent());
                    }
                } catch (DirectoryNotEmptyException e) {
                    break;
                } catch (IOException e) {
                    break;
                }
            }
        }
        return removed;
    }

    /** Removes the folders a run created (a library root too), deepest first, where they are empty again. */
    static List<Path> removeCreated(Collection<Path> created) {
        List<Path> deepestFirst = new ArrayList<>(new LinkedHashSet<>(created));
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        List<Path> removed = new ArrayList<>();
        for (Path folder : deepestFirst) {
            if (isEmptyFolder(folder)) {
                try {
                    Files.delete(folder);
                    removed.add(folder);
                } catch (IOException e) {
                    // kept: not empty after all, or not ours to remove
                }
            }
        }
        return removed;
    }

    private static boolean insideARoot(Path folder, Collection<Path> roots) {
        return roots.stream().anyMatch(root -> folder.startsWith(root) && !folder.equals(root));
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
