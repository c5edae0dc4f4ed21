package dev.metronome.organize;

import dev.metronome.archive.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Moves one file without ever overwriting another, and so that an interruption at any moment leaves it whole at
 * its old path or at its new one.
 *
 * <p>The target is first <em>reserved</em>: an empty file is created there with {@code CREATE_NEW}, which fails
 * atomically when anything already has that name. On one file system the file is then renamed over its own
 * reservation (an atomic {@code rename}). Across file systems it is copied into a temp file beside the target,
 * fsynced, verified byte for byte against the source, renamed over the reservation, and only then is the source
 * deleted. Folders are fsynced after each rename.
 *
 * <p>What an interruption can leave, and how {@link #settle} reads it: an empty reservation beside a non-empty
 * source (deleted: the file never moved); a verified copy at the target while the source still exists (the same
 * bytes twice: one is deleted, by the direction of the run); a temp file (removed).
 */
public final class FileMover {

    private final FileStores stores;
    private final Checkpoint checkpoint;

    /** A mover over real file systems. */
    public FileMover() {
        this(FileStores.REAL, Checkpoint.NONE);
    }

    /** A mover with an injected file-system check (tests simulate another file system) and checkpoints. */
    public FileMover(FileStores stores, Checkpoint checkpoint) {
        this.stores = stores;
        this.checkpoint = checkpoint;
    }

    /**
     * Moves {@code from} to {@code to}, creating {@code to}'s folders.
     *
     * @throws FileAlreadyExistsException when {@code to} exists; nothing changed then
     * @throws IOException                when the move failed; {@code from} is then untouched
     */
    public void move(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            throw new NoSuchFileException(from.toString());
        }
        Files.createDirectories(to.getParent());
        Files.createFile(to); // the reservation: atomic, fails if the name is taken
        checkpoint.reached("reserved " + to.getFileName());
        try {
            if (stores.sameFileSystem(from.getParent(), to.getParent())) {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    syncFolder(to.getParent());
                    syncFolder(from.getParent());
                    return;
                } catch (AtomicMoveNotSupportedException e) {
                    // fall through to the copy
                }
            }
            copyAcross(from, to);
        } catch (IOException | RuntimeException e) {
            removeReservation(to);
            throw e;
        }
    }

    private void copyAcross(Path from, Path to) throws IOException {
        Path temp = to.resolveSibling("." + to.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + TempFiles.SUFFIX);
        try {
            Files.copy(from, temp, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            checkpoint.reached("copied " + to.getFileName());
            if (!sameContent(from, temp)) {
                throw new IOException("the copy of " + from + " to " + to.getParent() + " differs from the original; nothing moved");
            }
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(to.getParent());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        checkpoint.reached("copied into place " + to.getFileName());
        Files.delete(from);
        syncFolder(from.getParent());
    }

    /** Where a file is, read from the disk, for completing or reversing an interrupted move. */
    public enum State {
        /** Only at its old path. */
        AT_SOURCE,
        /** Only at its new path. */
        AT_TARGET,
        /** Nowhere: moved or deleted by someone else. */
        MISSING,
        /** At both paths with different content: someone else put a file there; left alone. */
        CONFLICT
    }

    /**
     * Reads where an interrupted move left a file and tidies what the mover itself left: an empty reservation
     * beside the real file is deleted, and when a verified copy sits at both paths, the copy on the side the run
     * is leaving is deleted ({@code forward}: the source).
     */
    public State settle(Path from, Path to, boolean forward) throws IOException {
        removeTemps(to);
        removeTemps(from);
        boolean atSource = Files.exists(from);
        boolean atTarget = Files.exists(to);
        if (atSource && atTarget) {
            if (Files.isSameFile(from, to)) {
                return State.AT_SOURCE; // one file (a case-insensitive file system)
            }
            long sourceSize = Files.size(from);
            long targetSize = Files.size(to);
            if (targetSize == 0 && sourceSize > 0) {
                Files.delete(to);
                return State.AT_SOURCE;
            }
            if (sourceSize == 0 && targetSize > 0) {
                Files.delete(from);
                return State.AT_TARGET;
            }
            if (!sameContent(from, to)) {
                return State.CONFLICT;
            }
            Files.delete(forward ? from : to);
            syncFolder((forward ? from : to).getParent());
            return forward ? State.AT_TARGET : State.AT_SOURCE;
        }
        return atSource ? State.AT_SOURCE : atTarget ? State.AT_TARGET : State.MISSING;
    }

    /** Removes the temp copies of an interrupted move to this path (the caller holds the run lock). */
    private static void removeTemps(Path target) throws IOException {
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().startsWith(prefix) && TempFiles.isTempFile(p))) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void removeReservation(Path to) {
        try {
            if (Files.exists(to) && Files.size(to) == 0) {
                Files.delete(to);
            }
        } catch (IOException ignored) {
            // an empty reservation is tidied by the next run's settle
        }
    }

    /** Whether two files hold the same bytes (sizes first, then the content). */
    public static boolean sameContent(Path a, Path b) throws IOException {
        if (Files.size(a) != Files.size(b)) {
            return false;
        }
        try (InputStream x = Files.newInputStream(a); InputStream y = Files.newInputStream(b)) {
            byte[] bx = new byte[1 << 16];
            byte[] by = new byte[1 << 16];
            while (true) {
                int nx = x.readNBytes(bx, 0, bx.length);
                int ny = y.readNBytes(by, 0, by.length);
                if (nx != ny || !Arrays.equals(bx, 0, nx, by, 0, ny)) {
                    return false;
                }
                if (nx == 0) {
                    return true;
                }
            }
        }
    }

    /** Forces a folder's entries to disk; a no-op where the platform cannot. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder; the rename is still atomic
        }
    }
}
