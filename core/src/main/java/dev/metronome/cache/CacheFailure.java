package dev.metronome.cache;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Why the cache could not be opened, and what follows: only a damaged database is set aside; a busy one is
 * waited for, a full or failing disk stops the run, each with one clear line.
 *
 * @param kind what went wrong
 */
record CacheFailure(Kind kind) {

    /** The vendor code of a failed integrity check (not an SQLite code). */
    static final int INTEGRITY = -11;

    /** What went wrong. */
    enum Kind { BUSY, FULL, IO, READ_ONLY, DAMAGED, OTHER }

    /** Classifies an SQLite failure. */
    static CacheFailure of(SQLException e) {
        if (e.getErrorCode() == INTEGRITY) {
            return new CacheFailure(Kind.DAMAGED);
        }
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode()
                : SQLiteErrorCode.getErrorCode(e.getErrorCode());
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return new CacheFailure(Kind.BUSY);
        }
        if (name.equals("SQLITE_FULL")) {
            return new CacheFailure(Kind.FULL);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_PERM")) {
            return new CacheFailure(Kind.READ_ONLY);
        }
        if (name.startsWith("SQLITE_IOERR")) {
            return new CacheFailure(Kind.IO);
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.equals("SQLITE_NOTADB")) {
            return new CacheFailure(Kind.DAMAGED);
        }
        return new CacheFailure(Kind.OTHER);
    }

    /** Whether the database itself is damaged (the only case for setting it aside). */
    boolean damaged() {
        return kind == Kind.DAMAGED;
    }

    /** Whether another process holds it. */
    boolean busy() {
        return kind == Kind.BUSY;
    }

    /** One line for the user: what happened and what to do. The cache is left as it is. */
    String message(Path file, Duration waited) {
        return switch (kind) {
            case BUSY -> "The cache " + file + " is in use by another Metronome process (waited " + waited.toSeconds()
                    + " s). Run again when it has finished, or use another --cache-dir.";
            case FULL -> "The cache " + file + " cannot be written: the disk is full. Free some space and run again;"
                    + " the cache was left as it is.";
            case READ_ONLY -> "The cache " + file + " cannot be opened for writing (permissions or a read-only disk)."
                    + " Fix its folder's permissions or use another --cache-dir.";
            case IO -> "The cache " + file + " cannot be read or written (a disk I/O error). Check the disk and run"
                    + " again; the cache was left as it is.";
            default -> "The cache " + file + " cannot be opened. Run again, or use another --cache-dir; the cache"
                    + " was left as it is.";
        };
    }

    /**
     * Whether another process has the database open: every connection in WAL mode holds a shared lock in the
     * {@code -shm} file, so an exclusive lock there cannot be had while one is open.
     */
    static boolean inUseByAnotherProcess(Path database) {
        Path shm = database.resolveSibling(database.getFileName() + "-shm");
        if (!Files.exists(shm)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
