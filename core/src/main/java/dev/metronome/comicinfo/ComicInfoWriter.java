package dev.metronome.comicinfo;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.CommunityRating;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.PartialDate;
import dev.metronome.api.ReadingDirection;
import dev.metronome.api.Resource;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.WebLink;
import dev.metronome.api.YesNo;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Writes a {@link ComicMetadata} as ComicInfo.xml, in schema element order, UTF-8, indented.
 *
 * <p>{@link #defaults()} writes the v2.1 draft (with GTIN, Tags, Translator, StoryArcNumber) and keeps the
 * unknown elements read from the old file, after the known ones. The output validates against the v2.1 XSD
 * whenever there are no unknown elements (the schema has no place for them). {@link #strict()} writes v2.0
 * and leaves out v2.1-only values and unknown elements, so its output always validates against v2.0.
 * Whatever the target cannot hold is reported in {@link WriteResult#warnings()}.
 *
 * <p>Mapping notes: Title is the collection title if there is one, otherwise the story titles joined by
 * {@code "; "}; credits go through {@link CreditRoleMapping}; names with commas through {@link NameList};
 * Web holds the primary link alone (other readers split lists differently), or every link when none is primary;
 * GTIN is the ISBN, else the UPC; an incomplete
 * cover date writes only the parts known; the age rating maps to the nearest ComicInfo value.
 */
public final class ComicInfoWriter {

    private final ComicInfoVersion version;
    private final boolean keepUnknownElements;

    /**
     * @param version             the schema to write
     * @param keepUnknownElements whether to write back elements read from the old file that Metronome does not know
     */
    public ComicInfoWriter(ComicInfoVersion version, boolean keepUnknownElements) {
        this.version = version;
        this.keepUnknownElements = keepUnknownElements;
    }

    /** v2.1 draft, unknown elements kept: the default. */
    public static ComicInfoWriter defaults() {
        return new ComicInfoWriter(ComicInfoVersion.V2_1, true);
    }

    /** v2.0, nothing outside its schema: always schema-valid. */
    public static ComicInfoWriter strict() {
        return new ComicInfoWriter(ComicInfoVersion.V2_0, false);
    }

    /** The schema this writer targets. */
    public ComicInfoVersion version() {
        return version;
    }

    /** Writes the metadata. */
    public WriteResult write(ComicMetadata m) {
        List<String> warnings = new ArrayList<>();
        Target out = new Target(warnings);
        out.add("Title", title(m), ComicInfoVersion.V1_0);
        out.add("Series", m.series().name(), ComicInfoVersion.V1_0);
        out.add("Number", m.number().raw(), ComicInfoVersion.V1_0);
        out.add("Count", m.series().issueCount(), ComicInfoVersion.V1_0);
        out.add("Volume", m.series().volume(), ComicInfoVersion.V1_0);
        out.add("AlternateSeries", m.alternateSeries(), ComicInfoVersion.V1_0);
        out.add("AlternateNumber", m.alternateNumber().raw(), ComicInfoVersion.V1_0);
        out.add("AlternateCount", m.alternateCount(), ComicInfoVersion.V1_0);
        out.add("Summary", m.summary(), ComicInfoVersion.V1_0);
        out.add("Notes", m.notes(), ComicInfoVersion.V1_0);
        m.coverDate().ifPresent(date -> writeDate(out, date));
        Map<CreditField, List<String>> credits = CreditRoleMapping.toFields(m.credits());
        for (CreditField field : CreditField.values()) {
            out.add(field.element(), NameList.joinPeople(credits.getOrDefault(field, List.of())), field.since());
        }
        out.add("Publisher", m.publisher().name(), ComicInfoVersion.V1_0);
        out.add("Imprint", m.imprint().name(), ComicInfoVersion.V1_0);
        out.add("Genre", names(m.genres()), ComicInfoVersion.V1_0);
        out.add("Tags", names(m.tags()), ComicInfoVersion.V2_1);
        out.add("Web", web(m.webLinks()), ComicInfoVersion.V1_0);
        out.add("PageCount", m.pageCount(), ComicInfoVersion.V1_0);
        out.add("LanguageISO", m.series().language(), ComicInfoVersion.V1_0);
        out.add("Format", m.series().format(), ComicInfoVersion.V1_0);
        out.add("BlackAndWhite", yesNo(m.blackAndWhite()), ComicInfoVersion.V1_0);
        out.add("Manga", manga(m), ComicInfoVersion.V1_0);
        out.add("Characters", names(m.characters()), ComicInfoVersion.V2_0);
        out.add("Teams", names(m.teams()), ComicInfoVersion.V2_0);
        out.add("Locations", names(m.locations()), ComicInfoVersion.V2_0);
        out.add("ScanInformation", m.scanInformation(), ComicInfoVersion.V2_0);
        out.add("StoryArc", NameList.joinNames(m.storyArcs().stream().map(StoryArc::name).toList()), ComicInfoVersion.V2_0);
        out.add("StoryArcNumber", arcNumbers(m.storyArcs(), warnings), ComicInfoVersion.V2_1);
        out.add("SeriesGroup", m.seriesGroup(), ComicInfoVersion.V2_0);
        out.add("AgeRating", m.ageRating() == AgeRating.UNKNOWN ? "" : ageRating(m.ageRating()), ComicInfoVersion.V2_0);
        writePages(out, m.pages());
        out.add("CommunityRating", m.communityRating().map(this::rating).orElse(""), ComicInfoVersion.V2_0);
        out.add("MainCharacterOrTeam", m.mainCharacterOrTeam(), ComicInfoVersion.V2_0);
        out.add("Review", m.review(), ComicInfoVersion.V2_0);
        out.add("GTIN", m.gtin().isbn().isEmpty() ? m.gtin().upc() : m.gtin().isbn(), ComicInfoVersion.V2_1);
        writeUnknown(out, m.unknownElements(), warnings);
        out.xml.close(ComicInfoReader.ROOT);
        return new WriteResult(out.xml.toBytes(), warnings);
    }

    private static String title(ComicMetadata m) {
        return m.collectionTitle().isEmpty() ? String.join("; ", m.storyTitles()) : m.collectionTitle();
    }

    private static void writeDate(Target out, PartialDate date) {
        out.add("Year", OptionalInt.of(date.year()), ComicInfoVersion.V1_0);
        out.add("Month", date.month(), ComicInfoVersion.V1_0);
        out.add("Day", date.day(), ComicInfoVersion.V2_0);
    }

    private static String names(List<Resource> resources) {
        return NameList.joinNames(resources.stream().map(Resource::name).toList());
    }

    /**
     * The primary link alone when there is one: readers split a list differently (Komga and ComicTagger on spaces,
     * Kavita on commas), so only a single address is read right by all of them. Without a primary (a file's own
     * links written back), every link, separated by spaces.
     */
    private static String web(List<WebLink> links) {
        List<WebLink> chosen = links.stream().anyMatch(link -> link.primary() && !link.url().isEmpty())
                ? links.stream().filter(WebLink::primary).limit(1).toList() : links;
        return chosen.stream().map(WebLink::url).filter(url -> !url.isEmpty())
                .map(url -> url.replace(" ", "%20")).distinct().collect(Collectors.joining(" "));
    }

    private static String yesNo(YesNo value) {
        return switch (value) {
            case UNKNOWN -> "";
            case YES -> "Yes";
            case NO -> "No";
        };
    }

    private String manga(ComicMetadata m) {
        boolean rightToLeft = m.readingDirection() == ReadingDirection.RIGHT_TO_LEFT;
        if (rightToLeft && m.manga() != YesNo.NO) {
            return version.includes(ComicInfoVersion.V2_0) ? "YesAndRightToLeft" : "Yes";
        }
        return yesNo(m.manga());
    }

    private static String arcNumbers(List<StoryArc> arcs, List<String> warnings) {
        boolean any = arcs.stream().anyMatch(arc -> !arc.number().isEmpty());
        if (!any) {
            return "";
        }
        if (arcs.stream().anyMatch(arc -> arc.number().isEmpty() || arc.number().contains(","))) {
            warnings.add("ComicInfo.xml: StoryArcNumber left out, since not every story arc has a number");
            return "";
        }
        return arcs.stream().map(StoryArc::number).collect(Collectors.joining(", "));
    }

    /**
     * The ComicInfo value for an age rating: its own if ComicInfo has it, otherwise the nearest
     * (Teen Plus → MA15+, Mature → Mature 17+, Explicit → X18+, Adult → Adults Only 18+, CCA → Everyone).
     */
    public static String ageRating(AgeRating rating) {
        return switch (rating) {
            case TEEN_PLUS -> "MA15+";
            case MATURE -> "Mature 17+";
            case EXPLICIT -> "X18+";
            case ADULT -> "Adults Only 18+";
            case CCA -> "Everyone";
            default -> rating.label();
        };
    }

    private String rating(CommunityRating rating) {
        int digits = version == ComicInfoVersion.V2_1 ? 1 : 2;
        return rating.average().setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private void writePages(Target out, List<PageInfo> pages) {
        if (pages.isEmpty()) {
            return;
        }
        out.xml.open("Pages");
        for (PageInfo page : pages) {
            String type = page.types().isEmpty() ? "" : page.types().stream().map(PageType::xmlName).collect(Collectors.joining(" "));
            String bookmark = page.bookmark();
            if (!bookmark.isEmpty() && !version.includes(ComicInfoVersion.V2_0)) {
                out.warnings.add("ComicInfo.xml: the bookmark of page " + page.index() + " left out (ComicInfo " + version + " has no Bookmark)");
                bookmark = "";
            }
            out.xml.empty("Page",
                    "Image", Integer.toString(page.index()),
                    "Type", type,
                    "DoublePage", page.doublePage() ? "true" : "",
                    "ImageSize", page.size().isPresent() ? Long.toString(page.size().getAsLong()) : "",
                    "Key", page.key(),
                    "Bookmark", bookmark,
                    "ImageWidth", page.width().isPresent() ? Integer.toString(page.width().getAsInt()) : "",
                    "ImageHeight", page.height().isPresent() ? Integer.toString(page.height().getAsInt()) : "");
        }
        out.xml.close("Pages");
    }

    private void writeUnknown(Target out, List<UnknownElement> elements, List<String> warnings) {
        for (UnknownElement element : elements) {
            if (!element.format().equals(UnknownElement.COMIC_INFO)) {
                continue;
            }
            if (!keepUnknownElements) {
                warnings.add("ComicInfo.xml: the unknown element <" + element.name() + "> left out (strict mode)");
                continue;
            }
            if (!element.name().equalsIgnoreCase(ComicInfoReader.ROOT) && SafeXml.isWellFormedElement(element.xml(), element.name())) {
                out.xml.raw(element.xml());
            } else {
                warnings.add("ComicInfo.xml: the unknown element <" + element.name() + "> left out (it is not well-formed XML)");
            }
        }
    }

    /** The document being written, leaving out what the version cannot hold. */
    private final class Target {
        final XmlOut xml = new XmlOut();
        final List<String> warnings;

        Target(List<String> warnings) {
            this.warnings = warnings;
            xml.open(ComicInfoReader.ROOT,
                    "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                    "xmlns:xsd", "http://www.w3.org/2001/XMLSchema");
        }

        void add(String element, String value, ComicInfoVersion since) {
            if (value == null || value.isBlank()) {
                return;
            }
            if (!version.includes(since)) {
                warnings.add("ComicInfo.xml: " + element + " left out (ComicInfo " + version + " has no " + element + ")");
                return;
            }
            xml.element(element, value);
        }

        void add(String element, OptionalInt value, ComicInfoVersion since) {
            if (value.isPresent()) {
                add(element, Integer.toString(value.getAsInt()), since);
            }
        }
    }
}
