package dev.metronome.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.Resource;
import dev.metronome.api.WebLink;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.ComicInfoSchemas;
import dev.metronome.comicinfo.ComicInfoVersion;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.CoverRenderer;
import dev.metronome.metroninfo.MetronInfoReader;
import dev.metronome.metroninfo.MetronInfoSchemas;
import dev.metronome.metroninfo.MetronInfoVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tagging run writes, end to end against the fake Metron: page counts, retags, strict output, renames. */
class WrittenFileInteropTest {

    /** House of Slaughter #1: an ISBN, 148 printed pages. */
    static final long HOUSE_OF_SLAUGHTER_1 = 49622;
    /** Fantastic Four #47: a UPC, an arc, teams, 32 printed pages. */
    static final long FANTASTIC_FOUR_47 = 51658;

    static Path fourPageCbz(Path target, String comicInfo) throws Exception {
        ArchiveBuilder b = ArchiveBuilder.cbz();
        for (int i = 1; i <= 4; i++) {
            b.page(String.format("%03d.jpg", i), CoverRenderer.jpeg(CoverRenderer.cover(i == 3 ? 160 : 80, 120, i), 0.6f));
        }
        if (comicInfo != null) {
            b.entry("ComicInfo.xml", comicInfo);
        }
        return b.writeTo(target);
    }

    static RunReport tag(Metronome engine, Path file, TaggingOptions options, long issueId) {
        return engine.newRun(options.withForcedIssueId(issueId).withJobs(1), null).run(List.of(file));
    }

    static ComicMetadata comicInfo(Path file) throws Exception {
        try (ComicArchive archive = Archives.open(file)) {
            return new ComicInfoReader().read(archive.readMetadata("ComicInfo.xml").orElseThrow(), "ComicInfo.xml").metadata();
        }
    }

    static byte[] entry(Path file, String name) throws Exception {
        try (ComicArchive archive = Archives.open(file)) {
            return archive.readMetadata(name).orElseThrow();
        }
    }

    @Test
    void pageCountIsTheArchivesImageCountAndABasicPageListIsWritten(@TempDir Path dir) throws Exception {
        Path file = fourPageCbz(dir.resolve("Fantastic Four 047.cbz"), "<ComicInfo><PageCount>4</PageCount></ComicInfo>");
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            assertThat(tag(engine, file, TaggingOptions.defaults(), FANTASTIC_FOUR_47).files().get(0).written()).isTrue();
        }
        ComicMetadata m = comicInfo(file);
        assertThat(m.pageCount()).as("Metron prints 32 pages; the archive holds 4 images").hasValue(4);
        assertThat(m.pages()).hasSize(4);
        PageInfo cover = m.pages().get(0);
        assertThat(cover.types()).containsExactly(PageType.FRONT_COVER);
        assertThat(cover.width()).hasValue(80);
        assertThat(cover.height()).hasValue(120);
        assertThat(cover.size()).isPresent();
        assertThat(m.pages().get(2).doublePage()).as("a landscape page is a spread").isTrue();
        assertThat(m.pages()).extracting(PageInfo::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aPageListOfOtherPagesIsRebuiltFromTheArchiveWithTheUsersTypesAndBookmarks(@TempDir Path dir) throws Exception {
        Path file = fourPageCbz(dir.resolve("Fantastic Four 047.cbz"), "<ComicInfo><PageCount>36</PageCount><Pages>"
                + "<Page Image=\"0\" Type=\"FrontCover\" Bookmark=\"mine\"/><Page Image=\"3\" Type=\"BackCover\"/></Pages></ComicInfo>");
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            tag(engine, file, TaggingOptions.defaults(), FANTASTIC_FOUR_47);
        }
        ComicMetadata m = comicInfo(file);
        assertThat(m.pageCount()).hasValue(4);
        assertThat(m.pages()).extracting(PageInfo::bookmark).containsExactly("mine", "", "", "");
        assertThat(m.pages().get(3).types()).containsExactly(PageType.BACK_COVER);
        assertThat(m.pages().get(1).width()).hasValue(80);
    }

    @Test
    void aPageListThatDescribesTheArchiveIsKeptAsItIs(@TempDir Path dir) throws Exception {
        String pages = "<Pages><Page Image=\"0\" Type=\"FrontCover\" Bookmark=\"mine\"/><Page Image=\"1\"/><Page Image=\"2\""
                + " Type=\"Story\" DoublePage=\"true\"/><Page Image=\"3\" Type=\"BackCover\"/></Pages>";
        Path file = fourPageCbz(dir.resolve("Fantastic Four 047.cbz"), "<ComicInfo>" + pages + "</ComicInfo>");
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            tag(engine, file, TaggingOptions.defaults(), FANTASTIC_FOUR_47);
        }
        ComicMetadata m = comicInfo(file);
        assertThat(m.pageCount()).hasValue(4);
        assertThat(m.pages()).extracting(PageInfo::bookmark).containsExactly("mine", "", "", "");
        assertThat(m.pages()).allMatch(p -> p.width().isEmpty(), "the user's list is not touched");
    }

    /** The issue's own example: House of Slaughter #1 (an ISBN) retagged with --id as Fantastic Four #47 (a UPC). */
    @Test
    void aRetagToAnotherIssueLeavesNothingOfTheOldOneInComicInfoOrMetronInfo(@TempDir Path dir) throws Exception {
        Path file = fourPageCbz(dir.resolve("book.cbz"), "<ComicInfo><Tags>favourite</Tags><Review>Great.</Review>"
                + "<ScanInformation>scanned by me</ScanInformation><Locations>Gotham City</Locations>"
                + "<SeriesGroup>Horror</SeriesGroup><Notes>my own note</Notes></ComicInfo>");
        TaggingOptions both = TaggingOptions.defaults().withWriteMetronInfo(true);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            tag(engine, file, both, HOUSE_OF_SLAUGHTER_1);
            ComicMetadata first = comicInfo(file);
            assertThat(first.gtin().isbn()).isEqualTo("9781684158164");
            assertThat(first.locations()).extracting(Resource::name).containsExactly("Gotham City");
            tag(engine, file, both, FANTASTIC_FOUR_47);
        }
        ComicMetadata m = comicInfo(file);
        String xml = new String(entry(file, "ComicInfo.xml"), StandardCharsets.UTF_8);
        assertThat(m.series().name()).isEqualTo("Fantastic Four");
        assertThat(xml).doesNotContain("9781684158164").doesNotContain("house-of-slaughter").doesNotContain("Gotham City")
                .doesNotContain("Horror").doesNotContain("Slaughter");
        assertThat(m.gtin().upc()).isEqualTo("75960609036504711");
        assertThat(m.webLinks()).extracting(WebLink::url).containsExactly("https://metron.cloud/issue/fantastic-four-2018-47/");
        assertThat(m.tags()).extracting(Resource::name).containsExactly("favourite");
        assertThat(m.review()).isEqualTo("Great.");
        assertThat(m.scanInformation()).isEqualTo("scanned by me");
        assertThat(m.notes()).startsWith("my own note\n").contains("[issue_id:" + FANTASTIC_FOUR_47 + "]")
                .doesNotContain(Long.toString(HOUSE_OF_SLAUGHTER_1));

        byte[] metronInfoBytes = entry(file, "MetronInfo.xml");
        String metronInfo = new String(metronInfoBytes, StandardCharsets.UTF_8);
        ComicMetadata mi = new MetronInfoReader().read(metronInfoBytes, "MetronInfo.xml").metadata();
        assertThat(metronInfo).doesNotContain("9781684158164").doesNotContain("<ISBN>").doesNotContain("house-of-slaughter")
                .doesNotContain("Gotham City").doesNotContain("Slaughter");
        assertThat(mi.id(IdSource.METRON, ExternalId.Kind.ISSUE)).map(ExternalId::value).hasValue("51658");
        assertThat(mi.ids(ExternalId.Kind.ISSUE)).extracting(ExternalId::value).doesNotContain("49622", "931567");
        assertThat(MetronInfoSchemas.validate(metronInfoBytes, MetronInfoVersion.V1_1)).isEmpty();
    }

    @Test
    void strictOutputValidatesAgainstV20AndTheDefaultAgainstV21(@TempDir Path dir) throws Exception {
        Path strict = fourPageCbz(dir.resolve("strict/Fantastic Four 047.cbz"), null);
        Path standard = fourPageCbz(dir.resolve("default/Fantastic Four 047.cbz"), null);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            tag(engine, strict, TaggingOptions.defaults().withStrictComicInfo(true), FANTASTIC_FOUR_47);
            tag(engine, standard, TaggingOptions.defaults(), FANTASTIC_FOUR_47);
        }
        byte[] strictXml = entry(strict, "ComicInfo.xml");
        byte[] defaultXml = entry(standard, "ComicInfo.xml");
        assertThat(ComicInfoSchemas.validate(strictXml, ComicInfoVersion.V2_0)).isEmpty();
        assertThat(new String(strictXml, StandardCharsets.UTF_8)).doesNotContain("<GTIN>");
        assertThat(ComicInfoSchemas.validate(defaultXml, ComicInfoVersion.V2_1)).isEmpty();
        assertThat(ComicInfoSchemas.validate(defaultXml, ComicInfoVersion.V2_0)).as("GTIN is v2.1 only").isNotEmpty();
        assertThat(new String(defaultXml, StandardCharsets.UTF_8)).contains("<GTIN>75960609036504711</GTIN>");
    }

    @Test
    void fixExtensionsRenamesAZipNamedCbrAndReportsIt(@TempDir Path dir) throws Exception {
        Path zipAsCbr = fourPageCbz(dir.resolve("a/Fantastic Four 047.cbr"), null);
        Path kept = fourPageCbz(dir.resolve("b/Fantastic Four 047.cbr"), null);
        Path blocked = fourPageCbz(dir.resolve("c/Fantastic Four 047.cbr"), null);
        Path occupant = fourPageCbz(dir.resolve("c/Fantastic Four 047.cbz"), null);
        byte[] occupantBytes = Files.readAllBytes(occupant);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            FileReport renamed = tag(engine, zipAsCbr, TaggingOptions.defaults().withFixExtensions(true), FANTASTIC_FOUR_47)
                    .files().get(0);
            assertThat(renamed.writtenPath()).isEqualTo(dir.resolve("a/Fantastic Four 047.cbz").toString());
            assertThat(renamed.evidence()).contains("renamed Fantastic Four 047.cbr to Fantastic Four 047.cbz (its content is a ZIP)");
            assertThat(zipAsCbr).doesNotExist();
            assertThat(comicInfo(dir.resolve("a/Fantastic Four 047.cbz")).series().name()).isEqualTo("Fantastic Four");

            FileReport off = tag(engine, kept, TaggingOptions.defaults(), FANTASTIC_FOUR_47).files().get(0);
            assertThat(off.written()).isTrue();
            assertThat(kept).exists();
            assertThat(dir.resolve("b/Fantastic Four 047.cbz")).doesNotExist();

            FileReport refused = tag(engine, blocked, TaggingOptions.defaults().withFixExtensions(true), FANTASTIC_FOUR_47)
                    .files().get(0);
            assertThat(refused.evidence()).anySatisfy(e -> assertThat(e).contains("was not renamed"));
            assertThat(blocked).exists();
            assertThat(Files.readAllBytes(occupant)).isEqualTo(occupantBytes);
        }
    }
}
