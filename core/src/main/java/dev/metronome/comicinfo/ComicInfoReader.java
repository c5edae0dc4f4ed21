package dev.metronome.comicinfo;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.CommunityRating;
import dev.metronome.api.Credit;
import dev.metronome.api.Gtin;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.PartialDate;
import dev.metronome.api.ReadingDirection;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.WebLink;
import dev.metronome.api.YesNo;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads ComicInfo.xml (v1.0, v2.0 and the v2.1 draft) tolerantly into a {@link ComicMetadata}.
 *
 * <p>Whatever the file's state, reading never throws for a bad value: a number or enum value that does not
 * parse is skipped with a warning; an element Metronome does not know is kept as an
 * {@link UnknownElement} to be written back; a repeated element keeps its first value. Element names match
 * ignoring case and namespace prefixes. See {@link SafeXml} for encodings, broken and hostile XML.
 *
 * <p>Mapping notes: {@code Title} is split on {@code ;} into story titles; credit elements become
 * {@link Credit}s with the role of {@link CreditField#role()} (one credit per person, in order of first
 * appearance); {@code Summary} HTML becomes clean text ({@link HtmlText}); {@code GTIN} goes to the ISBN when it
 * is a 13-digit 978/979 number or an ISBN-10, otherwise to the UPC; {@code Manga=YesAndRightToLeft} is manga
 * read right to left. Year, Month and Day of -1 (the schema default) mean unknown.
 */
public final class ComicInfoReader {

    /** The root element's name. */
    public static final String ROOT = "ComicInfo";

    private static final Set<String> KNOWN = Set.of("title", "series", "number", "count", "volume", "alternateseries",
            "alternatenumber", "alternatecount", "summary", "notes", "year", "month", "day", "writer", "penciller", "inker",
            "colorist", "letterer", "coverartist", "editor", "translator", "publisher", "imprint", "genre", "tags", "web",
            "pagecount", "languageiso", "format", "blackandwhite", "manga", "characters", "teams", "locations",
            "scaninformation", "storyarc", "storyarcnumber", "seriesgroup", "agerating", "pages", "communityrating",
            "maincharacterorteam", "review", "gtin");

    /** Reads a ComicInfo.xml from bytes. */
    public ReadResult read(byte[] bytes, String source) throws MetadataException {
        List<String> warnings = new ArrayList<>();
        XmlElement root = SafeXml.parseDocument(bytes, source, ROOT, warnings);
        if (!root.name().equals(ROOT)) {
            warnings.add(source + ": the root element is <" + root.name() + ">, read as <ComicInfo>");
        }
        return new ReadResult(new Mapping(source, warnings).map(root), warnings);
    }

    /** Reads a ComicInfo.xml from a stream (at most {@link SafeXml#MAX_BYTES}); the caller closes it. */
    public ReadResult read(InputStream in, String source) throws MetadataException {
        return read(SafeXml.readAll(in, source), source);
    }

    /** One reading: the values found and the warnings. */
    private static final class Mapping {
        private final String source;
        private final List<String> warnings;
        private final Map<String, XmlElement> fields = new LinkedHashMap<>();
        private final List<UnknownElement> unknown = new ArrayList<>();

        Mapping(String source, List<String> warnings) {
            this.source = source;
            this.warnings = warnings;
        }

        ComicMetadata map(XmlElement root) {
            for (XmlElement child : root.children()) {
                String key = child.key();
                if (!KNOWN.contains(key)) {
                    unknown.add(new UnknownElement(UnknownElement.COMIC_INFO, child.name(), child.toXml()));
                } else if (fields.containsKey(key)) {
                    warn("has a second <" + child.name() + ">; kept the first");
                } else {
                    fields.put(key, child);
                }
            }
            ComicMetadata.Builder b = ComicMetadata.builder();
            b.series(series());
            b.number(IssueNumber.of(text("number")));
            b.alternateSeries(text("alternateseries"));
            b.alternateNumber(IssueNumber.of(text("alternatenumber")));
            b.alternateCount(count("alternatecount"));
            b.storyTitles(titles(text("title")));
            b.summary(HtmlText.clean(rawText("summary")));
            b.notes(rawText("notes").strip());
            b.coverDate(coverDate().orElse(null));
            b.pageCount(nonNegative("pagecount"));
            b.publisher(Resource.of(text("publisher")));
            b.imprint(Resource.of(text("imprint")));
            b.credits(credits());
            b.characters(resources("characters"));
            b.teams(resources("teams"));
            b.locations(resources("locations"));
            b.storyArcs(arcs());
            b.genres(resources("genre"));
            b.tags(resources("tags"));
            b.webLinks(webLinks());
            b.gtin(gtin(text("gtin")));
            b.pages(pages());
            b.blackAndWhite(yesNo("blackandwhite"));
            manga(b);
            b.ageRating(ageRating());
            b.communityRating(communityRating());
            b.scanInformation(rawText("scaninformation").strip());
            b.review(rawText("review").strip());
            b.seriesGroup(text("seriesgroup"));
            b.mainCharacterOrTeam(text("maincharacterorteam"));
            b.unknownElements(unknown);
            return b.build();
        }

        private SeriesInfo series() {
            return SeriesInfo.builder()
                    .name(text("series"))
                    .volume(integer("volume", -1))
                    .issueCount(count("count"))
                    .language(text("languageiso"))
                    .format(text("format"))
                    .build();
        }

        private static List<String> titles(String title) {
            List<String> titles = new ArrayList<>();
            for (String part : title.split(";")) {
                if (!part.isBlank()) {
                    titles.add(part.strip());
                }
            }
            return titles;
        }

        private java.util.Optional<PartialDate> coverDate() {
            OptionalInt year = integer("year", -1);
            OptionalInt month = integer("month", -1);
            OptionalInt day = integer("day", -1);
            if (year.isEmpty() || year.getAsInt() == 0) {
                if (month.isPresent() || day.isPresent()) {
                    warn("has a Month or Day without a Year; left the date out");
                }
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(new PartialDate(year.getAsInt(), month, month.isPresent() ? day : OptionalInt.empty()));
            } catch (RuntimeException e) {
                warn("has an impossible date (Year " + year.getAsInt() + ", Month " + month + ", Day " + day + "); kept the year only");
                try {
                    return java.util.Optional.of(PartialDate.ofYear(year.getAsInt()));
                } catch (RuntimeException alsoBad) {
                    return java.util.Optional.empty();
                }
            }
        }

        private List<Credit> credits() {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, List<String>> roles = new LinkedHashMap<>();
            for (CreditField field : CreditField.values()) {
                for (String name : NameList.split(text(field.element().toLowerCase(Locale.ROOT)))) {
                    String key = name.toLowerCase(Locale.ROOT);
                    names.putIfAbsent(key, name);
                    List<String> personRoles = roles.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!personRoles.contains(field.role())) {
                        personRoles.add(field.role());
                    }
                }
            }
            List<Credit> credits = new ArrayList<>();
            names.forEach((key, name) -> credits.add(Credit.of(name, roles.get(key).toArray(String[]::new))));
            return credits;
        }

        private List<Resource> resources(String key) {
            List<Resource> resources = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : text(key).split("[,;]")) {
                if (!name.isBlank() && seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                    resources.add(Resource.of(name));
                }
            }
            return resources;
        }

        private List<StoryArc> arcs() {
            List<Resource> names = resources("storyarc");
            List<String> numbers = new ArrayList<>();
            for (String number : text("storyarcnumber").split("[,;]", -1)) {
                numbers.add(number.strip());
            }
            if (!text("storyarcnumber").isEmpty() && numbers.size() != names.size()) {
                warn("has " + names.size() + " StoryArc names but " + numbers.size() + " StoryArcNumber values; paired them in order");
            }
            List<StoryArc> arcs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String number = i < numbers.size() && !text("storyarcnumber").isEmpty() ? numbers.get(i) : "";
                arcs.add(new StoryArc(names.get(i).name(), number, ""));
            }
            return arcs;
        }

        private List<WebLink> webLinks() {
            List<WebLink> links = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String token : text("web").split("\\s+|,(?=\\s*https?://)")) {
                String url = token.strip();
                if (!url.isEmpty() && seen.add(url)) {
                    links.add(WebLink.of(url));
                }
            }
            return links;
        }

        /** GTIN: an ISBN if it looks like one, otherwise a UPC/EAN. */
        static Gtin gtin(String value) {
            String digits = value.replaceAll("[\\s-]", "");
            if (digits.isEmpty()) {
                return Gtin.NONE;
            }
            boolean isbn13 = digits.length() == 13 && (digits.startsWith("978") || digits.startsWith("979"));
            boolean isbn10 = digits.matches("\\d{9}[\\dXx]");
            return isbn13 || isbn10 ? new Gtin(value.strip(), "") : new Gtin("", value.strip());
        }

        private List<PageInfo> pages() {
            XmlElement pages = fields.get("pages");
            if (pages == null) {
                return List.of();
            }
            List<PageInfo> result = new ArrayList<>();
            Set<Integer> indexes = new HashSet<>();
            for (XmlElement page : pages.children("Page")) {
                OptionalInt index = parseInt(page.attribute("Image"), "Page Image");
                if (index.isEmpty() || index.getAsInt() < 0) {
                    warn("has a <Page> without a valid Image index; skipped it");
                    continue;
                }
                if (!indexes.add(index.getAsInt())) {
                    warn("has two <Page Image=\"" + index.getAsInt() + "\">; kept the first");
                    continue;
                }
                List<PageType> types = new ArrayList<>();
                for (String type : page.attribute("Type").strip().split("[\\s,]+")) {
                    if (type.isEmpty()) {
                        continue;
                    }
                    PageType.parse(type).ifPresentOrElse(types::add, () -> warn("has an unknown page Type '" + type + "'; skipped it"));
                }
                OptionalInt width = parseInt(page.attribute("ImageWidth"), "Page ImageWidth");
                OptionalInt height = parseInt(page.attribute("ImageHeight"), "Page ImageHeight");
                OptionalLong size = parseLong(page.attribute("ImageSize"), "Page ImageSize");
                result.add(new PageInfo(index.getAsInt(), types, bool(page.attribute("DoublePage")),
                        size.isPresent() && size.getAsLong() > 0 ? size : OptionalLong.empty(), page.attribute("Key"), page.attribute("Bookmark"),
                        positive(width), positive(height)));
            }
            result.sort(java.util.Comparator.comparingInt(PageInfo::index));
            return result;
        }

        private static OptionalInt positive(OptionalInt value) {
            return value.isPresent() && value.getAsInt() > 0 ? value : OptionalInt.empty();
        }

        private static boolean bool(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("1") || v.equals("yes");
        }

        private YesNo yesNo(String key) {
            String value = text(key);
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "" , "unknown" -> YesNo.UNKNOWN;
                case "yes", "true", "1" -> YesNo.YES;
                case "no", "false", "0" -> YesNo.NO;
                default -> {
                    warn("has an unknown " + fields.get(key).name() + " value '" + value + "'; skipped it");
                    yield YesNo.UNKNOWN;
                }
            };
        }

        private void manga(ComicMetadata.Builder b) {
            String value = text("manga");
            switch (value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
                case "", "unknown" -> { }
                case "yes", "true" -> b.manga(YesNo.YES);
                case "no", "false" -> b.manga(YesNo.NO);
                case "yesandrighttoleft", "righttoleft" -> b.manga(YesNo.YES).readingDirection(ReadingDirection.RIGHT_TO_LEFT);
                default -> warn("has an unknown Manga value '" + value + "'; skipped it");
            }
        }

        private AgeRating ageRating() {
            String value = text("agerating");
            if (value.isEmpty()) {
                return AgeRating.UNKNOWN;
            }
            return AgeRating.parse(value).orElseGet(() -> {
                warn("has an unknown AgeRating '" + value + "'; skipped it");
                return AgeRating.UNKNOWN;
            });
        }

        private CommunityRating communityRating() {
            String value = text("communityrating");
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new CommunityRating(new BigDecimal(value.replace(',', '.')), OptionalInt.empty());
            } catch (IllegalArgumentException e) {
                warn("has a CommunityRating '" + value + "' that is not a number from 0 to 5; skipped it");
                return null;
            }
        }

        private OptionalInt count(String key) {
            OptionalInt value = integer(key, -1);
            if (value.isPresent() && value.getAsInt() < 0) {
                warn("has a negative " + fields.get(key).name() + "; skipped it");
                return OptionalInt.empty();
            }
            return value;
        }

        private OptionalInt nonNegative(String key) {
            return count(key);
        }

        /** An integer element; the schema's "unset" value reads as empty. */
        private OptionalInt integer(String key, int unset) {
            XmlElement element = fields.get(key);
            if (element == null || element.text().isEmpty()) {
                return OptionalInt.empty();
            }
            OptionalInt value = parseInt(element.text(), element.name());
            return value.isPresent() && value.getAsInt() == unset ? OptionalInt.empty() : value;
        }

        private OptionalInt parseInt(String text, String what) {
            String value = text.strip();
            if (value.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(value.startsWith("+") ? value.substring(1) : value));
            } catch (NumberFormatException e) {
                try {
                    BigDecimal decimal = new BigDecimal(value);
                    if (decimal.stripTrailingZeros().scale() <= 0) {
                        return OptionalInt.of(decimal.intValueExact());
                    }
                } catch (NumberFormatException | ArithmeticException ignored) {
                    // reported below
                }
                warn("has a " + what + " '" + value + "' that is not a whole number; skipped it");
                return OptionalInt.empty();
            }
        }

        private OptionalLong parseLong(String text, String what) {
            String value = text.strip();
            if (value.isEmpty()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                warn("has a " + what + " '" + value + "' that is not a whole number; skipped it");
                return OptionalLong.empty();
            }
        }

        private String text(String key) {
            XmlElement element = fields.get(key);
            return element == null ? "" : element.text();
        }

        private String rawText(String key) {
            XmlElement element = fields.get(key);
            return element == null ? "" : element.rawText();
        }

        private void warn(String message) {
            warnings.add(source + ": " + message);
        }
    }
}
