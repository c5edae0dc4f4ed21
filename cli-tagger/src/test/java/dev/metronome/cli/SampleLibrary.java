package dev.metronome.cli;

import dev.metronome.fixtures.archives.ArchiveBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small library for CLI tests, over issues of the bundled catalogue: Saga (2012) #1-#6 in a Mylar-style folder,
 * one archive whose ComicInfo.xml names the issue, one file that is not an archive. Each archive has its own pages.
 */
final class SampleLibrary {

    private SampleLibrary() {
    }

    /** Creates the library; returns each archive with its true Metron issue id (null for the bad file). */
    static Map<Path, Long> create(Path root) throws IOException {
        Map<Path, Long> made = new LinkedHashMap<>();
        Path folder = Files.createDirectories(root.resolve("Saga (2012)"));
        for (int n = 1; n <= 6; n++) {
            String name = String.format("Saga %03d (2012) (Digital) (Zone-Empire).cbz", n);
            made.put(ArchiveBuilder.cbz().page("001.jpg", name.getBytes(StandardCharsets.UTF_8))
                    .page("002.jpg", ("page two of " + n).getBytes(StandardCharsets.UTF_8))
                    .writeTo(folder.resolve(name)), 516880L + n);
        }
        made.put(ArchiveBuilder.cbz().page("001.jpg", "metadata only".getBytes(StandardCharsets.UTF_8))
                .entry("ComicInfo.xml", "<ComicInfo><Series>Saga</Series><Number>7</Number><Year>2012</Year></ComicInfo>")
                .writeTo(root.resolve("scan0007.cbz")), 516887L);
        Path bad = Files.writeString(root.resolve("broken.cbz"), "this is not a zip file");
        made.put(bad, null);
        return made;
    }
}
