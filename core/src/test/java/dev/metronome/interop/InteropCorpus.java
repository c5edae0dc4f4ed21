package dev.metronome.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.fixtures.archives.ArchiveBuilder;
import dev.metronome.fixtures.archives.CoverRenderer;
import dev.metronome.fixtures.metron.Catalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated corpus of archives to tag, each with the Metron issue it is to be tagged as, and what it carried
 * before: nothing, the user's own ComicInfo, a ComicTagger or Metron-Tagger tagging of the same issue or of another
 * one, a ZIP under a {@code .cbr} name, or a first tagging as another issue (a retag). Every variant comes in every
 * mode: default or strict ComicInfo, with or without MetronInfo.
 */
final class InteropCorpus {

    /** What a file carries before Metronome tags it. */
    enum Variant {
        /** Pages only. */
        FRESH,
        /** The user's own ComicInfo: wrong PageCount, tags, review, scan information, a note, a Translator, an element in a namespace of its own. */
        USERS_OWN,
        /** Tagged by ComicTagger from Comic Vine as the same issue (CV note, CV link, pages with a bookmark). */
        COMICTAGGER_SAME,
        /** Tagged by Metron-Tagger as the same issue. */
        METRONTAGGER_SAME,
        /** A ZIP named {@code .cbr}, tagged with {@code --fix-extensions}. */
        ZIP_NAMED_CBR,
        /** Tagged by Metronome as another issue first, then retagged with {@code --id}. */
        RETAG,
        /** Tagged by ComicTagger from Comic Vine as another issue. */
        COMICTAGGER_OTHER,
        /** Tagged by Metron-Tagger as another issue, with the old issue's ISBN, location and series group. */
        METRONTAGGER_OTHER
    }

    /**
     * One archive of the corpus.
     *
     * @param path          the file as generated
     * @param variant       what it carries
     * @param target        the Metron issue it is tagged as
     * @param old           the issue it named before (another issue), or null
     * @param strict        tagged with strict ComicInfo
     * @param metronInfo    tagged with MetronInfo too
     */
    record Item(Path path, Variant variant, ObjectNode target, ObjectNode old, boolean strict, boolean metronInfo) {

        long targetId() {
            return target.path("id").asLong();
        }
    }

    private static final byte[][] IMAGES = {
        CoverRenderer.jpeg(CoverRenderer.cover(80, 120, 1), 0.6f),
        CoverRenderer.jpeg(CoverRenderer.cover(80, 120, 2), 0.6f),
        CoverRenderer.jpeg(CoverRenderer.cover(160, 120, 3), 0.6f),
        CoverRenderer.png(CoverRenderer.cover(60, 90, 4)),
    };

    /** The ISBN an old tagging left (no issue of the catalogue has it). */
    static final String OLD_ISBN = "9780306406157";

    private InteropCorpus() {
    }

    /** The issues used: those with a cover date, credits, a Comic Vine id and a page, spread over the catalogue. */
    static List<ObjectNode> issues(int count) {
        List<ObjectNode> usable = Catalogue.bundled().issues().stream()
                .filter(i -> !i.path("cover_date").isNull() && i.path("cover_date").isTextual())
                .filter(i -> i.path("credits").size() > 0 && i.path("cv_id").canConvertToLong() && !i.path("cv_id").isNull())
                .filter(i -> i.path("series").path("volume").canConvertToInt() && i.path("resource_url").isTextual())
                .toList();
        List<ObjectNode> chosen = new ArrayList<>();
        int step = Math.max(1, usable.size() / count);
        for (int i = 0; i < usable.size() && chosen.size() < count; i += step) {
            chosen.add(usable.get(i));
        }
        return chosen;
    }

    /** Generates {@code count} archives under {@code dir}. */
    static List<Item> generate(Path dir, int count) throws IOException {
        List<ObjectNode> issues = issues(count / 2);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Variant variant = Variant.values()[i % Variant.values().length];
            ObjectNode target = issues.get(i % issues.size());
            ObjectNode old = variant == Variant.RETAG || variant == Variant.COMICTAGGER_OTHER || variant == Variant.METRONTAGGER_OTHER
                    ? otherIssue(issues, i, target) : null;
            boolean strict = (i / Variant.values().length) % 3 == 2;
            boolean metronInfo = (i / Variant.values().length) % 2 == 1;
            String extension = variant == Variant.ZIP_NAMED_CBR ? ".cbr" : ".cbz";
            Path path = dir.resolve(String.format(Locale.ROOT, "book-%03d%s", i, extension));
            ArchiveBuilder archive = ArchiveBuilder.cbz();
            int pages = 2 + i % 4;
            for (int p = 0; p < pages; p++) {
                int image = (i + p) % IMAGES.length;
                archive.page(String.format(Locale.ROOT, "page-%02d.%s", p, image == 3 ? "png" : "jpg"), IMAGES[image]);
            }
            String comicInfo = comicInfo(variant, target, old, i);
            if (comicInfo != null) {
                archive.entry("ComicInfo.xml", comicInfo);
            }
            items.add(new Item(archive.writeTo(path), variant, target, old, strict, metronInfo));
        }
        return items;
    }

    /** An issue of another series than the target's, so that nothing of one can pass for the other. */
    private static ObjectNode otherIssue(List<ObjectNode> issues, int i, ObjectNode target) {
        String series = target.path("series").path("name").asText().toLowerCase(Locale.ROOT);
        for (int k = 1; k < issues.size(); k++) {
            ObjectNode candidate = issues.get((i + 37 * k) % issues.size());
            String other = candidate.path("series").path("name").asText().toLowerCase(Locale.ROOT);
            if (!other.contains(series) && !series.contains(other)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no issue of another series");
    }

    private static String comicInfo(Variant variant, ObjectNode target, ObjectNode old, int i) {
        return switch (variant) {
            case FRESH, ZIP_NAMED_CBR, RETAG -> null;
            case USERS_OWN -> "<?xml version=\"1.0\"?>\n<ComicInfo xmlns:x=\"urn:user\">\n  <Series>" + xml(series(target))
                    + "</Series>\n  <Number>" + xml(target.path("number").asText()) + "</Number>\n  <Notes>my note " + i
                    + "</Notes>\n  <Translator>Translator Person " + i + "</Translator>\n  <Tags>favourite, to-read</Tags>\n"
                    + "  <PageCount>36</PageCount>\n  <ScanInformation>scanned by me " + i + "</ScanInformation>\n"
                    + "  <CommunityRating>4</CommunityRating>\n  <Review>Loved it.</Review>\n  <x:Ext>kept " + i + "</x:Ext>\n</ComicInfo>\n";
            case COMICTAGGER_SAME, COMICTAGGER_OTHER -> comicTagged(variant == Variant.COMICTAGGER_SAME ? target : old, i);
            case METRONTAGGER_SAME, METRONTAGGER_OTHER -> metronTagged(variant == Variant.METRONTAGGER_SAME ? target : old,
                    variant == Variant.METRONTAGGER_OTHER);
        };
    }

    /** What ComicTagger writes from Comic Vine: its note (combined with the user's text its way), a CV link, pages. */
    private static String comicTagged(ObjectNode issue, int i) {
        String cvId = issue.path("cv_id").asText();
        String notes = ComicTaggerReader.combineNotes("user text " + i, "Tagged with ComicTagger 1.5.5 using info from Comic Vine"
                + " on 2023-01-02 10:00:00.  [Issue ID " + cvId + "]", "Tagged with ComicTagger");
        return "<?xml version='1.0' encoding='utf-8'?>\n<ComicInfo xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n  <Series>" + xml(series(issue)) + "</Series>\n  <Number>"
                + xml(issue.path("number").asText()) + "</Number>\n  <Volume>" + issue.path("series").path("year_began").asInt()
                + "</Volume>\n  <Notes>" + xml(notes) + "</Notes>\n  <Web>https://comicvine.gamespot.com/x/4000-" + cvId
                + "/</Web>\n  <Writer>Old Writer</Writer>\n  <Pages>\n    <Page Image=\"0\" Type=\"FrontCover\" />\n"
                + "    <Page Image=\"1\" Bookmark=\"my place\" />\n  </Pages>\n</ComicInfo>\n";
    }

    /** What Metron-Tagger writes: its note, the Metron link, and here, for another issue, some of its extra fields. */
    private static String metronTagged(ObjectNode issue, boolean withExtras) {
        String extras = withExtras ? "  <GTIN>" + OLD_ISBN + "</GTIN>\n  <Locations>Gotham City</Locations>\n"
                + "  <SeriesGroup>Old Group</SeriesGroup>\n  <StoryArc>Old Arc</StoryArc>\n" : "";
        return "<?xml version='1.0' encoding='utf-8'?>\n<ComicInfo>\n  <Series>" + xml(series(issue)) + "</Series>\n  <Number>"
                + xml(issue.path("number").asText()) + "</Number>\n  <Volume>" + issue.path("series").path("volume").asInt()
                + "</Volume>\n  <Notes>Tagged with MetronTagger-2.3.0 using info from Metron on 2024-01-01 10:00:00. [issue_id:"
                + issue.path("id").asText() + "]</Notes>\n  <Web>" + xml(issue.path("resource_url").asText()) + "</Web>\n" + extras
                + "</ComicInfo>\n";
    }

    static String series(JsonNode issue) {
        return issue.path("series").path("name").asText();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
