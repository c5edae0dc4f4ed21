package dev.metronome.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * An archive in hand: an exclusive lock on the file (an operating-system lock, released if the process dies), so
 * that a second Metronome process working on the same folder skips the archive instead of writing it twice.
 * Nothing is written to the file or beside it.
 */
public final class ArchiveLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ArchiveLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the archive's lock without waiting.
     *
     * @param archive the archive (a symlink is followed)
     * @return the lock, or empty when another process (or another thread here) holds it, or replaced the file
     *         meanwhile. A file this process may not open for writing gets a lock that holds nothing: it will not
     *         be written anyway.
     * @throws IOException when the file cannot be opened at all
     */
    public static Optional<ArchiveLock> tryAcquire(Path archive) throws IOException {
        Path real = archive.toRealPath();
        Object before = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
        FileChannel channel;
        try {
            channel = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            return Optional.of(new ArchiveLock(null, null));
        }
        try {
            FileLock lock = channel.tryLock();
            Object now = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
            if (lock == null || !Objects.equals(before, now)) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new ArchiveLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
    }
}
