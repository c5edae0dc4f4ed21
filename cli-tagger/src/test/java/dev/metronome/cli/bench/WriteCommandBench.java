package dev.metronome.cli.bench;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.metron.FakeMetronServer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tag --id N} over big archives through the real CLI (the whole command: JVM start, settings, one Metron
 * request, the writes) against a durable copy of the same files in the same run (each file copied to a temp file in
 * its folder, fsynced, renamed, the folder fsynced: what every write of ours costs at least). Goal: at most 1.3x.
 * Rounds alternate the two so that the disk's and the page cache's moods hit both; the minimum of each is compared.
 * Each round tags with another issue id, so every round really rewrites every file. {@code -Dbench.launcher=metronome}
 * runs the launcher script users run instead of {@code java -jar} (it adds class-data sharing).
 *
 * <pre>./mvnw -B -Pbench -pl cli-tagger -am verify -DskipTests -Dbench=WriteCommandBench -Dbench.rounds=5
 *     -Dbench.files=10 -Dbench.megabytes=100</pre>
 */
final class WriteCommandBench {

    private static final long[] ISSUES = {516499, 516500};

    private WriteCommandBench() {
    }

    static void main() throws Exception {
        int rounds = Bench.intProperty("rounds", 5);
        int files = Bench.intProperty("files", 10);
        int megabytes = Bench.intProperty("megabytes", 100);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "metronome-bench-write-" + files + "x" + megabytes);
        List<Path> books = books(dir.resolve("library"), files, megabytes);
        Path copies = Files.createDirectories(dir.resolve("copies"));
        try (FakeMetronServer metron = ChildJvm.unlimitedMetron()) {
            ChildJvm child = new ChildJvm(dir.resolve("home"), metron);
            List<String> args = new ArrayList<>(List.of("tag", "--quiet", "--id", ""));
            books.forEach(b -> args.add(b.toString()));
            // the warm-up tags with the id round 2 uses; round 1 uses the other: every round rewrites every file
            args.set(3, String.valueOf(ISSUES[0]));
            check(child.run(dir.resolve("warmup.log"), args.toArray(String[]::new)), "warm-up");
            double bestTag = Double.MAX_VALUE;
            double bestCopy = Double.MAX_VALUE;
            for (int round = 1; round <= rounds; round++) {
                double copy = durableCopy(books, copies);
                args.set(3, String.valueOf(ISSUES[round % 2]));
                List<FileTime> before = modified(books);
                ChildJvm.Result tag = check(child.run(dir.resolve("tag.log"), args.toArray(String[]::new)), "tag");
                List<FileTime> after = modified(books);
                for (int i = 0; i < books.size(); i++) {
                    if (after.get(i).equals(before.get(i))) {
                        throw new IllegalStateException("round " + round + " did not rewrite " + books.get(i));
                    }
                }
                bestTag = Math.min(bestTag, tag.seconds());
                bestCopy = Math.min(bestCopy, copy);
                System.out.printf("round %d: tag --id %.2f s (peak RSS %.0f MB), durable copy %.2f s, ratio %.2f%n",
                        round, tag.seconds(), tag.peakRssMb(), copy, tag.seconds() / copy);
            }
            System.out.printf("RESULT WriteCommandBench %d x %d MB: tag --id min %.2f s, durable copy min %.2f s, "
                    + "ratio %.2f (goal <= 1.3)%n", files, megabytes, bestTag, bestCopy, bestTag / bestCopy);
        } finally {
            BigLibraryBench.delete(copies);
        }
    }

    private static List<FileTime> modified(List<Path> books) throws IOException {
        List<FileTime> times = new ArrayList<>();
        for (Path book : books) {
            times.add(Files.getLastModifiedTime(book));
        }
        return times;
    }

    private static ChildJvm.Result check(ChildJvm.Result result, String what) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(what + " exited " + result.exitCode() + ":\n" + result.outTail());
        }
        return result;
    }

    /** Archives of stored incompressible 1 MiB pages (as JPEGs are), generated once. */
    static List<Path> books(Path dir, int files, int megabytes) throws IOException {
        List<Path> books = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path book = dir.resolve(String.format("Book %02d.cbz", i));
            if (!Files.exists(book)) {
                Path temp = dir.resolve(".generating.cbz");
                Files.deleteIfExists(temp);
                ArchiveBuilder.cbz().randomPages(megabytes, 1 << 20, i).writeTo(temp);
                Files.move(temp, book);
            }
            books.add(book);
        }
        return books;
    }

    /** Copies each file as a careful writer must: temp file in the target folder, fsync, rename, folder fsync. */
    static double durableCopy(List<Path> books, Path folder) throws IOException {
        long start = System.nanoTime();
        for (Path book : books) {
            Path temp = folder.resolve(".copy.tmp");
            try (FileChannel from = FileChannel.open(book, StandardOpenOption.READ);
                 FileChannel to = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                         StandardOpenOption.WRITE)) {
                long size = from.size();
                for (long done = 0; done < size; ) {
                    done += from.transferTo(done, size - done, to);
                }
                to.force(true);
            }
            Files.move(temp, folder.resolve(book.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dirChannel = FileChannel.open(folder, StandardOpenOption.READ)) {
                dirChannel.force(true);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
