package dev.metronome.maintenance;

import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.ComicInfoSchemas;
import dev.metronome.comicinfo.ComicInfoVersion;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.XmlElement;
import dev.metronome.metroninfo.MetronInfoAsserts;
import dev.metronome.metroninfo.MetronInfoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schema report for the metadata files of an archive: ComicInfo.xml against the v2.0 schema (and, when it fails
 * that, the v2.1 draft Komga and Kavita read), MetronInfo.xml against v1.1 with its asserts.
 */
public final class SchemaCheck {

    /** What one metadata file is. */
    public enum Verdict {
        /** Valid against the schema named. */
        VALID,
        /** Not valid: see the problems. */
        INVALID,
        /** The archive has no such file. */
        ABSENT
    }

    /**
     * The report of one metadata file.
     *
     * @param file     {@code ComicInfo.xml} or {@code MetronInfo.xml}
     * @param entry    its path inside the archive, "" when absent
     * @param verdict  the verdict
     * @param schema   the schema it was checked against ({@code ComicInfo v2.0}...)
     * @param problems one sentence each, with the line
     */
    public record FileReport(String file, String entry, Verdict verdict, String schema, List<String> problems) {
    }

    /**
     * The report of one archive.
     *
     * @param path   the archive
     * @param files  its ComicInfo.xml and MetronInfo.xml reports
     * @param error  why the archive could not be read, or null
     */
    public record Report(Path path, List<FileReport> files, String error) {

        /** Whether every metadata file present is valid (and the archive could be read). */
        public boolean valid() {
            return error == null && files.stream().noneMatch(f -> f.verdict() == Verdict.INVALID);
        }
    }

    private SchemaCheck() {
    }

    /** Checks one archive; an unreadable archive is a report with an error, never an exception. */
    public static Report check(Path path) {
        try (ComicArchive archive = Archives.open(path)) {
            return new Report(path, List.of(comicInfo(archive), metronInfo(archive)), null);
        } catch (IOException | RuntimeException e) {
            return new Report(path, List.of(), oneLine(e));
        }
    }

    private static FileReport comicInfo(ComicArchive archive) throws IOException {
        Optional<ArchiveEntry> entry = archive.metadataEntry("ComicInfo.xml");
        if (entry.isEmpty()) {
            return new FileReport("ComicInfo.xml", "", Verdict.ABSENT, "", List.of());
        }
        byte[] xml = archive.read(entry.get(), 16 << 20);
        try {
            List<String> problems = new ArrayList<>(wellFormed(xml, archive, ComicInfoReader.ROOT));
            if (!problems.isEmpty()) {
                return new FileReport("ComicInfo.xml", entry.get().name(), Verdict.INVALID, "ComicInfo v2.0", problems);
            }
            List<String> v20 = ComicInfoSchemas.validate(xml, ComicInfoVersion.V2_0);
            if (v20.isEmpty()) {
                return new FileReport("ComicInfo.xml", entry.get().name(), Verdict.VALID, "ComicInfo v2.0", List.of());
            }
            List<String> v21 = ComicInfoSchemas.validate(xml, ComicInfoVersion.V2_1);
            return new FileReport("ComicInfo.xml", entry.get().name(), v21.isEmpty() ? Verdict.VALID : Verdict.INVALID,
                    "ComicInfo v2.1 draft", v21);
        } catch (MetadataException e) {
            return new FileReport("ComicInfo.xml", entry.get().name(), Verdict.INVALID, "ComicInfo", List.of(oneLine(e)));
        }
    }

    private static FileReport metronInfo(ComicArchive archive) throws IOException {
        Optional<ArchiveEntry> entry = archive.metadataEntry("MetronInfo.xml");
        if (entry.isEmpty()) {
            return new FileReport("MetronInfo.xml", "", Verdict.ABSENT, "", List.of());
        }
        byte[] xml = archive.read(entry.get(), 16 << 20);
        try {
            List<String> problems = new ArrayList<>(wellFormed(xml, archive, MetronInfoReader.ROOT));
            if (problems.isEmpty()) {
                problems.addAll(MetronInfoSchema.validate(xml));
                XmlElement root = dev.metronome.comicinfo.SafeXml.parseDocument(xml, "MetronInfo.xml", MetronInfoReader.ROOT, new ArrayList<>());
                problems.addAll(MetronInfoAsserts.violations(root));
            }
            return new FileReport("MetronInfo.xml", entry.get().name(), problems.isEmpty() ? Verdict.VALID : Verdict.INVALID,
                    "MetronInfo v1.1", problems);
        } catch (MetadataException e) {
            return new FileReport("MetronInfo.xml", entry.get().name(), Verdict.INVALID, "MetronInfo v1.1", List.of(oneLine(e)));
        }
    }

    /** A document that does not even parse gets the reader's one clear sentence instead of a schema report. */
    private static List<String> wellFormed(byte[] xml, ComicArchive archive, String root) {
        try {
            dev.metronome.comicinfo.SafeXml.parseDocument(xml, archive.path().getFileName() + "!" + root + ".xml", root, new ArrayList<>());
            return List.of();
        } catch (MetadataException e) {
            return List.of(oneLine(e));
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
