package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveWriterTest {

    private static final byte[] NEW_INFO = "<ComicInfo><Series>New</Series></ComicInfo>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METRON_INFO = "<MetronInfo/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final ArchiveWriter writer = new ArchiveWriter();

    /** Raw (compressed) bytes and CRC of every entry, as stored. */
    private static Map<String, String> rawEntries(Path cbz) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(cbz).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                try (InputStream in = zip.getRawInputStream(entry)) {
                    raw.put(entry.getName(), entry.getCrc() + ":" + entry.getMethod() + ":"
                            + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return raw;
    }

    private Path sampleCbz(String name) throws IOException {
        return ArchiveBuilder.cbz()
                .randomPages(5, 50_000, 7)
                .entry("comicinfo.xml", "<ComicInfo><Series>Old</Series></ComicInfo>")
                .entry("deflated-page.png", new byte[20_000])
                .entry("sub/ComicInfo.xml", "<nested/>")
                .writeTo(dir.resolve(name));
    }

    @Test
    void writeBackKeepsEveryOtherEntryRawAndReplacesMetadataInPlace() throws IOException {
        Path cbz = sampleCbz("book.cbz");
        Map<String, String> before = rawEntries(cbz);
        Files.setLastModifiedTime(cbz, FileTime.fromMillis(1_000_000_000_000L));

        WriteResult result = writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO, "MetronInfo.xml", METRON_INFO), WriteOptions.DEFAULT);

        assertThat(result.path()).isEqualTo(cbz);
        assertThat(result.converted()).isFalse();
        Map<String, String> after = rawEntries(cbz);
        // same order: the replaced ComicInfo.xml keeps its position (in its proper case), MetronInfo.xml is appended
        assertThat(after.keySet()).containsExactly("001.jpg", "002.jpg", "003.jpg", "004.jpg", "005.jpg",
                "ComicInfo.xml", "deflated-page.png", "sub/ComicInfo.xml", "MetronInfo.xml");
        for (String name : List.of("001.jpg", "002.jpg", "003.jpg", "004.jpg", "005.jpg", "deflated-page.png", "sub/ComicInfo.xml")) {
            assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
        }
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
            assertThat(archive.readMetadata("MetronInfo.xml")).hasValue(METRON_INFO);
        }
        assertThat(Files.getLastModifiedTime(cbz).toMillis()).isGreaterThan(1_000_000_000_000L);
        assertValidZip(cbz);
        assertNoTempFiles();
    }

    @Test
    void zip64ArchivesTakeTheCarefulPathWithTheSameGuarantees() throws IOException {
        Path cbz = ArchiveBuilder.cbz().zip64(true).randomPages(3, 30_000, 5)
                .entry("ComicInfo.xml", "<ComicInfo/>").writeTo(dir.resolve("zip64.cbz"));
        Map<String, String> before = rawEntries(cbz);
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        Map<String, String> after = rawEntries(cbz);
        assertThat(after.keySet()).containsExactly("001.jpg", "002.jpg", "003.jpg", "ComicInfo.xml");
        for (String page : List.of("001.jpg", "002.jpg", "003.jpg")) {
            assertThat(after.get(page)).isEqualTo(before.get(page));
        }
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
        }
        assertValidZip(cbz);
    }

    @Test
    void rewritingTwiceIsStable() throws IOException {
        Path cbz = sampleCbz("twice.cbz");
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        Map<String, String> once = rawEntries(cbz);
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        assertThat(rawEntries(cbz)).isEqualTo(once);
    }

    @Test
    void permissionsAreKept() throws IOException {
        Path cbz = sampleCbz("perm.cbz");
        Files.setPosixFilePermissions(cbz, PosixFilePermissions.fromString("rw-r-----"));
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cbz))).isEqualTo("rw-r-----");
    }

    @Test
    void unflaggedUtf8NamesSurviveTheRewrite() throws IOException {
        Path cbz = ArchiveBuilder.cbz().nameEncoding(ArchiveBuilder.NameEncoding.UTF8_UNFLAGGED)
                .page("Ünïcode página 001.jpg", new byte[] {1, 2, 3}).writeTo(dir.resolve("names.cbz"));
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactly("Ünïcode página 001.jpg");
            assertThat(archive.read(archive.pages().get(0), 10)).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t5-m3.cbr", "t5-m5-solid.cbr", "t4-store.cbr", "t-7zz.cb7"})
    void readOnlyFormatsAreRefusedWithoutConvert(String fixture) throws IOException {
        Path copy = Fixtures.copy(fixture, dir, fixture);
        String hash = Fixtures.sha256(copy);
        assertThatThrownBy(() -> writer.write(copy, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ArchiveException.Reason.READ_ONLY_FORMAT);
                    assertThat(e.getMessage()).contains(fixture).contains("read-only format").contains("--convert");
                });
        assertThat(Fixtures.sha256(copy)).isEqualTo(hash);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t5-m0.cbr", "t5-m3.cbr", "t5-m5-solid.cbr", "t5-htb.cbr", "t4-store.cbr", "t-7zz.cb7"})
    void convertingToCbzStoresPagesAsTheyAreAndRemovesTheOriginal(String fixture) throws IOException {
        Path copy = Fixtures.copy(fixture, dir, "Book 001." + fixture.substring(fixture.lastIndexOf('.') + 1));
        WriteResult result = writer.write(copy, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT.withConvert(true));

        assertThat(result.converted()).isTrue();
        assertThat(result.path()).isEqualTo(dir.resolve("Book 001.cbz"));
        assertThat(copy).doesNotExist();
        Map<String, byte[]> source = Fixtures.sourceFiles();
        try (ComicArchive cbz = Archives.open(result.path()); ZipFile zip = ZipFile.builder().setPath(result.path()).get()) {
            assertThat(cbz.format()).isEqualTo(ArchiveFormat.CBZ);
            for (ArchiveEntry page : cbz.pages()) {
                assertThat(cbz.read(page, 1 << 24)).isEqualTo(source.get(page.name()));
                assertThat(zip.getEntry(page.name()).getMethod()).isEqualTo(ZipArchiveEntry.STORED);
            }
            assertThat(cbz.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
            assertThat(cbz.read(cbz.metadataEntry("notes.txt").orElseThrow(), 1 << 24)).isEqualTo(source.get("notes.txt"));
            assertThat(cbz.entries()).hasSize(source.size());
        }
        assertValidZip(result.path());
        assertNoTempFiles();
    }

    @Test
    void convertCanKeepTheOriginalAndRefusesToOverwriteAnExistingCbz() throws IOException {
        Path copy = Fixtures.copy("t5-m3.cbr", dir, "keep.cbr");
        String hash = Fixtures.sha256(copy);
        WriteResult result = writer.write(copy, Map.of("ComicInfo.xml", NEW_INFO),
                WriteOptions.DEFAULT.withConvert(true).withKeepOriginal(true));
        assertThat(result.keptOriginal()).hasValue(copy);
        assertThat(Fixtures.sha256(copy)).isEqualTo(hash);

        assertThatThrownBy(() -> writer.write(copy, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT.withConvert(true)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.getMessage()).contains("keep.cbz already exists"));
        assertThat(Fixtures.sha256(copy)).isEqualTo(hash);
    }

    @Test
    void staleTempFilesOfDeadProcessesAreRemovedByTheNextWrite() throws IOException {
        Path cbz = sampleCbz("clean.cbz");
        Path stale = dir.resolve(".clean.cbz.999999999-abc" + TempFiles.SUFFIX);
        Files.write(stale, new byte[] {1});
        Path unrelated = dir.resolve("keep-me.tmp");
        Files.write(unrelated, new byte[] {1});
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        assertThat(stale).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void aReadOnlyFolderLeavesTheFileUnchangedWithOneClearLine() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root ignores folder permissions (as root, NonRootFilesystemTest runs this case as nobody)");
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Path cbz = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1}).writeTo(folder.resolve("a.cbz"));
        String hash = Fixtures.sha256(cbz);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT))
                    .isInstanceOfSatisfying(ArchiveException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ArchiveException.Reason.WRITE_FAILED);
                        assertThat(e.getMessage()).contains("a.cbz").doesNotContain("\n");
                    });
            assertThat(Fixtures.sha256(cbz)).isEqualTo(hash);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"3, false", "11, false", "3, true"}) // made on Unix / NTFS; ZIP64
    void backslashEntryNamesFromOldWindowsToolsAreKeptRawAndPassVerification(int platform, boolean zip64)
            throws IOException {
        Path cbz = dir.resolve("backslash.cbz");
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(cbz)) {
            if (zip64) {
                zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.Always);
            }
            for (String name : List.of("sub\\page1.png", "sub\\page2.png")) {
                zip.putArchiveEntry(new RawNameEntry(name, platform));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        assertThat(rawNames(cbz)).containsExactly("sub\\page1.png", "sub\\page2.png");

        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);

        // the splice keeps the names' bytes; the careful ZIP64 path's writer (Commons Compress) stores '/' instead
        String separator = zip64 ? "/" : "\\";
        assertThat(rawNames(cbz)).containsExactly("sub" + separator + "page1.png", "sub" + separator + "page2.png",
                "ComicInfo.xml");
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
            assertThat(archive.pages()).hasSize(2);
        }
        assertValidZip(cbz);
        assertNoTempFiles();
    }

    /** An entry stored under its name as given, backslashes and all, with the given "made by" platform. */
    private static final class RawNameEntry extends ZipArchiveEntry {
        RawNameEntry(String name, int platform) {
            super("placeholder");
            setPlatform(platform);
            setName(name);
        }
    }

    /** Entry names exactly as stored: their raw bytes (Commons Compress's name rewrites backslashes). */
    private static List<String> rawNames(Path cbz) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(cbz).get()) {
            return Collections.list(zip.getEntriesInPhysicalOrder()).stream()
                    .map(e -> new String(e.getRawName(), StandardCharsets.UTF_8)).toList();
        }
    }

    @Test
    void aNameNearTheFileSystemLimitCanStillBeWritten() throws IOException {
        Path cbz = sampleCbz("x".repeat(245) + ".cbz");
        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
        }
        assertNoTempFiles();
    }

    @Test
    void aReadOnlyArchiveIsLeftAloneUnlessForced() throws IOException {
        Path cbz = sampleCbz("locked.cbz");
        Files.setPosixFilePermissions(cbz, PosixFilePermissions.fromString("r--r--r--"));
        String hash = Fixtures.sha256(cbz);

        assertThatThrownBy(() -> writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ArchiveException.Reason.READ_ONLY_FILE);
                    assertThat(e.getMessage()).contains("locked.cbz").contains("read-only").contains("--force");
                });
        assertThat(Fixtures.sha256(cbz)).isEqualTo(hash);

        writer.write(cbz, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT.withForce(true));
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cbz))).isEqualTo("r--r--r--");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cb7", "cbt"})
    void convertKeepsEveryPageEvenUnderHostileOrDuplicateNames(String format) throws IOException {
        ArchiveBuilder builder = format.equals("cb7") ? ArchiveBuilder.cb7() : ArchiveBuilder.cbt();
        Path source = builder.page("001.jpg", new byte[] {1, 1}).page("../002.jpg", new byte[] {2, 2})
                .page("003.jpg", new byte[] {3, 3}).page("003.jpg", new byte[] {4, 4})
                .writeTo(dir.resolve("hostile." + format));

        WriteResult result = writer.write(source, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT.withConvert(true));

        assertThat(source).doesNotExist();
        try (ComicArchive cbz = Archives.open(result.path())) {
            assertThat(cbz.pages()).extracting(ArchiveEntry::name)
                    .containsExactlyInAnyOrder("001.jpg", "002.jpg", "003.jpg", "003 (2).jpg");
            List<byte[]> contents = new java.util.ArrayList<>();
            for (ArchiveEntry page : cbz.pages()) {
                contents.add(cbz.read(page, 10));
            }
            assertThat(contents).extracting(b -> b[0]).containsExactlyInAnyOrder((byte) 1, (byte) 2, (byte) 3, (byte) 4);
        }
    }

    @Test
    void aConversionKilledBetweenItsRenameAndTheOriginalsRemovalIsFinishedByTheNextRun() throws IOException {
        Path source = ArchiveBuilder.cb7().randomPages(3, 2_000, 5).writeTo(dir.resolve("Killed 001.cb7"));
        ArchiveWriter crashing = new ArchiveWriter(java.util.function.UnaryOperator.identity(), () -> {
            throw new IllegalStateException("simulated kill -9");
        });

        assertThatThrownBy(() -> crashing.write(source, Map.of("ComicInfo.xml", NEW_INFO),
                WriteOptions.DEFAULT.withConvert(true))).hasMessageContaining("simulated");
        Path cbz = dir.resolve("Killed 001.cbz");
        assertThat(source).exists();
        assertThat(cbz).exists();
        Path journal;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(ArchiveWriter::isInterruptedWork).toList();
            assertThat(left).hasSize(1);
            journal = left.get(0);
        }
        // the writing process is gone, as after a kill -9: its journal now names a dead process
        Files.move(journal, journal.resolveSibling(journal.getFileName().toString()
                .replaceFirst("^\\.mt\\.\\d+-", ".mt.999999999-")));

        ArchiveWriter.recoverInterrupted(dir);

        assertThat(source).doesNotExist();
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.pages()).hasSize(3);
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(ArchiveWriter::isInterruptedWork)).isEmpty();
        }
    }

    @Test
    void aJournalWhoseCbzNeverArrivedIsDroppedAndTheOriginalKept() throws IOException {
        Path source = ArchiveBuilder.cb7().randomPages(2, 1_000, 6).writeTo(dir.resolve("Early 001.cb7"));
        String hash = Fixtures.sha256(source);
        Path journal = dir.resolve(".mt.999999999-abc" + ConversionJournal.SUFFIX);
        Files.writeString(journal, "source=Early 001.cb7\ntarget=Early 001.cbz\nkeep-original=false\n");

        ArchiveWriter.recoverInterrupted(dir);

        assertThat(journal).doesNotExist();
        assertThat(Fixtures.sha256(source)).isEqualTo(hash);
    }

    @Test
    void aSymlinkedArchiveStaysALinkAndItsTargetIsWritten() throws IOException {
        Path real = sampleCbz("real.cbz");
        Path folder = Files.createDirectory(dir.resolve("library"));
        Path link = Files.createSymbolicLink(folder.resolve("linked.cbz"), real);

        WriteResult result = writer.write(link, Map.of("ComicInfo.xml", NEW_INFO), WriteOptions.DEFAULT);

        assertThat(result.path()).isEqualTo(link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        try (ComicArchive archive = Archives.open(real)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).hasValue(NEW_INFO);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(link);
        }
    }

    @Test
    void aSymlinkIsRefusedWithOneLineWhenTheSettingSaysSo() throws IOException {
        Path real = sampleCbz("real.cbz");
        String hash = Fixtures.sha256(real);
        Path link = Files.createSymbolicLink(dir.resolve("linked.cbz"), real);

        assertThatThrownBy(() -> writer.write(link, Map.of("ComicInfo.xml", NEW_INFO),
                WriteOptions.DEFAULT.withRefuseSymlinks(true)))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("symbolic link").hasMessageNotContaining("\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Fixtures.sha256(real)).isEqualTo(hash);
    }

    static void assertValidZip(Path cbz) throws IOException {
        // an independent reader: the JDK's own, which checks every entry's CRC while reading
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(cbz.toFile())) {
            for (java.util.zip.ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(TempFiles::isTempFile)).isEmpty();
        }
    }
}
