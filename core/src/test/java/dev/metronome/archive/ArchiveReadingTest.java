package dev.metronome.archive;

import dev.metronome.fixtures.archives.ArchiveBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveReadingTest {

    private static final List<String> EXPECTED_PAGES = List.of("001.jpg", "003.png", "sub/Ünïcode página 002.jpg");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "t5-m0.cbr, CBR", "t5-m3.cbr, CBR", "t5-m5-solid.cbr, CBR", "t5-htb.cbr, CBR",
            "t4-store.cbr, CBR", "t-7zz.cb7, CB7"})
    void everyFixtureReadsByteIdenticalToItsSource(String fixture, ArchiveFormat format) throws IOException {
        Map<String, byte[]> source = Fixtures.sourceFiles();
        try (ComicArchive archive = Archives.open(Fixtures.archive(fixture))) {
            assertThat(archive.format()).isEqualTo(format);
            assertThat(archive.extensionMismatch()).isFalse();
            assertThat(archive.entries()).extracting(ArchiveEntry::name).containsExactlyInAnyOrderElementsOf(source.keySet());
            assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactlyElementsOf(EXPECTED_PAGES);
            for (ArchiveEntry entry : archive.entries()) {
                assertThat(archive.read(entry, Integer.MAX_VALUE - 8)).as(entry.name()).isEqualTo(source.get(entry.name()));
            }
            assertThat(archive.readMetadata("comicinfo.xml")).hasValue(source.get("ComicInfo.xml"));
            assertThat(archive.readMetadata("MetronInfo.xml")).isEmpty();
        }
    }

    @Test
    void solidRarReadsOutOfOrderAndAfterAnAbandonedStream() throws IOException {
        Map<String, byte[]> source = Fixtures.sourceFiles();
        try (ComicArchive archive = Archives.open(Fixtures.archive("t5-m5-solid.cbr"))) {
            List<ArchiveEntry> reversed = new java.util.ArrayList<>(archive.entries());
            java.util.Collections.reverse(reversed);
            for (ArchiveEntry entry : reversed) {
                assertThat(archive.read(entry, 1 << 24)).as(entry.name()).isEqualTo(source.get(entry.name()));
            }
            ArchiveEntry first = archive.entries().get(0);
            try (InputStream abandoned = archive.open(first)) {
                assertThat(abandoned.read()).isNotNegative();
            }
            ArchiveEntry last = archive.entries().get(archive.entries().size() - 1);
            assertThat(archive.read(last, 1 << 24)).isEqualTo(source.get(last.name()));
        }
    }

    @Test
    void encryptedRar5NeedsItsPassword() throws IOException {
        Path encrypted = Fixtures.archive("t5-enc.cbr");
        assertThatThrownBy(() -> Archives.open(encrypted).close())
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ArchiveException.Reason.ENCRYPTED);
                    assertThat(e.getMessage()).contains("t5-enc.cbr").contains("encrypted").doesNotContain("\n");
                });
        Map<String, byte[]> source = Fixtures.sourceFiles();
        try (ComicArchive archive = Archives.open(encrypted, OpenOptions.DEFAULT.withPassword("secret".toCharArray()))) {
            assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactlyElementsOf(EXPECTED_PAGES);
            for (ArchiveEntry entry : archive.entries()) {
                assertThat(archive.read(entry, 1 << 24)).isEqualTo(source.get(entry.name()));
            }
        }
    }

    @Test
    void encryptedRar5WithTheWrongPasswordFailsClearly() {
        assertThatThrownBy(() -> {
            try (ComicArchive archive = Archives.open(Fixtures.archive("t5-enc.cbr"),
                    OpenOptions.DEFAULT.withPassword("wrong".toCharArray()))) {
                archive.read(archive.pages().get(0), 1 << 24);
            }
        }).isInstanceOfSatisfying(ArchiveException.class, e ->
                assertThat(e.reason()).isIn(ArchiveException.Reason.WRONG_PASSWORD, ArchiveException.Reason.ENCRYPTED,
                        ArchiveException.Reason.CORRUPT));
    }

    @Test
    void encryptedRar4IsReportedAsEncrypted() {
        assertThatThrownBy(() -> {
            try (ComicArchive archive = Archives.open(Fixtures.archive("junrar-samples/rar4-encrypted-junrar.rar"))) {
                for (ArchiveEntry entry : archive.entries()) {
                    archive.read(entry, 1 << 24);
                }
            }
        }).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.reason()).isEqualTo(ArchiveException.Reason.ENCRYPTED);
            assertThat(e.getMessage()).contains("rar4-encrypted-junrar.rar").contains("encrypted");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"BoatModernEnglish-regular-unpack20.rar", "BoatModernEnglish-regular-unpack30.rar"})
    void oldRarCompressionExtractsWithoutCrcError(String name) throws IOException {
        try (ComicArchive archive = Archives.open(Fixtures.archive("junrar-samples/" + name))) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.CBR);
            assertThat(archive.entries()).isNotEmpty();
            for (ArchiveEntry entry : archive.entries()) {
                byte[] data = archive.read(entry, 1 << 26);
                assertThat(data).hasSize((int) entry.size());
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                if (entry.crc32() >= 0) {
                    assertThat(crc.getValue()).isEqualTo(entry.crc32());
                }
            }
        }
    }

    @Test
    void formatComesFromContentNotExtension() throws IOException {
        Path rarNamedCbz = Fixtures.copy("t5-m3.cbr", dir, "really-a-rar.cbz");
        try (ComicArchive archive = Archives.open(rarNamedCbz)) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.CBR);
            assertThat(archive.extensionMismatch()).isTrue();
            assertThat(archive.pages()).hasSize(3);
        }
        Path zipNamedCbr = ArchiveBuilder.cbz().page("01.jpg", new byte[] {1, 2, 3}).writeTo(dir.resolve("really-a-zip.cbr"));
        try (ComicArchive archive = Archives.open(zipNamedCbr)) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.CBZ);
            assertThat(archive.extensionMismatch()).isTrue();
        }
        Path sevenZNamedZip = Fixtures.copy("t-7zz.cb7", dir, "x.zip");
        try (ComicArchive archive = Archives.open(sevenZNamedZip)) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.CB7);
        }
    }

    @ParameterizedTest
    @CsvSource({"UTF8_FLAGGED", "UTF8_UNFLAGGED", "CP437"})
    void zipNamesDecodeInEveryCommonEncoding(ArchiveBuilder.NameEncoding encoding) throws IOException {
        Path cbz = ArchiveBuilder.cbz().nameEncoding(encoding)
                .page("Ünïcode página 002.jpg", new byte[] {2})
                .page("Ünïcode página 001.jpg", new byte[] {1})
                .writeTo(dir.resolve("names.cbz"));
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.pages()).extracting(ArchiveEntry::name)
                    .containsExactly("Ünïcode página 001.jpg", "Ünïcode página 002.jpg");
            assertThat(archive.read(archive.pages().get(0), 10)).containsExactly(1);
        }
    }

    @Test
    void cbtAndBuiltCb7Read() throws IOException {
        for (ArchiveBuilder builder : List.of(ArchiveBuilder.cbt(), ArchiveBuilder.cb7())) {
            Path file = builder.page("page10.png", new byte[] {10}).page("page2.png", new byte[] {2})
                    .entry("ComicInfo.xml", "<ComicInfo/>").writeTo(dir.resolve("built-" + System.nanoTime()));
            try (ComicArchive archive = Archives.open(file)) {
                assertThat(archive.format()).isIn(ArchiveFormat.CBT, ArchiveFormat.CB7);
                assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactly("page2.png", "page10.png");
                assertThat(archive.readMetadata("ComicInfo.xml")).map(b -> new String(b, StandardCharsets.UTF_8))
                        .hasValue("<ComicInfo/>");
            }
        }
    }

    @Test
    void pagesSkipJunkAndKeepNaturalOrderAcrossFolders() throws IOException {
        Path cbz = ArchiveBuilder.cbz()
                .page("Chapter 10/page1.jpg", new byte[] {1})
                .page("Chapter 2/Page10.JPG", new byte[] {1})
                .page("Chapter 2/page9.webp", new byte[] {1})
                .page("cover.JPEG", new byte[] {1})
                .page("__MACOSX/Chapter 2/._page9.jpg", new byte[] {1})
                .page(".hidden.jpg", new byte[] {1})
                .entry("Thumbs.db", "x")
                .page("notes.avif", new byte[] {1})
                .page("extra.jxl", new byte[] {1})
                .entry("readme.txt", "not a page")
                .writeTo(dir.resolve("order.cbz"));
        try (ComicArchive archive = Archives.open(cbz)) {
            assertThat(archive.pages()).extracting(ArchiveEntry::name).containsExactly(
                    "cover.JPEG", "extra.jxl", "notes.avif", "Chapter 2/page9.webp", "Chapter 2/Page10.JPG", "Chapter 10/page1.jpg");
        }
    }

    @Test
    void metadataIsFoundCaseInsensitivelyAtAnyDepthAndTheRootOneWins() throws IOException {
        Path nestedOnly = ArchiveBuilder.cbz().page("a/001.jpg", new byte[] {1})
                .entry("a/b/comicinfo.XML", "<nested/>").writeTo(dir.resolve("nested.cbz"));
        try (ComicArchive archive = Archives.open(nestedOnly)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).map(String::new).hasValue("<nested/>");
        }
        Path both = ArchiveBuilder.cbz().entry("a/ComicInfo.xml", "<nested/>")
                .entry("__MACOSX/ComicInfo.xml", "<junk/>")
                .entry("comicinfo.xml", "<root/>").writeTo(dir.resolve("both.cbz"));
        try (ComicArchive archive = Archives.open(both)) {
            assertThat(archive.readMetadata("ComicInfo.xml")).map(String::new).hasValue("<root/>");
        }
    }

    @Test
    void fingerprintIgnoresMetadataButNotPages() throws IOException {
        Path a = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1, 2}).entry("ComicInfo.xml", "<a/>").writeTo(dir.resolve("a.cbz"));
        Path b = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1, 2}).entry("ComicInfo.xml", "<b/>").writeTo(dir.resolve("b.cbz"));
        Path c = ArchiveBuilder.cbz().page("001.jpg", new byte[] {1, 3}).writeTo(dir.resolve("c.cbz"));
        try (ComicArchive first = Archives.open(a); ComicArchive second = Archives.open(b); ComicArchive third = Archives.open(c)) {
            assertThat(first.fingerprint()).hasSize(64).isEqualTo(second.fingerprint()).isNotEqualTo(third.fingerprint());
        }
    }
}
