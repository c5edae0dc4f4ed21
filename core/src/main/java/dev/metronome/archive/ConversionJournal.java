package dev.metronome.archive;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal of a conversion to CBZ, written before the new CBZ is renamed into place and removed once the
 * original is gone. A conversion cut short (kill -9 between the rename and the removal) leaves both files and
 * this journal; {@link #recover} then finishes it: the CBZ, verified before its rename, stays and the original
 * goes (unless it was to be kept). A journal whose CBZ never arrived is simply dropped: the original is whole.
 */
final class ConversionJournal {

    /** The suffix of conversion journals, in the archive's own folder. */
    static final String SUFFIX = ".metronome-convert";
    private static final Pattern NAME = Pattern.compile("^\\.mt\\.(\\d+)-[0-9a-f]+" + Pattern.quote(SUFFIX) + "$");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(12);

    /** The journals of conversions running in this process (a journal of ours not among them was cut short). */
    private static final java.util.Set<Path> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;

    private ConversionJournal(Path file) {
        this.file = file;
    }

    /** Writes (and forces to disk) the journal of converting {@code source} into {@code target}, its sibling. */
    static ConversionJournal begin(Path source, Path target, boolean keepOriginal) throws IOException {
        Path folder = source.toAbsolutePath().getParent();
        Path file = folder.resolve(".mt." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffffffL) + SUFFIX);
        Properties entry = new Properties();
        entry.setProperty("source", source.getFileName().toString());
        entry.setProperty("target", target.getFileName().toString());
        entry.setProperty("keep-original", String.valueOf(keepOriginal));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             Writer out = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            entry.store(out, "Metronome conversion in progress; removed when done");
            out.flush();
            channel.force(true);
        }
        TempFiles.syncFolder(folder);
        ACTIVE.add(file);
        return new ConversionJournal(file);
    }

    /** The conversion is complete: the journal goes. */
    void done() {
        ACTIVE.remove(file);
        try {
            Files.deleteIfExists(file);
            TempFiles.syncFolder(file.getParent());
        } catch (IOException ignored) {
            // left for recover(), which finds the work done
        }
    }

    /** Whether a file name is a conversion journal. */
    static boolean isJournal(Path path) {
        return path.getFileName() != null && NAME.matcher(path.getFileName().toString()).matches();
    }

    /**
     * Finishes or drops the conversions left in a folder by processes that died. Never throws.
     *
     * @param folder the folder
     * @return how many journals were settled
     */
    static int recover(Path folder) {
        int settled = 0;
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path journal : journals) {
                Matcher m = NAME.matcher(journal.getFileName().toString());
                if (m.matches() && abandoned(journal, Long.parseLong(m.group(1))) && settle(folder, journal)) {
                    settled++;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable folder: nothing to settle
        }
        return settled;
    }

    private static boolean settle(Path folder, Path journal) {
        Properties entry = new Properties();
        try (Reader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            entry.load(in);
            Path source = folder.resolve(entry.getProperty("source", ""));
            Path target = folder.resolve(entry.getProperty("target", ""));
            boolean keep = Boolean.parseBoolean(entry.getProperty("keep-original", "false"));
            if (Files.isRegularFile(target) && !keep && !source.equals(target)) {
                Files.deleteIfExists(source); // the CBZ was verified before its rename: it holds every page
            }
            Files.deleteIfExists(journal);
            TempFiles.syncFolder(folder);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean abandoned(Path journal, long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return !ACTIVE.contains(journal);
        }
        boolean gone = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        return gone || Files.getLastModifiedTime(journal).toInstant().isBefore(Instant.now().minus(ABANDONED_AFTER));
    }
}
