package dev.metronome.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything known about one comic issue: the neutral model between Metron, ComicInfo.xml, MetronInfo.xml
 * and library servers. Build one with {@link #builder()}; change one with {@link #toBuilder()}.
 * See the package documentation for the null-free conventions.
 *
 * @param series the series
 * @param number the issue number
 * @param alternateSeries ComicInfo's AlternateSeries (a crossover or reprint series), or {@code ""}
 * @param alternateNumber the alternative number (Metron {@code alt_number}, e.g. legacy numbering)
 * @param alternateCount ComicInfo's AlternateCount
 * @param collectionTitle the collection's title for a TPB or hardcover (Metron {@code title}), or {@code ""}
 * @param storyTitles the titles of the stories in the issue (Metron {@code name})
 * @param summary the plain-text summary; paragraphs are separated by a blank line
 * @param coverDate the cover date (may lack day or month)
 * @param storeDate the on-sale date
 * @param focDate the final order cut-off date
 * @param pageCount the number of pages
 * @param prices the cover prices
 * @param publisher the publisher ({@code name ""} if unknown)
 * @param imprint the imprint ({@code name ""} if none)
 * @param credits the creators and their roles
 * @param characters the characters
 * @param teams the teams
 * @param locations the locations
 * @param universes the universes
 * @param storyArcs the story arcs, with the issue's number in each
 * @param genres the genres
 * @param tags free tags
 * @param reprints the issues this one reprints or is reprinted in (display text and id)
 * @param ageRating the age rating
 * @param webLinks web pages about the issue
 * @param ids issue and series ids per source
 * @param gtin the ISBN and UPC
 * @param sku the distributor's order code ({@code "JUN210207"}), or {@code ""}
 * @param pages the pages, by index
 * @param notes free notes (the user's text and Metronome's tagging line)
 * @param readingDirection the reading direction
 * @param manga whether this is manga
 * @param blackAndWhite whether the issue is black and white
 * @param communityRating readers' rating
 * @param scanInformation the user's scan information (ComicInfo), or {@code ""}
 * @param review the user's review (ComicInfo), or {@code ""}
 * @param seriesGroup ComicInfo's SeriesGroup, or {@code ""}
 * @param mainCharacterOrTeam ComicInfo's MainCharacterOrTeam, or {@code ""}
 * @param mangaVolume MetronInfo's MangaVolume, or {@code ""}
 * @param coverImageUrl the cover image's address at the source, or {@code ""}
 * @param coverHash the source's perceptual hash of the cover (Metron {@code cover_hash}), or {@code ""}
 * @param variants the variant covers
 * @param lastModified when the source last changed this issue
 * @param unknownElements elements of the file read that Metronome does not understand, kept to be written back
 */
public record ComicMetadata(
        SeriesInfo series,
        IssueNumber number,
        String alternateSeries,
        IssueNumber alternateNumber,
        OptionalInt alternateCount,
        String collectionTitle,
        List<String> storyTitles,
        String summary,
        Optional<PartialDate> coverDate,
        Optional<LocalDate> storeDate,
        Optional<LocalDate> focDate,
        OptionalInt pageCount,
        List<Price> prices,
        Resource publisher,
        Resource imprint,
        List<Credit> credits,
        List<Resource> characters,
        List<Resource> teams,
        List<Resource> locations,
        List<Universe> universes,
        List<StoryArc> storyArcs,
        List<Resource> genres,
        List<Resource> tags,
        List<Resource> reprints,
        AgeRating ageRating,
        List<WebLink> webLinks,
        List<ExternalId> ids,
        Gtin gtin,
        String sku,
        List<PageInfo> pages,
        String notes,
        ReadingDirection readingDirection,
        YesNo manga,
        YesNo blackAndWhite,
        Optional<CommunityRating> communityRating,
        String scanInformation,
        String review,
        String seriesGroup,
        String mainCharacterOrTeam,
        String mangaVolume,
        String coverImageUrl,
        String coverHash,
        List<Variant> variants,
        Optional<OffsetDateTime> lastModified,
        List<UnknownElement> unknownElements) {

    /** Normalises every {@code null} to its empty value and copies lists. */
    public ComicMetadata {
        series = Values.or(series, SeriesInfo.NONE);
        number = Values.or(number, IssueNumber.NONE);
        alternateSeries = Values.text(alternateSeries);
        alternateNumber = Values.or(alternateNumber, IssueNumber.NONE);
        alternateCount = Values.optional(alternateCount);
        collectionTitle = Values.text(collectionTitle);
        storyTitles = Values.list(storyTitles);
        summary = Values.text(summary);
        coverDate = Values.optional(coverDate);
        storeDate = Values.optional(storeDate);
        focDate = Values.optional(focDate);
        pageCount = Values.optional(pageCount);
        prices = Values.list(prices);
        publisher = Values.or(publisher, Resource.of(""));
        imprint = Values.or(imprint, Resource.of(""));
        credits = Values.list(credits);
        characters = Values.list(characters);
        teams = Values.list(teams);
        locations = Values.list(locations);
        universes = Values.list(universes);
        storyArcs = Values.list(storyArcs);
        genres = Values.list(genres);
        tags = Values.list(tags);
        reprints = Values.list(reprints);
        ageRating = Values.or(ageRating, AgeRating.UNKNOWN);
        webLinks = Values.list(webLinks);
        ids = Values.list(ids);
        gtin = Values.or(gtin, Gtin.NONE);
        sku = Values.text(sku);
        pages = Values.list(pages);
        notes = notes == null ? "" : notes;
        readingDirection = Values.or(readingDirection, ReadingDirection.UNKNOWN);
        manga = Values.or(manga, YesNo.UNKNOWN);
        blackAndWhite = Values.or(blackAndWhite, YesNo.UNKNOWN);
        communityRating = Values.optional(communityRating);
        scanInformation = scanInformation == null ? "" : scanInformation;
        review = review == null ? "" : review;
        seriesGroup = Values.text(seriesGroup);
        mainCharacterOrTeam = Values.text(mainCharacterOrTeam);
        mangaVolume = Values.text(mangaVolume);
        coverImageUrl = Values.text(coverImageUrl);
        coverHash = Values.text(coverHash);
        variants = Values.list(variants);
        lastModified = Values.optional(lastModified);
        unknownElements = Values.list(unknownElements);
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields. */
    public Builder toBuilder() {
        return new Builder()
                .series(series)
                .number(number)
                .alternateSeries(alternateSeries)
                .alternateNumber(alternateNumber)
                .alternateCount(alternateCount)
                .collectionTitle(collectionTitle)
                .storyTitles(storyTitles)
                .summary(summary)
                .coverDate(coverDate)
                .storeDate(storeDate)
                .focDate(focDate)
                .pageCount(pageCount)
                .prices(prices)
                .publisher(publisher)
                .imprint(imprint)
                .credits(credits)
                .characters(characters)
                .teams(teams)
                .locations(locations)
                .universes(universes)
                .storyArcs(storyArcs)
                .genres(genres)
                .tags(tags)
                .reprints(reprints)
                .ageRating(ageRating)
                .webLinks(webLinks)
                .ids(ids)
                .gtin(gtin)
                .sku(sku)
                .pages(pages)
                .notes(notes)
                .readingDirection(readingDirection)
                .manga(manga)
                .blackAndWhite(blackAndWhite)
                .communityRating(communityRating)
                .scanInformation(scanInformation)
                .review(review)
                .seriesGroup(seriesGroup)
                .mainCharacterOrTeam(mainCharacterOrTeam)
                .mangaVolume(mangaVolume)
                .coverImageUrl(coverImageUrl)
                .coverHash(coverHash)
                .variants(variants)
                .lastModified(lastModified)
                .unknownElements(unknownElements);
    }

    /** Metadata with nothing in it. */
    public static final ComicMetadata EMPTY = builder().build();

    /** The ids of this kind, in order. */
    public List<ExternalId> ids(ExternalId.Kind kind) {
        return ids.stream().filter(id -> id.kind() == kind).toList();
    }

    /** The id of this source and kind, if any. */
    public Optional<ExternalId> id(IdSource source, ExternalId.Kind kind) {
        return ids.stream().filter(id -> id.source() == source && id.kind() == kind).findFirst();
    }

    /** The credits that have this role (ignoring case), in order. */
    public List<Credit> creditsWithRole(String roleName) {
        return credits.stream().filter(credit -> credit.hasRole(roleName)).toList();
    }

    /** The primary web link, or else the first one. */
    public Optional<WebLink> primaryWebLink() {
        return webLinks.stream().filter(WebLink::primary).findFirst().or(() -> webLinks.stream().findFirst());
    }

    /** A mutable builder; {@link #build()} normalises and copies. */
    public static final class Builder {
        private SeriesInfo series = SeriesInfo.NONE;
        private IssueNumber number = IssueNumber.NONE;
        private String alternateSeries = "";
        private IssueNumber alternateNumber = IssueNumber.NONE;
        private OptionalInt alternateCount = OptionalInt.empty();
        private String collectionTitle = "";
        private List<String> storyTitles = List.of();
        private String summary = "";
        private Optional<PartialDate> coverDate = Optional.empty();
        private Optional<LocalDate> storeDate = Optional.empty();
        private Optional<LocalDate> focDate = Optional.empty();
        private OptionalInt pageCount = OptionalInt.empty();
        private List<Price> prices = List.of();
        private Resource publisher = Resource.of("");
        private Resource imprint = Resource.of("");
        private List<Credit> credits = List.of();
        private List<Resource> characters = List.of();
        private List<Resource> teams = List.of();
        private List<Resource> locations = List.of();
        private List<Universe> universes = List.of();
        private List<StoryArc> storyArcs = List.of();
        private List<Resource> genres = List.of();
        private List<Resource> tags = List.of();
        private List<Resource> reprints = List.of();
        private AgeRating ageRating = AgeRating.UNKNOWN;
        private List<WebLink> webLinks = List.of();
        private List<ExternalId> ids = List.of();
        private Gtin gtin = Gtin.NONE;
        private String sku = "";
        private List<PageInfo> pages = List.of();
        private String notes = "";
        private ReadingDirection readingDirection = ReadingDirection.UNKNOWN;
        private YesNo manga = YesNo.UNKNOWN;
        private YesNo blackAndWhite = YesNo.UNKNOWN;
        private Optional<CommunityRating> communityRating = Optional.empty();
        private String scanInformation = "";
        private String review = "";
        private String seriesGroup = "";
        private String mainCharacterOrTeam = "";
        private String mangaVolume = "";
        private String coverImageUrl = "";
        private String coverHash = "";
        private List<Variant> variants = List.of();
        private Optional<OffsetDateTime> lastModified = Optional.empty();
        private List<UnknownElement> unknownElements = List.of();

        private Builder() {
        }

        /** Sets series: the series. */
        public Builder series(SeriesInfo value) {
            this.series = value;
            return this;
        }
        /** Sets number: the issue number. */
        public Builder number(IssueNumber value) {
            this.number = value;
            return this;
        }
        /** Sets alternateSeries: ComicInfo's AlternateSeries (a crossover or reprint series), or {@code ""}. */
        public Builder alternateSeries(String value) {
            this.alternateSeries = value;
            return this;
        }
        /** Sets alternateNumber: the alternative number (Metron {@code alt_number}, e.g. legacy numbering). */
        public Builder alternateNumber(IssueNumber value) {
            this.alternateNumber = value;
            return this;
        }
        /** Sets alternateCount: ComicInfo's AlternateCount. */
        public Builder alternateCount(OptionalInt value) {
            this.alternateCount = value;
            return this;
        }
        /** Sets alternateCount. */
        public Builder alternateCount(int value) {
            this.alternateCount = OptionalInt.of(value);
            return this;
        }
        /** Sets collectionTitle: the collection's title for a TPB or hardcover (Metron {@code title}), or {@code ""}. */
        public Builder collectionTitle(String value) {
            this.collectionTitle = value;
            return this;
        }
        /** Sets storyTitles: the titles of the stories in the issue (Metron {@code name}). */
        public Builder storyTitles(List<String> value) {
            this.storyTitles = value;
            return this;
        }
        /** Adds one element to storyTitles. */
        public Builder addStoryTitle(String value) {
            java.util.List<String> copy = new java.util.ArrayList<>(this.storyTitles == null ? List.of() : this.storyTitles);
            copy.add(value);
            this.storyTitles = copy;
            return this;
        }
        /** Sets summary: the plain-text summary; paragraphs are separated by a blank line. */
        public Builder summary(String value) {
            this.summary = value;
            return this;
        }
        /** Sets coverDate: the cover date (may lack day or month). */
        public Builder coverDate(Optional<PartialDate> value) {
            this.coverDate = value;
            return this;
        }
        /** Sets coverDate; {@code null} clears it. */
        public Builder coverDate(PartialDate value) {
            this.coverDate = Optional.ofNullable(value);
            return this;
        }
        /** Sets storeDate: the on-sale date. */
        public Builder storeDate(Optional<LocalDate> value) {
            this.storeDate = value;
            return this;
        }
        /** Sets storeDate; {@code null} clears it. */
        public Builder storeDate(LocalDate value) {
            this.storeDate = Optional.ofNullable(value);
            return this;
        }
        /** Sets focDate: the final order cut-off date. */
        public Builder focDate(Optional<LocalDate> value) {
            this.focDate = value;
            return this;
        }
        /** Sets focDate; {@code null} clears it. */
        public Builder focDate(LocalDate value) {
            this.focDate = Optional.ofNullable(value);
            return this;
        }
        /** Sets pageCount: the number of pages. */
        public Builder pageCount(OptionalInt value) {
            this.pageCount = value;
            return this;
        }
        /** Sets pageCount. */
        public Builder pageCount(int value) {
            this.pageCount = OptionalInt.of(value);
            return this;
        }
        /** Sets prices: the cover prices. */
        public Builder prices(List<Price> value) {
            this.prices = value;
            return this;
        }
        /** Adds one element to prices. */
        public Builder addPrice(Price value) {
            java.util.List<Price> copy = new java.util.ArrayList<>(this.prices == null ? List.of() : this.prices);
            copy.add(value);
            this.prices = copy;
            return this;
        }
        /** Sets publisher: the publisher ({@code name ""} if unknown). */
        public Builder publisher(Resource value) {
            this.publisher = value;
            return this;
        }
        /** Sets imprint: the imprint ({@code name ""} if none). */
        public Builder imprint(Resource value) {
            this.imprint = value;
            return this;
        }
        /** Sets credits: the creators and their roles. */
        public Builder credits(List<Credit> value) {
            this.credits = value;
            return this;
        }
        /** Adds one element to credits. */
        public Builder addCredit(Credit value) {
            java.util.List<Credit> copy = new java.util.ArrayList<>(this.credits == null ? List.of() : this.credits);
            copy.add(value);
            this.credits = copy;
            return this;
        }
        /** Sets characters: the characters. */
        public Builder characters(List<Resource> value) {
            this.characters = value;
            return this;
        }
        /** Adds one element to characters. */
        public Builder addCharacter(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.characters == null ? List.of() : this.characters);
            copy.add(value);
            this.characters = copy;
            return this;
        }
        /** Sets teams: the teams. */
        public Builder teams(List<Resource> value) {
            this.teams = value;
            return this;
        }
        /** Adds one element to teams. */
        public Builder addTeam(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.teams == null ? List.of() : this.teams);
            copy.add(value);
            this.teams = copy;
            return this;
        }
        /** Sets locations: the locations. */
        public Builder locations(List<Resource> value) {
            this.locations = value;
            return this;
        }
        /** Adds one element to locations. */
        public Builder addLocation(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.locations == null ? List.of() : this.locations);
            copy.add(value);
            this.locations = copy;
            return this;
        }
        /** Sets universes: the universes. */
        public Builder universes(List<Universe> value) {
            this.universes = value;
            return this;
        }
        /** Adds one element to universes. */
        public Builder addUniverse(Universe value) {
            java.util.List<Universe> copy = new java.util.ArrayList<>(this.universes == null ? List.of() : this.universes);
            copy.add(value);
            this.universes = copy;
            return this;
        }
        /** Sets storyArcs: the story arcs, with the issue's number in each. */
        public Builder storyArcs(List<StoryArc> value) {
            this.storyArcs = value;
            return this;
        }
        /** Adds one element to storyArcs. */
        public Builder addStoryArc(StoryArc value) {
            java.util.List<StoryArc> copy = new java.util.ArrayList<>(this.storyArcs == null ? List.of() : this.storyArcs);
            copy.add(value);
            this.storyArcs = copy;
            return this;
        }
        /** Sets genres: the genres. */
        public Builder genres(List<Resource> value) {
            this.genres = value;
            return this;
        }
        /** Adds one element to genres. */
        public Builder addGenre(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.genres == null ? List.of() : this.genres);
            copy.add(value);
            this.genres = copy;
            return this;
        }
        /** Sets tags: free tags. */
        public Builder tags(List<Resource> value) {
            this.tags = value;
            return this;
        }
        /** Adds one element to tags. */
        public Builder addTag(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.tags == null ? List.of() : this.tags);
            copy.add(value);
            this.tags = copy;
            return this;
        }
        /** Sets reprints: the issues this one reprints or is reprinted in (display text and id). */
        public Builder reprints(List<Resource> value) {
            this.reprints = value;
            return this;
        }
        /** Adds one element to reprints. */
        public Builder addReprint(Resource value) {
            java.util.List<Resource> copy = new java.util.ArrayList<>(this.reprints == null ? List.of() : this.reprints);
            copy.add(value);
            this.reprints = copy;
            return this;
        }
        /** Sets ageRating: the age rating. */
        public Builder ageRating(AgeRating value) {
            this.ageRating = value;
            return this;
        }
        /** Sets webLinks: web pages about the issue. */
        public Builder webLinks(List<WebLink> value) {
            this.webLinks = value;
            return this;
        }
        /** Adds one element to webLinks. */
        public Builder addWebLink(WebLink value) {
            java.util.List<WebLink> copy = new java.util.ArrayList<>(this.webLinks == null ? List.of() : this.webLinks);
            copy.add(value);
            this.webLinks = copy;
            return this;
        }
        /** Sets ids: issue and series ids per source. */
        public Builder ids(List<ExternalId> value) {
            this.ids = value;
            return this;
        }
        /** Adds one element to ids. */
        public Builder addId(ExternalId value) {
            java.util.List<ExternalId> copy = new java.util.ArrayList<>(this.ids == null ? List.of() : this.ids);
            copy.add(value);
            this.ids = copy;
            return this;
        }
        /** Sets gtin: the ISBN and UPC. */
        public Builder gtin(Gtin value) {
            this.gtin = value;
            return this;
        }
        /** Sets sku: the distributor's order code ({@code "JUN210207"}), or {@code ""}. */
        public Builder sku(String value) {
            this.sku = value;
            return this;
        }
        /** Sets pages: the pages, by index. */
        public Builder pages(List<PageInfo> value) {
            this.pages = value;
            return this;
        }
        /** Adds one element to pages. */
        public Builder addPage(PageInfo value) {
            java.util.List<PageInfo> copy = new java.util.ArrayList<>(this.pages == null ? List.of() : this.pages);
            copy.add(value);
            this.pages = copy;
            return this;
        }
        /** Sets notes: free notes (the user's text and Metronome's tagging line). */
        public Builder notes(String value) {
            this.notes = value;
            return this;
        }
        /** Sets readingDirection: the reading direction. */
        public Builder readingDirection(ReadingDirection value) {
            this.readingDirection = value;
            return this;
        }
        /** Sets manga: whether this is manga. */
        public Builder manga(YesNo value) {
            this.manga = value;
            return this;
        }
        /** Sets blackAndWhite: whether the issue is black and white. */
        public Builder blackAndWhite(YesNo value) {
            this.blackAndWhite = value;
            return this;
        }
        /** Sets communityRating: readers' rating. */
        public Builder communityRating(Optional<CommunityRating> value) {
            this.communityRating = value;
            return this;
        }
        /** Sets communityRating; {@code null} clears it. */
        public Builder communityRating(CommunityRating value) {
            this.communityRating = Optional.ofNullable(value);
            return this;
        }
        /** Sets scanInformation: the user's scan information (ComicInfo), or {@code ""}. */
        public Builder scanInformation(String value) {
            this.scanInformation = value;
            return this;
        }
        /** Sets review: the user's review (ComicInfo), or {@code ""}. */
        public Builder review(String value) {
            this.review = value;
            return this;
        }
        /** Sets seriesGroup: ComicInfo's SeriesGroup, or {@code ""}. */
        public Builder seriesGroup(String value) {
            this.seriesGroup = value;
            return this;
        }
        /** Sets mainCharacterOrTeam: ComicInfo's MainCharacterOrTeam, or {@code ""}. */
        public Builder mainCharacterOrTeam(String value) {
            this.mainCharacterOrTeam = value;
            return this;
        }
        /** Sets mangaVolume: MetronInfo's MangaVolume, or {@code ""}. */
        public Builder mangaVolume(String value) {
            this.mangaVolume = value;
            return this;
        }
        /** Sets coverImageUrl: the cover image's address at the source, or {@code ""}. */
        public Builder coverImageUrl(String value) {
            this.coverImageUrl = value;
            return this;
        }
        /** Sets coverHash: the source's perceptual hash of the cover (Metron {@code cover_hash}), or {@code ""}. */
        public Builder coverHash(String value) {
            this.coverHash = value;
            return this;
        }
        /** Sets variants: the variant covers. */
        public Builder variants(List<Variant> value) {
            this.variants = value;
            return this;
        }
        /** Adds one element to variants. */
        public Builder addVariant(Variant value) {
            java.util.List<Variant> copy = new java.util.ArrayList<>(this.variants == null ? List.of() : this.variants);
            copy.add(value);
            this.variants = copy;
            return this;
        }
        /** Sets lastModified: when the source last changed this issue. */
        public Builder lastModified(Optional<OffsetDateTime> value) {
            this.lastModified = value;
            return this;
        }
        /** Sets lastModified; {@code null} clears it. */
        public Builder lastModified(OffsetDateTime value) {
            this.lastModified = Optional.ofNullable(value);
            return this;
        }
        /** Sets unknownElements: elements of the file read that Metronome does not understand, kept to be written back. */
        public Builder unknownElements(List<UnknownElement> value) {
            this.unknownElements = value;
            return this;
        }
        /** Adds one element to unknownElements. */
        public Builder addUnknownElement(UnknownElement value) {
            java.util.List<UnknownElement> copy = new java.util.ArrayList<>(this.unknownElements == null ? List.of() : this.unknownElements);
            copy.add(value);
            this.unknownElements = copy;
            return this;
        }

        /** The immutable value. */
        public ComicMetadata build() {
            return new ComicMetadata(series, number, alternateSeries, alternateNumber, alternateCount, collectionTitle, storyTitles, summary, coverDate, storeDate, focDate, pageCount, prices, publisher, imprint, credits, characters, teams, locations, universes, storyArcs, genres, tags, reprints, ageRating, webLinks, ids, gtin, sku, pages, notes, readingDirection, manga, blackAndWhite, communityRating, scanInformation, review, seriesGroup, mainCharacterOrTeam, mangaVolume, coverImageUrl, coverHash, variants, lastModified, unknownElements);
        }
    }
}
