package dev.metronome.metroninfo;

import dev.metronome.api.AgeRating;
import dev.metronome.api.AlternativeName;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.CommunityRating;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.Gtin;
import dev.metronome.api.IdSource;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Price;
import dev.metronome.api.Resource;
import dev.metronome.api.SeriesInfo;
import dev.metronome.api.StoryArc;
import dev.metronome.api.UnknownElement;
import dev.metronome.api.Universe;
import dev.metronome.api.WebLink;
import dev.metronome.comicinfo.HtmlText;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.ReadResult;
import dev.metronome.comicinfo.SafeXml;
import dev.metronome.comicinfo.XmlElement;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads MetronInfo.xml (v1.0 and v1.1) tolerantly into a {@link ComicMetadata}: bad values are skipped with a
 * warning, unknown elements are kept as {@link UnknownElement}s, names match ignoring case. Parsing is
 * {@link SafeXml}'s (no DTD, no entities).
 *
 * <p>Mapping notes: each {@code <ID>} is an issue id; the {@code id} attributes of Series, Publisher and the
 * resources belong to the source of the primary ID (Metron when no ID is primary), and the Series id becomes
 * an {@link ExternalId} of kind SERIES. A price's currency is its country's ({@code US → USD}). A
 * {@code LastModified} without an offset is taken as UTC. If the file breaks an {@code xs:assert} (two primary
 * IDs or URLs), the first primary is kept.
 */
public final class MetronInfoReader {

    /** The root element's name. */
    public static final String ROOT = "MetronInfo";

    private static final Set<String> KNOWN = Set.of("ids", "publisher", "series", "mangavolume", "collectiontitle", "number",
            "alternativenumber", "stories", "summary", "prices", "coverdate", "storedate", "pagecount", "notes", "genres", "tags",
            "arcs", "characters", "teams", "universes", "locations", "reprints", "gtin", "agerating", "communityrating", "urls",
            "credits", "lastmodified");

    /** Reads a MetronInfo.xml from bytes. */
    public ReadResult read(byte[] bytes, String source) throws MetadataException {
        List<String> warnings = new ArrayList<>();
        XmlElement root = SafeXml.parseDocument(bytes, source, ROOT, warnings);
        MetronInfoAsserts.violations(root).forEach(v -> warnings.add(source + ": " + v + "; kept the first"));
        return new ReadResult(new Mapping(source, warnings).map(root), warnings);
    }

    /** Reads a MetronInfo.xml from a stream (at most {@link SafeXml#MAX_BYTES}); the caller closes it. */
    public ReadResult read(InputStream in, String source) throws MetadataException {
        return read(SafeXml.readAll(in, source), source);
    }

    /** One reading. */
    private static final class Mapping {
        private final String source;
        private final List<String> warnings;

        Mapping(String source, List<String> warnings) {
            this.source = source;
            this.warnings = warnings;
        }

        ComicMetadata map(XmlElement root) {
            ComicMetadata.Builder b = ComicMetadata.builder();
            List<ExternalId> ids = ids(root);
            IdSource primarySource = ids.stream().filter(ExternalId::primary).map(ExternalId::source).findFirst().orElse(IdSource.METRON);
            root.child("Series").ifPresent(series -> {
                b.series(series(series));
                String seriesId = series.attribute("id").strip();
                if (!seriesId.isEmpty()) {
                    ids.add(new ExternalId(primarySource, ExternalId.Kind.SERIES, seriesId, true));
                }
            });
            if (root.child("Series").isEmpty()) {
                warn("has no <Series>, which MetronInfo requires");
            }
            b.ids(ids);
            root.child("Publisher").ifPresent(publisher -> {
                b.publisher(new Resource(publisher.childText("Name"), publisher.attribute("id")));
                publisher.child("Imprint").ifPresent(imprint -> b.imprint(resource(imprint)));
            });
            b.mangaVolume(root.childText("MangaVolume"));
            b.collectionTitle(root.childText("CollectionTitle"));
            b.number(IssueNumber.of(root.childText("Number")));
            b.alternateNumber(IssueNumber.of(root.childText("AlternativeNumber")));
            b.storyTitles(list(root, "Stories", "Story").stream().map(Resource::name).toList());
            b.summary(HtmlText.clean(root.child("Summary").map(XmlElement::rawText).orElse("")));
            b.prices(prices(root));
            date(root, "CoverDate").ifPresent(date -> b.coverDate(PartialDate.of(date)));
            date(root, "StoreDate").ifPresent(b::storeDate);
            integer(root.childText("PageCount"), "PageCount").ifPresent(b::pageCount);
            b.notes(root.child("Notes").map(XmlElement::rawText).orElse("").strip());
            b.genres(list(root, "Genres", "Genre"));
            b.tags(list(root, "Tags", "Tag"));
            b.storyArcs(arcs(root));
            b.characters(list(root, "Characters", "Character"));
            b.teams(list(root, "Teams", "Team"));
            b.universes(universes(root));
            b.locations(list(root, "Locations", "Location"));
            b.reprints(list(root, "Reprints", "Reprint"));
            root.child("GTIN").ifPresent(gtin -> b.gtin(new Gtin(gtin.childText("ISBN"), gtin.childText("UPC"))));
            b.ageRating(ageRating(root.childText("AgeRating")));
            root.child("CommunityRating").ifPresent(rating -> b.communityRating(communityRating(rating)));
            b.webLinks(urls(root));
            b.credits(credits(root));
            lastModified(root.childText("LastModified")).ifPresent(b::lastModified);
            List<UnknownElement> unknown = new ArrayList<>();
            for (XmlElement child : root.children()) {
                if (!KNOWN.contains(child.key())) {
                    unknown.add(new UnknownElement(UnknownElement.METRON_INFO, child.name(), child.toXml()));
                }
            }
            b.unknownElements(unknown);
            return b.build();
        }

        private List<ExternalId> ids(XmlElement root) {
            List<ExternalId> ids = new ArrayList<>();
            boolean primarySeen = false;
            for (XmlElement id : root.child("IDS").map(ids1 -> ids1.children("ID")).orElse(List.of())) {
                Optional<IdSource> source = IdSource.parse(id.attribute("source"));
                if (source.isEmpty() || id.text().isEmpty()) {
                    warn("has an <ID> with an unknown source '" + id.attribute("source") + "' or no value; skipped it");
                    continue;
                }
                boolean primary = MetronInfoAsserts.isTrue(id.attribute("primary")) && !primarySeen;
                primarySeen |= primary;
                ids.add(new ExternalId(source.get(), ExternalId.Kind.ISSUE, id.text(), primary));
            }
            return ids;
        }

        private SeriesInfo series(XmlElement series) {
            SeriesInfo.Builder b = SeriesInfo.builder()
                    .name(series.childText("Name"))
                    .sortName(series.childText("SortName"))
                    .format(series.childText("Format"))
                    .language(series.attribute("lang"));
            integer(series.childText("Volume"), "Series Volume").ifPresent(b::volume);
            integer(series.childText("StartYear"), "Series StartYear").ifPresent(b::yearBegan);
            integer(series.childText("IssueCount"), "Series IssueCount").ifPresent(b::issueCount);
            integer(series.childText("VolumeCount"), "Series VolumeCount").ifPresent(b::volumeCount);
            for (XmlElement name : series.child("AlternativeNames").map(n -> n.children("AlternativeName")).orElse(List.of())) {
                if (!name.text().isEmpty()) {
                    b.addAlternativeName(new AlternativeName(name.text(), name.attribute("lang"), name.attribute("id")));
                }
            }
            return b.build();
        }

        private static Resource resource(XmlElement element) {
            return new Resource(element.text(), element.attribute("id"));
        }

        private static List<Resource> list(XmlElement root, String container, String item) {
            List<Resource> resources = new ArrayList<>();
            for (XmlElement element : root.child(container).map(c -> c.children(item)).orElse(List.of())) {
                if (!element.text().isEmpty()) {
                    resources.add(resource(element));
                }
            }
            return resources;
        }

        private List<Price> prices(XmlElement root) {
            List<Price> prices = new ArrayList<>();
            for (XmlElement price : root.child("Prices").map(p -> p.children("Price")).orElse(List.of())) {
                try {
                    String country = price.attribute("country").strip();
                    prices.add(new Price(new BigDecimal(price.text()), PriceCountries.currencyOf(country), country));
                } catch (NumberFormatException e) {
                    warn("has a Price '" + price.text() + "' that is not a number; skipped it");
                }
            }
            return prices;
        }

        private List<StoryArc> arcs(XmlElement root) {
            List<StoryArc> arcs = new ArrayList<>();
            for (XmlElement arc : root.child("Arcs").map(a -> a.children("Arc")).orElse(List.of())) {
                if (!arc.childText("Name").isEmpty()) {
                    arcs.add(new StoryArc(arc.childText("Name"), arc.childText("Number"), arc.attribute("id")));
                }
            }
            return arcs;
        }

        private List<Universe> universes(XmlElement root) {
            List<Universe> universes = new ArrayList<>();
            for (XmlElement universe : root.child("Universes").map(u -> u.children("Universe")).orElse(List.of())) {
                if (!universe.childText("Name").isEmpty()) {
                    universes.add(new Universe(universe.childText("Name"), universe.childText("Designation"), universe.attribute("id")));
                }
            }
            return universes;
        }

        private List<WebLink> urls(XmlElement root) {
            List<WebLink> links = new ArrayList<>();
            boolean primarySeen = false;
            for (XmlElement url : root.child("URLs").map(u -> u.children("URL")).orElse(List.of())) {
                if (url.text().isEmpty()) {
                    continue;
                }
                boolean primary = MetronInfoAsserts.isTrue(url.attribute("primary")) && !primarySeen;
                primarySeen |= primary;
                links.add(new WebLink(url.text(), primary));
            }
            return links;
        }

        private List<Credit> credits(XmlElement root) {
            List<Credit> credits = new ArrayList<>();
            for (XmlElement credit : root.child("Credits").map(c -> c.children("Credit")).orElse(List.of())) {
                Optional<XmlElement> creator = credit.child("Creator");
                if (creator.isEmpty() || creator.get().text().isEmpty()) {
                    warn("has a <Credit> without a <Creator>; skipped it");
                    continue;
                }
                List<Resource> roles = credit.child("Roles").map(r -> r.children("Role")).orElse(List.of()).stream()
                        .filter(role -> !role.text().isEmpty()).map(Mapping::resource).toList();
                credits.add(new Credit(resource(creator.get()), roles));
            }
            return credits;
        }

        private AgeRating ageRating(String value) {
            if (value.isEmpty()) {
                return AgeRating.UNKNOWN;
            }
            return AgeRating.parse(value).orElseGet(() -> {
                warn("has an unknown AgeRating '" + value + "'; skipped it");
                return AgeRating.UNKNOWN;
            });
        }

        private CommunityRating communityRating(XmlElement rating) {
            try {
                OptionalInt count = integer(rating.childText("RatingCount"), "RatingCount");
                return new CommunityRating(new BigDecimal(rating.childText("AverageRating")), count);
            } catch (IllegalArgumentException e) {
                warn("has a CommunityRating '" + rating.childText("AverageRating") + "' that is not a number from 0 to 5; skipped it");
                return null;
            }
        }

        private Optional<LocalDate> date(XmlElement root, String name) {
            String value = root.childText(name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                warn("has a " + name + " '" + value + "' that is not a date (YYYY-MM-DD); skipped it");
                return Optional.empty();
            }
        }

        private Optional<OffsetDateTime> lastModified(String value) {
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(value));
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(value).atOffset(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    warn("has a LastModified '" + value + "' that is not a date and time; skipped it");
                    return Optional.empty();
                }
            }
        }

        private OptionalInt integer(String value, String what) {
            if (value.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    warn("has a negative " + what + " '" + value + "'; skipped it");
                    return OptionalInt.empty();
                }
                return OptionalInt.of(number);
            } catch (NumberFormatException e) {
                warn("has a " + what + " '" + value + "' that is not a whole number; skipped it");
                return OptionalInt.empty();
            }
        }

        private void warn(String message) {
            warnings.add(source + ": " + message);
        }
    }
}
