package dev.metronome.metroninfo;

import dev.metronome.api.AgeRating;
import dev.metronome.api.AlternativeName;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.CommunityRating;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Price;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.Universe;
import dev.metronome.api.WebLink;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.SafeXml;
import dev.metronome.comicinfo.WriteResult;
import dev.metronome.comicinfo.XmlElement;
import dev.metronome.comicinfo.XmlOut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link ComicMetadata} as MetronInfo.xml (v1.1 by default, or v1.0), in the schema's element order,
 * UTF-8, indented. Every value is checked against its schema type first; a value the schema cannot hold
 * (a free-text series format, a role outside the role list, a price without a known country, a cover date
 * without a month) is left out or mapped, and reported in {@link WriteResult#warnings()}. The schema's two
 * {@code xs:assert}s (one primary ID, one primary URL) are enforced while writing and checked again on the
 * output ({@link MetronInfoAsserts}).
 *
 * <p>Unknown elements read from an old MetronInfo.xml are written back after the known ones by
 * {@link #defaults()} (the schema has no place for them, so such a file no longer validates); {@link #strict()}
 * leaves them out.
 */
public final class MetronInfoWriter {

    private static final Map<String, String> FORMATS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, String> ROLES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String format : List.of("Annual", "Digital Chapter", "Graphic Novel", "Hardcover", "Limited Series", "Omnibus",
                "One-Shot", "Single Issue", "Trade Paperback")) {
            FORMATS.put(format, format);
        }
        FORMATS.put("TPB", "Trade Paperback");
        FORMATS.put("HC", "Hardcover");
        FORMATS.put("GN", "Graphic Novel");
        FORMATS.put("One Shot", "One-Shot");
        FORMATS.put("Oneshot", "One-Shot");
        FORMATS.put("Mini-Series", "Limited Series");
        FORMATS.put("Miniseries", "Limited Series");
        FORMATS.put("Ongoing Series", "Single Issue");
        FORMATS.put("Cancelled Series", "Single Issue");
        FORMATS.put("Series", "Single Issue");
        for (String role : List.of("Writer", "Script", "Story", "Plot", "Interviewer", "Artist", "Penciller", "Breakdowns",
                "Illustrator", "Layouts", "Inker", "Embellisher", "Finishes", "Ink Assists", "Colorist", "Color Separations",
                "Color Assists", "Color Flats", "Digital Art Technician", "Gray Tone", "Letterer", "Cover", "Editor",
                "Consulting Editor", "Assistant Editor", "Associate Editor", "Group Editor", "Senior Editor", "Managing Editor",
                "Collection Editor", "Production", "Designer", "Logo Design", "Translator", "Supervising Editor",
                "Executive Editor", "Editor In Chief", "President", "Publisher", "Chief Creative Officer", "Executive Producer",
                "Other")) {
            ROLES.put(role, role);
        }
        ROLES.put("CoverArtist", "Cover");
        ROLES.put("Cover Artist", "Cover");
        ROLES.put("Colourist", "Colorist");
        ROLES.put("Editor-in-Chief", "Editor In Chief");
    }

    private final MetronInfoVersion version;
    private final boolean keepUnknownElements;

    /**
     * @param version             the schema to write
     * @param keepUnknownElements whether to write back elements read from the old file that Metronome does not know
     */
    public MetronInfoWriter(MetronInfoVersion version, boolean keepUnknownElements) {
        this.version = version;
        this.keepUnknownElements = keepUnknownElements;
    }

    /** v1.1, unknown elements kept. */
    public static MetronInfoWriter defaults() {
        return new MetronInfoWriter(MetronInfoVersion.V1_1, true);
    }

    /** v1.1, nothing outside its schema: always schema-valid. */
    public static MetronInfoWriter strict() {
        return new MetronInfoWriter(MetronInfoVersion.V1_1, false);
    }

    /**
     * Writes the metadata.
     *
     * @throws MetadataException if the metadata has no series name, which MetronInfo requires
     */
    public WriteResult write(ComicMetadata m) throws MetadataException {
        if (m.series().name().isEmpty()) {
            throw new MetadataException("MetronInfo.xml", "cannot be written without a series name");
        }
        List<String> warnings = new ArrayList<>();
        XmlOut xml = new XmlOut();
        xml.open(MetronInfoReader.ROOT, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:noNamespaceSchemaLocation", "MetronInfo.xsd");
        IdSource primarySource = writeIds(xml, m.ids());
        writePublisher(xml, m);
        writeSeries(xml, m, primarySource, warnings);
        xml.optional("MangaVolume", m.mangaVolume());
        xml.optional("CollectionTitle", m.collectionTitle());
        xml.optional("Number", m.number().raw());
        if (!m.alternateNumber().isEmpty()) {
            if (version.includes(MetronInfoVersion.V1_1)) {
                xml.element("AlternativeNumber", m.alternateNumber().raw());
            } else {
                warnings.add("MetronInfo.xml: AlternativeNumber left out (MetronInfo v1.0 has none)");
            }
        }
        list(xml, "Stories", "Story", m.storyTitles().stream().map(Resource::of).toList());
        xml.optional("Summary", m.summary());
        writePrices(xml, m.prices(), warnings);
        m.coverDate().ifPresent(date -> writeCoverDate(xml, date, warnings));
        m.storeDate().ifPresent(date -> xml.element("StoreDate", date.toString()));
        m.pageCount().ifPresent(count -> xml.element("PageCount", Integer.toString(count)));
        xml.optional("Notes", m.notes());
        list(xml, "Genres", "Genre", m.genres());
        list(xml, "Tags", "Tag", m.tags());
        writeArcs(xml, m.storyArcs(), warnings);
        list(xml, "Characters", "Character", m.characters());
        list(xml, "Teams", "Team", m.teams());
        writeUniverses(xml, m.universes());
        list(xml, "Locations", "Location", m.locations());
        list(xml, "Reprints", "Reprint", m.reprints());
        if (!m.gtin().isEmpty()) {
            xml.open("GTIN").optional("ISBN", m.gtin().isbn()).optional("UPC", m.gtin().upc()).close("GTIN");
        }
        if (m.ageRating() != AgeRating.UNKNOWN) {
            xml.element("AgeRating", ageRating(m.ageRating()));
        }
        m.communityRating().ifPresent(rating -> writeCommunityRating(xml, rating, warnings));
        writeUrls(xml, m.webLinks());
        writeCredits(xml, m.credits(), warnings);
        m.lastModified().ifPresent(time -> xml.element("LastModified", time.toString()));
        writeUnknown(xml, m.unknownElements(), warnings);
        xml.close(MetronInfoReader.ROOT);
        byte[] bytes = xml.toBytes();
        checkAsserts(bytes);
        return new WriteResult(bytes, warnings);
    }

    /** Writes the issue ids; returns the source of the primary one (Metron if none is primary). */
    private static IdSource writeIds(XmlOut xml, List<ExternalId> ids) {
        List<ExternalId> issueIds = ids.stream().filter(id -> id.kind() == ExternalId.Kind.ISSUE && !id.value().isEmpty()).toList();
        IdSource primarySource = issueIds.stream().filter(ExternalId::primary).map(ExternalId::source).findFirst().orElse(IdSource.METRON);
        if (issueIds.isEmpty()) {
            return primarySource;
        }
        xml.open("IDS");
        boolean primaryWritten = false;
        for (ExternalId id : issueIds) {
            boolean primary = id.primary() && !primaryWritten;
            primaryWritten |= primary;
            xml.element("ID", id.value(), "source", id.source().metronInfoName(), "primary", primary ? "true" : "");
        }
        xml.close("IDS");
        return primarySource;
    }

    private static void writePublisher(XmlOut xml, ComicMetadata m) {
        if (m.publisher().isEmpty()) {
            return;
        }
        xml.open("Publisher", "id", m.publisher().id());
        xml.element("Name", m.publisher().name());
        if (!m.imprint().isEmpty()) {
            xml.element("Imprint", m.imprint().name(), "id", m.imprint().id());
        }
        xml.close("Publisher");
    }

    private static void writeSeries(XmlOut xml, ComicMetadata m, IdSource primarySource, List<String> warnings) {
        SeriesInfo series = m.series();
        String seriesId = m.id(primarySource, ExternalId.Kind.SERIES).map(ExternalId::value).orElse("");
        xml.open("Series", "lang", language(series.language(), "Series", warnings), "id", seriesId);
        xml.element("Name", series.name());
        xml.optional("SortName", series.sortName());
        series.volume().ifPresent(volume -> xml.element("Volume", Integer.toString(volume)));
        if (!series.format().isEmpty()) {
            String format = FORMATS.get(series.format());
            if (format == null) {
                warnings.add("MetronInfo.xml: the series format '" + series.format() + "' left out (not a MetronInfo format)");
            } else {
                xml.element("Format", format);
            }
        }
        series.yearBegan().ifPresent(year -> {
            if (year >= 1 && year <= 9999) {
                xml.element("StartYear", String.format(Locale.ROOT, "%04d", year));
            }
        });
        series.issueCount().ifPresent(count -> positive(xml, "IssueCount", count));
        series.volumeCount().ifPresent(count -> positive(xml, "VolumeCount", count));
        if (!series.alternativeNames().isEmpty()) {
            xml.open("AlternativeNames");
            for (AlternativeName name : series.alternativeNames()) {
                xml.element("AlternativeName", name.name(), "id", name.id(), "lang", language(name.language(), "AlternativeName", warnings));
            }
            xml.close("AlternativeNames");
        }
        xml.close("Series");
    }

    private static String language(String language, String what, List<String> warnings) {
        if (language.isEmpty()) {
            return "";
        }
        String code = language.toLowerCase(Locale.ROOT);
        if (code.matches("[a-z][a-z]")) {
            return code;
        }
        warnings.add("MetronInfo.xml: the " + what + " language '" + language + "' left out (not a two-letter code)");
        return "";
    }

    private static void positive(XmlOut xml, String element, int value) {
        if (value > 0) {
            xml.element(element, Integer.toString(value));
        }
    }

    private static void list(XmlOut xml, String container, String item, List<Resource> resources) {
        List<Resource> named = resources.stream().filter(r -> !r.isEmpty()).toList();
        if (named.isEmpty()) {
            return;
        }
        xml.open(container);
        named.forEach(resource -> xml.element(item, resource.name(), "id", resource.id()));
        xml.close(container);
    }

    private static void writePrices(XmlOut xml, List<Price> prices, List<String> warnings) {
        List<String[]> written = new ArrayList<>();
        for (Price price : prices) {
            Optional<String> country = price.country().matches("[A-Z]{2}") ? Optional.of(price.country()) : PriceCountries.countryOf(price.currency());
            if (country.isEmpty()) {
                warnings.add("MetronInfo.xml: the price " + price.amount() + " " + price.currency() + " left out (no country for it)");
                continue;
            }
            written.add(new String[] {price.amount().toPlainString(), country.get()});
        }
        if (written.isEmpty()) {
            return;
        }
        xml.open("Prices");
        written.forEach(price -> xml.element("Price", price[0], "country", price[1]));
        xml.close("Prices");
    }

    private static void writeCoverDate(XmlOut xml, PartialDate date, List<String> warnings) {
        if (date.month().isEmpty()) {
            warnings.add("MetronInfo.xml: CoverDate left out (only the year " + date.year() + " is known)");
            return;
        }
        xml.element("CoverDate", date.firstDay().toString());
    }

    private static void writeArcs(XmlOut xml, List<StoryArc> arcs, List<String> warnings) {
        List<StoryArc> named = arcs.stream().filter(arc -> !arc.name().isEmpty()).toList();
        if (named.isEmpty()) {
            return;
        }
        xml.open("Arcs");
        for (StoryArc arc : named) {
            xml.open("Arc", "id", arc.id());
            xml.element("Name", arc.name());
            if (!arc.number().isEmpty()) {
                if (arc.number().matches("0*[1-9][0-9]{0,8}")) {
                    xml.element("Number", Integer.toString(Integer.parseInt(arc.number())));
                } else {
                    warnings.add("MetronInfo.xml: the number '" + arc.number() + "' of arc '" + arc.name() + "' left out (not a positive whole number)");
                }
            }
            xml.close("Arc");
        }
        xml.close("Arcs");
    }

    private static void writeUniverses(XmlOut xml, List<Universe> universes) {
        List<Universe> named = universes.stream().filter(u -> !u.name().isEmpty()).toList();
        if (named.isEmpty()) {
            return;
        }
        xml.open("Universes");
        for (Universe universe : named) {
            xml.open("Universe", "id", universe.id());
            xml.element("Name", universe.name());
            xml.optional("Designation", universe.designation());
            xml.close("Universe");
        }
        xml.close("Universes");
    }

    /**
     * The MetronInfo value for an age rating: its own if MetronInfo has it, otherwise the nearest (CCA, G,
     * Everyone 10+... → Everyone; PG → Teen; MA15+ → Teen Plus; M, Mature 17+, R18+ → Mature; X18+, Adults
     * Only 18+ → Adult).
     */
    public static String ageRating(AgeRating rating) {
        return switch (rating) {
            case UNKNOWN, RATING_PENDING -> "Unknown";
            case EARLY_CHILDHOOD, EVERYONE, G, KIDS_TO_ADULTS, EVERYONE_10_PLUS, CCA -> "Everyone";
            case PG, TEEN -> "Teen";
            case TEEN_PLUS, MA15_PLUS -> "Teen Plus";
            case M, MATURE, MATURE_17_PLUS, R18_PLUS -> "Mature";
            case EXPLICIT -> "Explicit";
            case ADULTS_ONLY_18_PLUS, X18_PLUS, ADULT -> "Adult";
        };
    }

    private void writeCommunityRating(XmlOut xml, CommunityRating rating, List<String> warnings) {
        if (!version.includes(MetronInfoVersion.V1_1)) {
            warnings.add("MetronInfo.xml: CommunityRating left out (MetronInfo v1.0 has none)");
            return;
        }
        xml.open("CommunityRating");
        xml.element("AverageRating", rating.average().toPlainString());
        rating.count().ifPresent(count -> positive(xml, "RatingCount", count));
        xml.close("CommunityRating");
    }

    private static void writeUrls(XmlOut xml, List<WebLink> links) {
        List<WebLink> urls = links.stream().filter(link -> !link.url().isEmpty()).toList();
        if (urls.isEmpty()) {
            return;
        }
        xml.open("URLs");
        boolean primaryWritten = false;
        for (WebLink link : urls) {
            boolean primary = link.primary() && !primaryWritten;
            primaryWritten |= primary;
            xml.element("URL", link.url(), "primary", primary ? "true" : "");
        }
        xml.close("URLs");
    }

    private static void writeCredits(XmlOut xml, List<Credit> credits, List<String> warnings) {
        List<Credit> named = credits.stream().filter(credit -> !credit.name().isEmpty()).toList();
        if (named.isEmpty()) {
            return;
        }
        xml.open("Credits");
        for (Credit credit : named) {
            xml.open("Credit");
            xml.element("Creator", credit.name(), "id", credit.person().id());
            if (!credit.roles().isEmpty()) {
                xml.open("Roles");
                for (Resource role : credit.roles()) {
                    String value = ROLES.get(role.name());
                    if (value == null) {
                        warnings.add("MetronInfo.xml: the role '" + role.name() + "' of " + credit.name() + " written as 'Other'");
                        value = "Other";
                    }
                    xml.element("Role", value, "id", role.id());
                }
                xml.close("Roles");
            }
            xml.close("Credit");
        }
        xml.close("Credits");
    }

    private void writeUnknown(XmlOut xml, List<UnknownElement> elements, List<String> warnings) {
        for (UnknownElement element : elements) {
            if (!element.format().equals(UnknownElement.METRON_INFO)) {
                continue;
            }
            if (!keepUnknownElements) {
                warnings.add("MetronInfo.xml: the unknown element <" + element.name() + "> left out (strict mode)");
                continue;
            }
            if (SafeXml.isWellFormedElement(element.xml(), element.name())) {
                xml.raw(element.xml());
                continue;
            }
            warnings.add("MetronInfo.xml: the unknown element <" + element.name() + "> left out (it is not well-formed XML)");
        }
    }

    private static void checkAsserts(byte[] bytes) throws MetadataException {
        List<String> problems = new ArrayList<>();
        List<String> violations = MetronInfoAsserts.violations(SafeXml.parse(bytes, "MetronInfo.xml", problems));
        if (!violations.isEmpty() || !problems.isEmpty()) {
            throw new IllegalStateException("MetronInfoWriter produced an invalid document: " + violations + problems);
        }
    }
}
