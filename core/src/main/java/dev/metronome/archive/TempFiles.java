package dev.metronome.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temp files of interrupted writes: named {@code .mt.<pid>-<random>.metronome-tmp} (short, whatever the archive's
 * name) in the archive's own
 * folder, so that a rename over the original is atomic, and recognizable so the next run removes them.
 */
public final class TempFiles {

    /** The suffix of every temp file Metronome writes. */
    public static final String SUFFIX = ".metronome-tmp";
    private static final Pattern NAME = Pattern.compile("^\\..+\\.(\\d+)-[0-9a-f]+" + Pattern.quote(SUFFIX) + "$");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(12);

    private TempFiles() {
    }

    /** A fresh temp-file path beside {@code target}. */
    static Path beside(Path target) {
        // short whatever the archive's name: a name near the file system's 255-byte limit must still be writable
        String name = ".mt." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffffffL) + SUFFIX;
        return target.resolveSibling(name);
    }

    /** Whether a file name is one of our temp files. */
    public static boolean isTempFile(Path path) {
        return NAME.matcher(path.getFileName().toString()).matches();
    }

    /**
     * Removes the temp files left in a folder by writes that were interrupted (their process is gone, or they
     * are older than 12 hours). Returns how many were removed. Never throws for a file it cannot remove.
     */
    public static int removeStale(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && isAbandoned(file, Long.parseLong(m.group(1)))) {
                    try {
                        Files.deleteIfExists(file);
                        removed++;
                    } catch (IOException ignored) {
                        // left for a later run
                    }
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // the folder is unreadable: nothing to clean
        }
        return removed;
    }

    private static boolean isAbandoned(Path file, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        boolean processGone = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return processGone || modified.isBefore(Instant.now().minus(ABANDONED_AFTER));
    }

    /** Forces a folder's entries (a rename) to disk; a no-op where the platform cannot. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows and some file systems cannot open a folder: the rename is still atomic
        }
    }
}
