package dev.metronome.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.junrar.Archive;
import com.github.junrar.rarfile.FileHeader;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveFormat;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.archives.Rar4Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The test-fixture RAR 4 writer makes archives that junrar (and so our archive layer) reads byte for byte. */
class Rar4WriterTest {

    @Test
    void junrarReadsEveryEntryByteIdentically(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] page = new byte[70_000];
        new Random(5).nextBytes(page);
        entries.put("001.jpg", page);
        entries.put("sub/002.jpg", new byte[] {1, 2, 3});
        entries.put("Ünïcode página.jpg", "x".getBytes(StandardCharsets.UTF_8));
        entries.put("ComicInfo.xml", "<ComicInfo/>".getBytes(StandardCharsets.UTF_8));
        Path rar = Rar4Writer.write(dir.resolve("t.cbr"), entries);

        Map<String, byte[]> read = new LinkedHashMap<>();
        try (Archive archive = new Archive(rar.toFile())) {
            assertThat(archive.isEncrypted()).isFalse();
            for (FileHeader header : archive.getFileHeaders()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                archive.extractFile(header, out);
                read.put(header.getFileName().replace('\\', '/'), out.toByteArray());
            }
        }
        assertThat(read.keySet()).containsExactlyElementsOf(entries.keySet());
        entries.forEach((name, bytes) -> assertThat(read.get(name)).as(name).isEqualTo(bytes));

        try (ComicArchive archive = Archives.open(rar)) {
            assertThat(archive.format()).isEqualTo(ArchiveFormat.CBR);
            ArchiveEntry first = archive.pages().get(0);
            assertThat(archive.read(first, 1 << 20)).isEqualTo(page);
            assertThat(archive.readMetadata("ComicInfo.xml")).get()
                    .isEqualTo("<ComicInfo/>".getBytes(StandardCharsets.UTF_8));
        }
    }
}
