package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every bad input yields one clear line naming the file and the cause, and no file changes. */
class BadInputTest {

    @TempDir
    Path dir;

    private final ArchiveWriter writer = new ArchiveWriter();

    /** Opens, reads every entry, and tries to write; expects one ArchiveException with a one-line message. */
    private ArchiveException failureOf(Path file) throws IOException {
        String before = Files.isRegularFile(file) ? Fixtures.sha256(file) : null;
        ArchiveException readFailure = null;
        try (ComicArchive archive = Archives.open(file)) {
            for (ArchiveEntry entry : archive.entries()) {
                archive.read(entry, 1 << 26);
            }
        } catch (ArchiveException e) {
            readFailure = e;
        }
        ArchiveException writeFailure = null;
        try {
            writer.write(file, Map.of("ComicInfo.xml", "<ComicInfo/>".getBytes(StandardCharsets.UTF_8)), WriteOptions.DEFAULT);
        } catch (ArchiveException e) {
            writeFailure = e;
        }
        if (before != null && writeFailure != null) {
            assertThat(Fixtures.sha256(file)).as("a failed write must not change the file").isEqualTo(before);
        }
        ArchiveException failure = readFailure != null ? readFailure : writeFailure;
        if (failure == null) {
            fail("no failure for " + file);
        }
        for (ArchiveException e : new ArchiveException[] {readFailure, writeFailure}) {
            if (e != null) {
                assertThat(e.getMessage()).contains(file.getFileName().toString()).doesNotContain("\n").hasSizeLessThan(300);
            }
        }
        return failure;
    }

    @Test
    void notAnArchive() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.cbz"), "just some text, not a comic");
        assertThat(failureOf(text).reason()).isEqualTo(ArchiveException.Reason.NOT_AN_ARCHIVE);
        assertThat(failureOf(text).getMessage()).contains("not a comic archive");

        Path jpeg = Files.write(dir.resolve("cover.cbr"), Fixtures.sourceFiles().get("001.jpg"));
        assertThat(failureOf(jpeg).getMessage()).contains("image/jpeg");
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.cbz"));
        assertThat(failureOf(empty).getMessage()).contains("empty file");
        assertThat(failureOf(dir.resolve("missing.cbz")).getMessage()).contains("does not exist");
        assertThat(failureOf(Files.createDirectory(dir.resolve("folder.cbz"))).getMessage()).contains("folder");
    }

    @Test
    void truncatedArchivesOfEveryFormat() throws IOException {
        Path cbz = ArchiveBuilder.cbz().randomPages(3, 20_000, 1).writeTo(dir.resolve("source.cbz"));
        for (Path source : new Path[] {cbz, Fixtures.archive("t5-m3.cbr"), Fixtures.archive("t5-m5-solid.cbr"),
                Fixtures.archive("t4-store.cbr"), Fixtures.archive("t-7zz.cb7")}) {
            byte[] bytes = Files.readAllBytes(source);
            for (double fraction : new double[] {0.1, 0.5, 0.9}) {
                Path truncated = dir.resolve("truncated-" + (int) (fraction * 100) + "-" + source.getFileName());
                Files.write(truncated, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
                ArchiveException failure = failureOf(truncated);
                assertThat(failure.reason()).as(truncated.toString())
                        .isIn(ArchiveException.Reason.CORRUPT, ArchiveException.Reason.NOT_AN_ARCHIVE, ArchiveException.Reason.UNSUPPORTED);
            }
        }
    }

    @Test
    void corruptedBytesNeverCrashAndAFailedWriteNeverChangesTheFile() throws IOException {
        Random random = new Random(42);
        Path cbz = ArchiveBuilder.cbz().entry("001.jpg", new byte[30_000]).entry("ComicInfo.xml", "<ComicInfo/>")
                .writeTo(dir.resolve("source.cbz"));
        int failures = 0;
        for (Path source : new Path[] {cbz, Fixtures.archive("t5-m3.cbr"), Fixtures.archive("t-7zz.cb7")}) {
            byte[] bytes = Files.readAllBytes(source);
            for (int round = 0; round < 8; round++) {
                byte[] damaged = bytes.clone();
                for (int k = 0; k < 20; k++) {
                    damaged[8 + random.nextInt(damaged.length - 8)] ^= (byte) (1 + random.nextInt(255));
                }
                Path file = dir.resolve("damaged-" + round + "-" + source.getFileName());
                Files.write(file, damaged);
                try {
                    failureOf(file);
                    failures++;
                } catch (AssertionError noFailure) {
                    // the damage missed everything that is checked: then the write succeeded and that is fine
                    assertThat(noFailure.getMessage()).startsWith("no failure");
                }
            }
        }
        assertThat(failures).as("most random damage must be detected").isGreaterThan(16);
    }

    @Test
    void zipBombIsStoppedWithAClearError() throws IOException {
        Path bomb = ArchiveBuilder.cbz().entry("001.jpg", new byte[50 << 20]).writeTo(dir.resolve("bomb.cbz"));
        ArchiveException failure = failureOfRead(bomb);
        assertThat(failure.reason()).isEqualTo(ArchiveException.Reason.HOSTILE);
        assertThat(failure.getMessage()).contains("bomb.cbz").contains("zip bomb");
    }

    @Test
    void tooManyEntriesIsRefused() throws IOException {
        ArchiveBuilder builder = ArchiveBuilder.cbz();
        for (int i = 0; i < 60; i++) {
            builder.page(i + ".jpg", new byte[] {1});
        }
        Path many = builder.writeTo(dir.resolve("many.cbz"));
        ArchiveLimits small = new ArchiveLimits(50, 1 << 20, 100, 1 << 10);
        try {
            Archives.open(many, OpenOptions.DEFAULT.withLimits(small)).close();
            fail("expected a failure");
        } catch (ArchiveException e) {
            assertThat(e.reason()).isEqualTo(ArchiveException.Reason.HOSTILE);
            assertThat(e.getMessage()).contains("60 entries");
        }
    }

    @Test
    void hostileNamesNeverBecomePagesAndAreDroppedOnConversion() throws IOException {
        Path cbz = ArchiveBuilder.cbz()
                .page("../../evil.jpg", new byte[] {1})
                .page("/etc/abs.jpg", new byte[] {2})
                .page("C:/windows.jpg", new byte[] {3})
                .page("ok/../../up.jpg", new byte[] {4})
                .page("good.jpg", new byte[] {5})
                .writeTo(dir.resolve("hostile.cbz"));
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactly("good.jpg");
        }
        assertThat(EntryNames.safe("../../evil.jpg")).isEmpty();
        assertThat(EntryNames.safe("/etc/abs.jpg")).hasValue("etc/abs.jpg");
        assertThat(EntryNames.safe("a\\..\\b.jpg")).isEmpty();
        assertThat(EntryNames.isSafe("/etc/abs.jpg")).isFalse();
        assertThat(EntryNames.isSafe("a/b.jpg")).isTrue();
    }

    private static ArchiveException failureOfRead(Path file) throws IOException {
        try (ComicArchive archive = Archives.open(file)) {
            for (ArchiveEntry entry : archive.entries()) {
                archive.read(entry, Integer.MAX_VALUE - 8);
            }
        } catch (ArchiveException e) {
            return e;
        }
        throw new AssertionError("no failure for " + file);
    }
}
