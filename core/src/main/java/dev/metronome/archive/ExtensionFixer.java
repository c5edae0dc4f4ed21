package dev.metronome.archive;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renames a comic archive whose name promises RAR, 7z or tar ({@code .cbr}, {@code .cb7}, {@code .cbt}) but whose
 * content is a ZIP to {@code .cbz}, for the tools that choose their reader by extension (darkseid, Metron-Tagger).
 * The rename is atomic and never replaces a file: when {@code X.cbz} already exists the file keeps its name.
 */
public final class ExtensionFixer {

    private static final Set<String> FIXED = Set.of("cbr", "cb7", "cbt");

    private ExtensionFixer() {
    }

    /**
     * One rename done, or why it was not.
     *
     * @param from    the file as it was
     * @param to      the file now ({@code from} when nothing was renamed)
     * @param message one sentence for the report, or {@code ""} when the name was already right
     */
    public record Outcome(Path from, Path to, String message) {

        /** Whether the file was renamed. */
        public boolean renamed() {
            return !from.equals(to);
        }
    }

    /**
     * Renames the file to {@code .cbz} if its content is a ZIP under a {@code .cbr}/{@code .cb7}/{@code .cbt} name.
     *
     * @return what was done; {@link Outcome#message()} is empty when the name already fits the content
     */
    public static Outcome fix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!FIXED.contains(extension)) {
            return new Outcome(file, file, "");
        }
        Optional<ArchiveFormat> format;
        try {
            format = FormatDetector.detect(file);
        } catch (IOException e) {
            return new Outcome(file, file, file + ": not renamed, its content could not be read (" + e.getMessage() + ")");
        }
        if (format.orElse(null) != ArchiveFormat.CBZ) {
            return new Outcome(file, file, "");
        }
        Path target = file.resolveSibling(name.substring(0, dot) + ".cbz");
        try {
            moveWithoutReplacing(file, target);
        } catch (FileAlreadyExistsException e) {
            return new Outcome(file, file, file + ": is a ZIP but was not renamed, " + target.getFileName() + " exists");
        } catch (IOException e) {
            return new Outcome(file, file, file + ": is a ZIP but could not be renamed (" + e.getMessage() + ")");
        }
        TempFiles.syncFolder(file.toAbsolutePath().getParent());
        return new Outcome(file, target, "renamed " + file.getFileName() + " to " + target.getFileName()
                + " (its content is a ZIP)");
    }

    /**
     * An atomic rename that fails if the target exists: a hard link under the new name (which the file system
     * refuses when the name is taken), then the old name removed. Where hard links are not supported, an atomic
     * move after checking the target is free.
     */
    private static void moveWithoutReplacing(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | SecurityException noLinks) {
            if (Files.exists(to)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException linkFailed) {
            if (Files.exists(to)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.delete(from);
    }
}
