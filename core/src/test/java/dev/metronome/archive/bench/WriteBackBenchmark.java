package dev.metronome.archive.bench;

import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.WriteOptions;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Write-back of ComicInfo.xml into a 300 MB, 400-page CBZ against a plain {@link Files#copy} of the same file on
 * the same disk. Goal: write-back at most 1.2x the copy.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -pl core -am verify -DskipTests -Dbench=WriteBackBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class WriteBackBenchmark {

    private Path folder;
    private Path book;
    private Path copy;
    private final ArchiveWriter writer = new ArchiveWriter();
    private int round;

    @Setup(Level.Trial)
    public void createBook() throws IOException {
        folder = Files.createDirectories(Path.of("target", "bench-writeback")).toAbsolutePath();
        book = folder.resolve("book.cbz");
        copy = folder.resolve("copy.cbz");
        // 400 pages of 750 KiB (incompressible, like JPEG), about 300 MB
        ArchiveBuilder.cbz().randomPages(400, 750 * 1024, 1).entry("ComicInfo.xml", "<ComicInfo/>").writeTo(book);
    }

    @TearDown(Level.Trial)
    public void removeBook() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Rewrites the archive with a new ComicInfo.xml: raw copy, verification, fsync, atomic rename. */
    @Benchmark
    public Path writeBack() throws IOException {
        byte[] info = ("<ComicInfo><Number>" + round++ + "</Number></ComicInfo>").getBytes(StandardCharsets.UTF_8);
        return writer.write(book, Map.of("ComicInfo.xml", info), WriteOptions.DEFAULT).path();
    }

    /** The durable baseline: the same copy, forced to disk as every write of ours is. */
    @Benchmark
    public Path filesCopyAndFsync() throws IOException {
        Path target = Files.copy(book, copy, StandardCopyOption.REPLACE_EXISTING);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return target;
    }

    /** The baseline: the JDK's plain copy of the same file to the same disk. */
    @Benchmark
    public Path filesCopy() throws IOException {
        return Files.copy(book, copy, StandardCopyOption.REPLACE_EXISTING);
    }
}
