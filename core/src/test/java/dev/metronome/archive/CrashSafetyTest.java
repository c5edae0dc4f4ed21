package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM with SIGKILL in the middle of writes, many times at random moments; every archive must then be
 * either exactly the original or exactly a tagged version (every page raw-identical, the new ComicInfo.xml whole).
 */
class CrashSafetyTest {

    static final String[] VERSIONS = {"<ComicInfo><Series>Version A</Series></ComicInfo>",
            "<ComicInfo><Series>Version B</Series><Summary>" + "b".repeat(5000) + "</Summary></ComicInfo>"};

    @TempDir
    Path dir;

    /** The child: rewrites each archive in the folder, alternating versions, until it is killed. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        List<Path> archives;
        try (Stream<Path> files = Files.list(folder)) {
            archives = files.filter(p -> p.toString().endsWith(".cbz")).sorted().toList();
        }
        ArchiveWriter writer = new ArchiveWriter();
        // warm up (class loading, format detection) on a scratch archive, so the kills land in real writes
        Path warmUp = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1}).writeTo(folder.resolve("warm-up.zip.tmp"));
        writer.write(warmUp, Map.of("ComicInfo.xml", new byte[] {'<', '/', '>'}), WriteOptions.DEFAULT);
        Files.delete(warmUp);
        System.out.println("started");
        System.out.flush();
        for (int round = 0; ; round++) {
            for (Path archive : archives) {
                byte[] info = VERSIONS[round % 2].getBytes(StandardCharsets.UTF_8);
                writer.write(archive, Map.of("ComicInfo.xml", info), WriteOptions.DEFAULT);
            }
        }
    }

    @Test
    void sigkillAtRandomMomentsNeverLeavesAHalfWrittenArchive() throws Exception {
        int archiveCount = 3;
        Map<Path, String> originals = new LinkedHashMap<>();
        Map<Path, Map<String, Long>> pageCrcs = new LinkedHashMap<>();
        for (int i = 0; i < archiveCount; i++) {
            Path cbz = ArchiveBuilder.cbz().randomPages(12, 400_000, i).entry("ComicInfo.xml", "<ComicInfo/>")
                    .writeTo(dir.resolve("book-" + i + ".cbz"));
            originals.put(cbz, Fixtures.sha256(cbz));
            pageCrcs.put(cbz, rawPageDigests(cbz));
        }
        Random random = new Random(99);
        int kills = 12;
        int tagged = 0;
        int interrupted = 0;
        for (int k = 0; k < kills; k++) {
            Process child = startChild();
            // wait until the child is writing, then kill it at a random moment
            try (InputStream out = child.getInputStream()) {
                byte[] line = new byte[8];
                int n = out.read(line);
                assertThat(n).as("child started").isPositive();
            }
            Thread.sleep(random.nextInt(600));
            child.destroyForcibly(); // SIGKILL on POSIX systems
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            try (Stream<Path> files = Files.list(dir)) {
                interrupted += (int) files.filter(TempFiles::isTempFile).count();
            }

            for (Path cbz : originals.keySet()) {
                String hash = Fixtures.sha256(cbz);
                if (hash.equals(originals.get(cbz))) {
                    continue;
                }
                tagged++;
                assertIsATaggedVersion(cbz, pageCrcs.get(cbz));
            }
        }
        assertThat(tagged).as("the child got to write at least some archives").isPositive();
        assertThat(interrupted).as("some kills landed in the middle of a write").isPositive();
        System.out.printf("CrashSafetyTest: %d kills, %d interrupted writes, %d tagged states checked%n", kills, interrupted, tagged);
        // the next run removes what the killed processes left behind
        new ArchiveWriter().write(originals.keySet().iterator().next(),
                Map.of("ComicInfo.xml", VERSIONS[0].getBytes(StandardCharsets.UTF_8)), WriteOptions.DEFAULT);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(TempFiles::isTempFile)).isEmpty();
        }
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashSafetyTest.class.getName(), dir.toString()));
        return new ProcessBuilder(command).redirectError(dir.resolve("child.log").toFile()).start();
    }

    private static Map<String, Long> rawPageDigests(Path cbz) throws IOException {
        Map<String, Long> digests = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(cbz).get()) {
            byte[] buffer = new byte[1 << 16];
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (!entry.getName().equals("ComicInfo.xml")) {
                    digests.put(entry.getName(), WriteVerification.rawCrc(zip.getRawInputStream(entry), buffer));
                }
            }
        }
        return digests;
    }

    private static void assertIsATaggedVersion(Path cbz, Map<String, Long> pages) throws IOException {
        ArchiveWriterTest.assertValidZip(cbz);
        assertThat(rawPageDigests(cbz)).as(cbz + " pages").isEqualTo(pages);
        try (ComicArchive archive = Archives.open(cbz)) {
            String info = new String(archive.readMetadata("ComicInfo.xml").orElseThrow(), StandardCharsets.UTF_8);
            assertThat(info).isIn((Object[]) VERSIONS);
        }
    }
}
