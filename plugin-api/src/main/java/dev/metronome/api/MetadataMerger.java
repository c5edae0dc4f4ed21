package dev.metronome.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** Merges two {@link ComicMetadata} values under a {@link MergePolicy}. Stateless. */
public final class MetadataMerger {

    private MetadataMerger() {
    }

    /**
     * Merges incoming metadata into existing metadata.
     *
     * @param existing what the file already says
     * @param incoming what the new source says
     * @param policy   which side wins; see {@link MergePolicy}
     * @return the merged metadata
     */
    public static ComicMetadata merge(ComicMetadata existing, ComicMetadata incoming, MergePolicy policy) {
        Picker p = new Picker(policy);
        return ComicMetadata.builder()
                .series(mergeSeries(existing.series(), incoming.series(), p))
                .number(p.pick(existing.number(), incoming.number(), IssueNumber::isEmpty))
                .alternateSeries(p.text(existing.alternateSeries(), incoming.alternateSeries()))
                .alternateNumber(p.pick(existing.alternateNumber(), incoming.alternateNumber(), IssueNumber::isEmpty))
                .alternateCount(p.integer(existing.alternateCount(), incoming.alternateCount()))
                .collectionTitle(p.text(existing.collectionTitle(), incoming.collectionTitle()))
                .storyTitles(p.list(existing.storyTitles(), incoming.storyTitles()))
                .summary(p.text(existing.summary(), incoming.summary()))
                .coverDate(p.optional(existing.coverDate(), incoming.coverDate()))
                .storeDate(p.optional(existing.storeDate(), incoming.storeDate()))
                .focDate(p.optional(existing.focDate(), incoming.focDate()))
                .pageCount(p.integer(existing.pageCount(), incoming.pageCount()))
                .prices(p.list(existing.prices(), incoming.prices()))
                .publisher(p.pick(existing.publisher(), incoming.publisher(), Resource::isEmpty))
                .imprint(p.pick(existing.imprint(), incoming.imprint(), Resource::isEmpty))
                .credits(p.list(existing.credits(), incoming.credits()))
                .characters(p.list(existing.characters(), incoming.characters()))
                .teams(p.list(existing.teams(), incoming.teams()))
                .locations(p.list(existing.locations(), incoming.locations()))
                .universes(p.list(existing.universes(), incoming.universes()))
                .storyArcs(p.list(existing.storyArcs(), incoming.storyArcs()))
                .genres(p.list(existing.genres(), incoming.genres()))
                .tags(p.list(existing.tags(), incoming.tags()))
                .reprints(p.list(existing.reprints(), incoming.reprints()))
                .ageRating(p.pick(existing.ageRating(), incoming.ageRating(), rating -> rating == AgeRating.UNKNOWN))
                .webLinks(mergeWebLinks(existing.webLinks(), incoming.webLinks(), policy))
                .ids(mergeIds(existing.ids(), incoming.ids(), policy))
                .gtin(new Gtin(p.text(existing.gtin().isbn(), incoming.gtin().isbn()),
                        p.text(existing.gtin().upc(), incoming.gtin().upc())))
                .sku(p.text(existing.sku(), incoming.sku()))
                .pages(mergePages(existing.pages(), incoming.pages()))
                .notes(existing.notes().isBlank() ? incoming.notes() : existing.notes())
                .readingDirection(p.pick(existing.readingDirection(), incoming.readingDirection(),
                        direction -> direction == ReadingDirection.UNKNOWN))
                .manga(p.pick(existing.manga(), incoming.manga(), flag -> flag == YesNo.UNKNOWN))
                .blackAndWhite(p.pick(existing.blackAndWhite(), incoming.blackAndWhite(), flag -> flag == YesNo.UNKNOWN))
                .communityRating(p.optional(existing.communityRating(), incoming.communityRating()))
                .scanInformation(userText(existing.scanInformation(), incoming.scanInformation()))
                .review(userText(existing.review(), incoming.review()))
                .seriesGroup(userText(existing.seriesGroup(), incoming.seriesGroup()))
                .mainCharacterOrTeam(p.text(existing.mainCharacterOrTeam(), incoming.mainCharacterOrTeam()))
                .mangaVolume(p.text(existing.mangaVolume(), incoming.mangaVolume()))
                .coverImageUrl(p.text(existing.coverImageUrl(), incoming.coverImageUrl()))
                .coverHash(p.text(existing.coverHash(), incoming.coverHash()))
                .variants(p.list(existing.variants(), incoming.variants()))
                .lastModified(p.optional(existing.lastModified(), incoming.lastModified()))
                .unknownElements(mergeUnknown(existing.unknownElements(), incoming.unknownElements()))
                .build();
    }

    private static SeriesInfo mergeSeries(SeriesInfo existing, SeriesInfo incoming, Picker p) {
        return SeriesInfo.builder()
                .name(p.text(existing.name(), incoming.name()))
                .sortName(p.text(existing.sortName(), incoming.sortName()))
                .alternativeNames(p.list(existing.alternativeNames(), incoming.alternativeNames()))
                .volume(p.integer(existing.volume(), incoming.volume()))
                .yearBegan(p.integer(existing.yearBegan(), incoming.yearBegan()))
                .issueCount(p.integer(existing.issueCount(), incoming.issueCount()))
                .volumeCount(p.integer(existing.volumeCount(), incoming.volumeCount()))
                .format(p.text(existing.format(), incoming.format()))
                .language(p.text(existing.language(), incoming.language()))
                .build();
    }

    private static String userText(String existing, String incoming) {
        return existing.isBlank() ? incoming : existing;
    }

    /**
     * Ids united by (source, kind). The winning side's value fills a slot both have. If the winning side
     * names a primary id of a kind, it is the only primary of that kind.
     */
    static List<ExternalId> mergeIds(List<ExternalId> existing, List<ExternalId> incoming, MergePolicy policy) {
        boolean incomingWins = policy != MergePolicy.EXISTING_WINS;
        List<ExternalId> winners = incomingWins ? incoming : existing;
        List<ExternalId> losers = incomingWins ? existing : incoming;
        Map<String, ExternalId> slots = new LinkedHashMap<>();
        for (ExternalId id : winners) {
            slots.putIfAbsent(id.source() + "/" + id.kind(), id);
        }
        for (ExternalId id : losers) {
            String slot = id.source() + "/" + id.kind();
            if (!slots.containsKey(slot)) {
                boolean winnerHasPrimary = winners.stream().anyMatch(w -> w.kind() == id.kind() && w.primary());
                slots.put(slot, winnerHasPrimary ? id.withPrimary(false) : id);
            }
        }
        return onePrimaryPerKind(new ArrayList<>(slots.values()));
    }

    private static List<ExternalId> onePrimaryPerKind(List<ExternalId> ids) {
        List<ExternalId> result = new ArrayList<>(ids.size());
        java.util.Set<ExternalId.Kind> seen = java.util.EnumSet.noneOf(ExternalId.Kind.class);
        for (ExternalId id : ids) {
            result.add(id.primary() && !seen.add(id.kind()) ? id.withPrimary(false) : id);
        }
        return result;
    }

    /** Links united by address, the winning side's first; one primary at most, the winning side's if it has one. */
    static List<WebLink> mergeWebLinks(List<WebLink> existing, List<WebLink> incoming, MergePolicy policy) {
        boolean incomingWins = policy != MergePolicy.EXISTING_WINS;
        List<WebLink> winners = incomingWins ? incoming : existing;
        List<WebLink> losers = incomingWins ? existing : incoming;
        boolean winnerHasPrimary = winners.stream().anyMatch(WebLink::primary);
        Map<String, WebLink> byUrl = new LinkedHashMap<>();
        for (WebLink link : winners) {
            byUrl.putIfAbsent(urlKey(link.url()), link);
        }
        for (WebLink link : losers) {
            byUrl.putIfAbsent(urlKey(link.url()), winnerHasPrimary ? link.withPrimaryCleared() : link);
        }
        List<WebLink> result = new ArrayList<>();
        boolean primarySeen = false;
        for (WebLink link : byUrl.values()) {
            if (link.url().isEmpty()) {
                continue;
            }
            result.add(link.primary() && primarySeen ? link.withPrimaryCleared() : link);
            primarySeen |= link.primary();
        }
        return result;
    }

    private static String urlKey(String url) {
        String key = url.strip();
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /**
     * Pages: when the incoming side has pages (rebuilt from the archive) they define the list, each taking the
     * existing page's types, bookmark and key at the same index if the user set them; otherwise the existing
     * pages stay.
     */
    static List<PageInfo> mergePages(List<PageInfo> existing, List<PageInfo> incoming) {
        if (incoming.isEmpty()) {
            return existing;
        }
        Map<Integer, PageInfo> old = new LinkedHashMap<>();
        existing.forEach(page -> old.putIfAbsent(page.index(), page));
        List<PageInfo> result = new ArrayList<>(incoming.size());
        for (PageInfo page : incoming) {
            PageInfo user = old.get(page.index());
            if (user == null) {
                result.add(page);
                continue;
            }
            result.add(new PageInfo(page.index(),
                    user.types().isEmpty() ? page.types() : user.types(),
                    page.doublePage() || user.doublePage(),
                    page.size().isPresent() ? page.size() : user.size(),
                    user.key().isEmpty() ? page.key() : user.key(),
                    user.bookmark().isEmpty() ? page.bookmark() : user.bookmark(),
                    page.width().isPresent() ? page.width() : user.width(),
                    page.height().isPresent() ? page.height() : user.height()));
        }
        return result;
    }

    /** Unknown elements of both sides; an existing element wins over an incoming one of the same format and name. */
    private static List<UnknownElement> mergeUnknown(List<UnknownElement> existing, List<UnknownElement> incoming) {
        List<UnknownElement> result = new ArrayList<>(existing);
        for (UnknownElement element : incoming) {
            boolean present = existing.stream().anyMatch(e -> e.format().equals(element.format()) && e.name().equals(element.name()));
            if (!present) {
                result.add(element);
            }
        }
        return result;
    }

    /** Applies the policy to one field. */
    private record Picker(MergePolicy policy) {

        <T> T pick(T existing, T incoming, Predicate<T> isEmpty) {
            return switch (policy) {
                case INCOMING_WINS -> isEmpty.test(incoming) ? existing : incoming;
                case EXISTING_WINS -> isEmpty.test(existing) ? incoming : existing;
                case REPLACE -> incoming;
            };
        }

        String text(String existing, String incoming) {
            return pick(existing, incoming, String::isBlank);
        }

        <T> List<T> list(List<T> existing, List<T> incoming) {
            return pick(existing, incoming, List::isEmpty);
        }

        <T> Optional<T> optional(Optional<T> existing, Optional<T> incoming) {
            return pick(existing, incoming, Optional::isEmpty);
        }

        OptionalInt integer(OptionalInt existing, OptionalInt incoming) {
            return pick(existing, incoming, OptionalInt::isEmpty);
        }
    }
}
