package dev.metronome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.comicinfo.ComicInfoSchemas;
import dev.metronome.comicinfo.ComicInfoVersion;
import dev.metronome.comicinfo.CreditField;
import dev.metronome.comicinfo.CreditRoleMapping;
import dev.metronome.core.Metronome;
import dev.metronome.interop.InteropCorpus.Item;
import dev.metronome.interop.InteropCorpus.Variant;
import dev.metronome.metroninfo.MetronInfoSchemas;
import dev.metronome.metroninfo.MetronInfoVersion;
import dev.metronome.tagging.CorpusRun;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.TaggingOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Reads what Metronome writes the way the peers do (darkseid and Metron-Tagger, ComicTagger, Komga, Kavita; see
 * their readers in this package), over a generated corpus of tagged archives: fresh files, the user's own
 * ComicInfo, ComicTagger and Metron-Tagger taggings of the same and of another issue, ZIPs named {@code .cbr},
 * and retags to another issue, in default and strict mode, with and without MetronInfo. Each peer must find the
 * series, number, volume, cover date, credits, the Metron id and the page list; nothing of an old issue may
 * remain; every file must validate against its schema.
 */
class PeerRoundTripTest {

    static final int FILES = 240;

    @TempDir
    static Path dir;

    /** One file after tagging. */
    record Tagged(Item item, Path file, byte[] comicInfo, byte[] metronInfo, int images) {

        String xml() {
            return new String(comicInfo, StandardCharsets.UTF_8);
        }

        ObjectNode target() {
            return item.target();
        }

        String label() {
            return file.getFileName() + " (" + item.variant() + (item.strict() ? ", strict" : "") + ")";
        }
    }

    static final List<Tagged> TAGGED = new ArrayList<>();

    @BeforeAll
    static void tagTheCorpus() throws Exception {
        List<Item> items = InteropCorpus.generate(dir.resolve("corpus"), FILES);
        try (CorpusRun fake = new CorpusRun(); Metronome engine = fake.engine(dir.resolve("cache"), 1)) {
            for (Item item : items) {
                TaggingOptions options = TaggingOptions.defaults().withJobs(1).withStrictComicInfo(item.strict())
                        .withWriteMetronInfo(item.metronInfo()).withFixExtensions(item.variant() == Variant.ZIP_NAMED_CBR);
                if (item.variant() == Variant.RETAG) {
                    FileReport first = tag(engine, item.path(), options, item.old().path("id").asLong());
                    assertThat(first.written()).as(first.toString()).isTrue();
                }
                FileReport report = tag(engine, item.path(), options, item.targetId());
                assertThat(report.status()).as(report.toString()).isEqualTo(FileReport.MATCHED);
                assertThat(report.error()).as(report.toString()).isNull();
                Path file = report.writtenPath() == null ? item.path() : Path.of(report.writtenPath());
                TAGGED.add(new Tagged(item, file, entry(file, "ComicInfo.xml").orElseThrow(),
                        entry(file, "MetronInfo.xml").orElse(null), images(file)));
            }
        }
    }

    private static FileReport tag(Metronome engine, Path file, TaggingOptions options, long issueId) {
        return engine.newRun(options.withForcedIssueId(issueId), null).withoutSync().run(List.of(file)).files().get(0);
    }

    /** An entry read the way every peer does: exactly this name, at the archive root. */
    private static Optional<byte[]> entry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(in.readAllBytes());
            }
        }
    }

    /** The archive's images, counted as the servers count them: by extension, leaving out folders and dot files. */
    private static int images(Path file) throws IOException {
        Set<String> images = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "jxl", "bmp");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return (int) zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .filter(n -> !n.startsWith("__MACOSX") && !n.substring(n.lastIndexOf('/') + 1).startsWith("."))
                    .filter(n -> images.contains(n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))).count();
        }
    }

    @Test
    void theCorpusHasEveryVariantInEveryMode() {
        assertThat(TAGGED).hasSizeGreaterThanOrEqualTo(200);
        Map<Variant, Integer> counts = new EnumMap<>(Variant.class);
        TAGGED.forEach(t -> counts.merge(t.item().variant(), 1, Integer::sum));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Variant.values());
        for (Variant variant : Variant.values()) {
            List<Tagged> of = TAGGED.stream().filter(t -> t.item().variant() == variant).toList();
            assertThat(of).as(variant.name()).anyMatch(t -> t.item().strict()).anyMatch(t -> !t.item().strict())
                    .anyMatch(t -> t.item().metronInfo()).anyMatch(t -> !t.item().metronInfo());
        }
    }

    @Test
    void darkseidAndMetronTaggerFindEverything() {
        for (Tagged t : TAGGED) {
            assertThat(DarkseidReader.readsArchiveNamed(t.file().getFileName().toString())).as(t.label()).isTrue();
            DarkseidReader.Read read = DarkseidReader.read(t.comicInfo()).orElseThrow(() -> new AssertionError(t.label()));
            assertThat(read.series()).as(t.label()).isEqualTo(InteropCorpus.series(t.target()));
            assertThat(read.number()).as(t.label()).isEqualTo(t.target().path("number").asText());
            assertThat(read.volume()).as(t.label()).isEqualTo(t.target().path("series").path("volume").asInt());
            assertThat(read.coverDate()).as(t.label()).isEqualTo(LocalDate.parse(t.target().path("cover_date").asText()));
            assertCredits(t, read.credits(), false);
            assertThat(read.noteId()).as(t.label() + " notes").contains(new DarkseidReader.NoteId("Metron", t.target().path("id").asText()));
            assertThat(read.webLinks()).as(t.label()).first().isEqualTo(t.target().path("resource_url").asText());
            assertThat(read.pages()).as(t.label()).hasSize(t.images());
            assertThat(read.pages().get(0).get("Type")).as(t.label()).contains("FrontCover");
        }
    }

    @Test
    void comicTaggerFindsEverything() {
        for (Tagged t : TAGGED) {
            ComicTaggerReader.Read read = ComicTaggerReader.read(t.comicInfo()).orElseThrow(() -> new AssertionError(t.label()));
            LocalDate cover = LocalDate.parse(t.target().path("cover_date").asText());
            assertThat(read.series()).as(t.label()).isEqualTo(InteropCorpus.series(t.target()));
            assertThat(read.number()).as(t.label()).isEqualTo(t.target().path("number").asText());
            assertThat(read.volume()).as(t.label()).isEqualTo(t.target().path("series").path("volume").asInt());
            assertThat(List.of(read.year(), read.month(), read.day())).as(t.label())
                    .containsExactly(cover.getYear(), cover.getMonthValue(), cover.getDayOfMonth());
            assertCredits(t, read.credits(), false);
            assertThat(read.noteId()).as(t.label() + " notes")
                    .contains(new ComicTaggerReader.NoteId("Metron", t.target().path("id").asText()));
            assertThat(read.pages()).as(t.label()).hasSize(t.images());
            assertThat(read.pages()).extracting(ComicTaggerReader.Page::displayIndex).as(t.label())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, t.images()).boxed().toList());
            assertThat(read.pages().get(0).type()).as(t.label()).contains("FrontCover");
            assertThat(read.pages()).as(t.label() + ": sizes and dimensions from the image headers")
                    .allMatch(p -> p.size() != null && p.width() != null && p.height() != null);
        }
    }

    @Test
    void komgaMapsEverything() {
        for (Tagged t : TAGGED) {
            KomgaReader.Read read = KomgaReader.read(t.comicInfo()).orElseThrow(() -> new AssertionError(t.label()));
            int volume = t.target().path("series").path("volume").asInt();
            String series = InteropCorpus.series(t.target());
            assertThat(read.seriesTitle()).as(t.label()).isEqualTo(volume == 1 ? series : series + " (" + volume + ")");
            assertThat(read.number()).as(t.label()).isEqualTo(t.target().path("number").asText());
            assertThat(read.releaseDate()).as(t.label()).isEqualTo(LocalDate.parse(t.target().path("cover_date").asText()));
            Map<String, List<String>> byRole = new java.util.LinkedHashMap<>();
            read.authors().forEach(a -> byRole.computeIfAbsent(a.role(), r -> new ArrayList<>()).add(a.name()));
            assertCredits(t, byRole, true);
            assertThat(read.links()).as(t.label()).filteredOn(KomgaReader::isMetron).extracting(KomgaReader.Link::url)
                    .containsExactly(t.target().path("resource_url").asText());
            assertThat(pageCount(t)).as(t.label() + ": PageCount is what Komga counts in the archive").isEqualTo(t.images());
        }
    }

    @Test
    void kavitaMapsEverything() {
        for (Tagged t : TAGGED) {
            KavitaReader.Read read = KavitaReader.read(t.comicInfo()).orElseThrow(() -> new AssertionError(t.label()));
            int volume = t.target().path("series").path("volume").asInt();
            String series = InteropCorpus.series(t.target());
            assertThat(read.series()).as(t.label()).isEqualTo(series);
            assertThat(read.comicVineSeries()).as(t.label()).isEqualTo(series + " (" + volume + ")");
            assertThat(read.number()).as(t.label()).isEqualTo(t.target().path("number").asText().replace(',', '.'));
            assertThat(read.volume()).as(t.label()).isEqualTo(Integer.toString(volume));
            assertThat(read.releaseDate()).as(t.label()).isEqualTo(LocalDate.parse(t.target().path("cover_date").asText()));
            assertCredits(t, read.people(), true);
            assertThat(read.webLinks()).as(t.label()).containsExactly(t.target().path("resource_url").asText());
            assertThat(pageCount(t)).as(t.label() + ": PageCount is what Kavita counts in the archive").isEqualTo(t.images());
        }
    }

    @Test
    void aFileThatNamedAnotherIssueKeepsNothingOfIt() {
        List<Tagged> retagged = TAGGED.stream().filter(t -> t.item().old() != null).toList();
        assertThat(retagged).hasSizeGreaterThanOrEqualTo(60);
        for (Tagged t : retagged) {
            JsonNode old = t.item().old();
            List<String> stale = List.of(old.path("resource_url").asText(), "[issue_id:" + old.path("id").asText() + "]",
                    "[Issue ID " + old.path("cv_id").asText() + "]", "4000-" + old.path("cv_id").asText() + "/",
                    "<Series>" + InteropCorpus.series(old) + "</Series>", InteropCorpus.OLD_ISBN, "Gotham City", "Old Group",
                    "Old Arc", "Old Writer", "ComicTagger 1.5.5", "MetronTagger-2.3.0");
            for (String value : stale) {
                assertThat(t.xml()).as(t.label() + " ComicInfo").doesNotContain(value);
                if (t.metronInfo() != null) {
                    assertThat(new String(t.metronInfo(), StandardCharsets.UTF_8)).as(t.label() + " MetronInfo").doesNotContain(value);
                }
            }
            if (t.metronInfo() != null) {
                assertThat(new String(t.metronInfo(), StandardCharsets.UTF_8)).as(t.label())
                        .doesNotContain(">" + old.path("cv_id").asText() + "</ID>").doesNotContain(">" + old.path("id").asText() + "</ID>");
            }
        }
    }

    @Test
    void otherToolsNotesAreReplacedAndTheUsersTextAndFieldsKept() {
        for (Tagged t : TAGGED) {
            String notes = DarkseidReaderNotes.of(t.comicInfo());
            assertThat(notes).as(t.label()).doesNotContain("Tagged with ComicTagger").doesNotContain("Tagged with MetronTagger");
            if (t.item().variant() == Variant.COMICTAGGER_SAME || t.item().variant() == Variant.COMICTAGGER_OTHER) {
                assertThat(notes).as(t.label()).startsWith("user text ");
            }
            if (t.item().variant() == Variant.USERS_OWN) {
                assertThat(notes).as(t.label()).startsWith("my note ");
                assertThat(t.xml()).as(t.label()).contains("<Review>Loved it.</Review>").contains("<ScanInformation>scanned by me")
                        .contains("<CommunityRating>4</CommunityRating>").doesNotContain("<PageCount>36</PageCount>");
                if (!t.item().strict()) {
                    assertThat(t.xml()).as(t.label() + ": v2.1 fields and the user's own element").contains("<Tags>favourite, to-read</Tags>")
                            .contains("<Translator>Translator Person").contains("<x:Ext xmlns:x=\"urn:user\">kept");
                }
            }
            if (t.item().variant() == Variant.COMICTAGGER_SAME) {
                assertThat(t.xml()).as(t.label() + ": the user's bookmark").contains("Bookmark=\"my place\"");
            }
        }
    }

    @Test
    void everyComicInfoValidatesAgainstItsSchema() throws Exception {
        int withUsersElements = 0;
        for (Tagged t : TAGGED) {
            if (t.item().strict()) {
                assertThat(ComicInfoSchemas.validate(t.comicInfo(), ComicInfoVersion.V2_0)).as(t.label()).isEmpty();
            } else {
                byte[] ours = withoutUnknownElements(t.comicInfo());
                withUsersElements += ours.length == t.comicInfo().length ? 0 : 1;
                assertThat(ComicInfoSchemas.validate(ours, ComicInfoVersion.V2_1)).as(t.label()).isEmpty();
            }
        }
        assertThat(withUsersElements).as("files whose user's own elements outside the schema were kept").isPositive();
    }

    @Test
    void everyMetronInfoValidatesAgainstV10OrV11WhereItUsesV11Elements() {
        int files = 0;
        for (Tagged t : TAGGED) {
            if (t.metronInfo() == null) {
                assertThat(t.item().metronInfo()).as(t.label()).isFalse();
                continue;
            }
            files++;
            String text = new String(t.metronInfo(), StandardCharsets.UTF_8);
            boolean usesV11 = text.contains("<AlternativeNumber>") || text.contains("<CommunityRating>");
            assertThat(MetronInfoSchemas.validate(t.metronInfo(), usesV11 ? MetronInfoVersion.V1_1 : MetronInfoVersion.V1_0))
                    .as(t.label()).isEmpty();
            assertThat(text).as(t.label()).contains("<ID source=\"Metron\" primary=\"true\">" + t.target().path("id").asText() + "</ID>");
        }
        assertThat(files).isGreaterThanOrEqualTo(FILES / 3);
    }

    /** The credits Metron gives, found under each element's name as this reader names the roles. */
    private static void assertCredits(Tagged t, Map<String, List<String>> byRole, boolean readsTranslator) {
        Function<CreditField, String> roleName = readsTranslator
                ? field -> field == CreditField.COVER_ARTIST ? (byRole.containsKey("cover") ? "cover" : "CoverArtist")
                        : byRole.containsKey(field.element().toLowerCase(Locale.ROOT)) ? field.element().toLowerCase(Locale.ROOT) : field.element()
                : field -> field == CreditField.COVER_ARTIST ? "Cover" : field.element();
        int checked = 0;
        for (JsonNode credit : t.target().path("credits")) {
            String name = credit.path("creator").asText();
            if (name.contains(",")) {
                continue;
            }
            for (JsonNode role : credit.path("role")) {
                for (CreditField field : CreditRoleMapping.fieldsFor(role.path("name").asText())) {
                    if (field == CreditField.TRANSLATOR && (!readsTranslator || t.item().strict())) {
                        continue;
                    }
                    assertThat(byRole.getOrDefault(roleName.apply(field), List.of())).as(t.label() + " " + field).contains(name);
                    checked++;
                }
            }
        }
        assertThat(checked).as(t.label() + ": credits checked").isPositive();
    }

    private static int pageCount(Tagged t) {
        Element root = PeerXml.root(t.comicInfo()).orElseThrow();
        return Integer.parseInt(PeerXml.text(root, "PageCount"));
    }

    /** The document without the root's children outside ComicInfo's schema (the user's own elements, kept as they were). */
    private static byte[] withoutUnknownElements(byte[] xml) throws Exception {
        Element root = PeerXml.root(xml).orElseThrow();
        Set<String> known = Set.of("Title", "Series", "Number", "Count", "Volume", "AlternateSeries", "AlternateNumber",
                "AlternateCount", "Summary", "Notes", "Year", "Month", "Day", "Writer", "Penciller", "Inker", "Colorist", "Letterer",
                "CoverArtist", "Editor", "Translator", "Publisher", "Imprint", "Genre", "Tags", "Web", "PageCount", "LanguageISO",
                "Format", "BlackAndWhite", "Manga", "Characters", "Teams", "Locations", "ScanInformation", "StoryArc",
                "StoryArcNumber", "SeriesGroup", "AgeRating", "Pages", "CommunityRating", "MainCharacterOrTeam", "Review", "GTIN");
        boolean removed = false;
        for (Element child : PeerXml.children(root)) {
            if (child.getNamespaceURI() != null || !known.contains(child.getLocalName())) {
                root.removeChild(child);
                removed = true;
            }
        }
        if (!removed) {
            return xml;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(root.getOwnerDocument()), new StreamResult(out));
        return out.toByteArray();
    }

    /** The Notes text as the peers get it. */
    private static final class DarkseidReaderNotes {
        static String of(byte[] comicInfo) {
            String notes = PeerXml.text(PeerXml.root(comicInfo).orElseThrow(), "Notes");
            return notes == null ? "" : notes;
        }
    }
}
