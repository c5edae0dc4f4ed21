package dev.metronome.tagging;

import dev.metronome.api.AgeRating;
import dev.metronome.api.AlternativeName;
import dev.metronome.api.ComicMetadata;
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
import dev.metronome.api.Universe;
import dev.metronome.api.Variant;
import dev.metronome.api.WebLink;
import dev.metronome.comicinfo.HtmlText;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueSeries;
import dev.metronome.metron.model.ModifiedRef;
import dev.metronome.metron.model.NamedRef;
import dev.metronome.metron.model.SeriesDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a Metron issue detail (and, when known, its series detail) to the neutral model that the ComicInfo and
 * MetronInfo writers take. Nothing is invented: a field Metron leaves empty stays empty.
 */
public final class IssueMapper {

    private IssueMapper() {
    }

    /**
     * The model of an issue.
     *
     * @param issue the issue detail
     * @return the metadata
     */
    public static ComicMetadata toModel(IssueDetail issue) {
        return toModel(issue, Optional.empty());
    }

    /**
     * The model of an issue, with what only the series detail knows (issue count, alternative names).
     *
     * @param issue  the issue detail
     * @param series the series detail, if fetched
     * @return the metadata
     */
    public static ComicMetadata toModel(IssueDetail issue, Optional<SeriesDetail> series) {
        ComicMetadata.Builder b = ComicMetadata.builder()
                .series(series(issue.series(), series))
                .number(IssueNumber.of(text(issue.number())))
                .alternateNumber(IssueNumber.of(text(issue.altNumber())))
                .collectionTitle(text(issue.title()))
                .storyTitles(list(issue.name()))
                .summary(HtmlText.clean(text(issue.desc())))
                .coverDate(Optional.ofNullable(issue.coverDate()).map(PartialDate::of))
                .storeDate(Optional.ofNullable(issue.storeDate()))
                .focDate(Optional.ofNullable(issue.focDate()))
                .publisher(resource(issue.publisher()))
                .imprint(resource(issue.imprint()))
                .ageRating(issue.rating() == null ? AgeRating.UNKNOWN
                        : AgeRating.parse(issue.rating().name()).orElse(AgeRating.UNKNOWN))
                .gtin(new Gtin(text(issue.isbn()), text(issue.upc())))
                .sku(text(issue.sku()))
                .coverImageUrl(text(issue.image()))
                .coverHash(text(issue.coverHash()))
                .lastModified(Optional.ofNullable(issue.modified()));
        if (issue.page() != null) {
            b.pageCount(issue.page());
        }
        if (issue.resourceUrl() != null && !issue.resourceUrl().isBlank()) {
            b.webLinks(List.of(new WebLink(issue.resourceUrl(), true)));
        }
        if (issue.price() != null) {
            b.addPrice(new Price(issue.price(), text(issue.priceCurrency()), ""));
        }
        b.ids(ids(issue));
        if (issue.series() != null) {
            b.genres(list(issue.series().genres()).stream().map(IssueMapper::resource).toList());
        }
        b.characters(refs(issue.characters()));
        b.teams(refs(issue.teams()));
        b.reprints(list(issue.reprints()).stream()
                .map(r -> new Resource(text(r.issue()), r.id() == null ? "" : r.id().toString())).toList());
        for (ModifiedRef arc : list(issue.arcs())) {
            b.addStoryArc(new StoryArc(text(arc.name()), "", id(arc.id())));
        }
        for (ModifiedRef universe : list(issue.universes())) {
            b.addUniverse(new Universe(text(universe.name()), "", id(universe.id())));
        }
        for (dev.metronome.metron.model.Credit credit : list(issue.credits())) {
            b.addCredit(new Credit(new Resource(text(credit.creator()), id(credit.id())),
                    list(credit.role()).stream().map(r -> new Resource(text(r.name()), id(r.id()))).toList()));
        }
        for (dev.metronome.metron.model.Variant variant : list(issue.variants())) {
            Optional<Price> price = Optional.ofNullable(variant.price())
                    .map(p -> new Price(p, text(issue.priceCurrency()), ""));
            b.addVariant(new Variant(text(variant.name()), price, text(variant.sku()), text(variant.upc()),
                    text(variant.image())));
        }
        return b.build();
    }

    private static SeriesInfo series(IssueSeries s, Optional<SeriesDetail> detail) {
        if (s == null) {
            return SeriesInfo.NONE;
        }
        SeriesInfo.Builder b = SeriesInfo.builder().name(text(s.name())).sortName(text(s.sortName()))
                .format(s.seriesType() == null ? "" : text(s.seriesType().name()));
        if (s.volume() != null) {
            b.volume(s.volume());
        }
        if (s.yearBegan() != null) {
            b.yearBegan(s.yearBegan());
        }
        if (s.language() != null && !s.language().isBlank()) {
            b.language(s.language());
        }
        List<String> altNames = new ArrayList<>(list(s.altNames()));
        detail.filter(d -> d.id() != null && d.id().equals(s.id())).ifPresent(d -> {
            if (d.issueCount() != null) {
                b.issueCount(d.issueCount());
            }
            list(d.altNames()).stream().filter(n -> !altNames.contains(n)).forEach(altNames::add);
        });
        altNames.stream().filter(n -> n != null && !n.isBlank()).map(AlternativeName::of)
                .forEach(b::addAlternativeName);
        return b.build();
    }

    private static List<ExternalId> ids(IssueDetail issue) {
        List<ExternalId> ids = new ArrayList<>();
        ids.add(new ExternalId(IdSource.METRON, ExternalId.Kind.ISSUE, id(issue.id()), true));
        if (issue.cvId() != null) {
            ids.add(ExternalId.issue(IdSource.COMIC_VINE, issue.cvId().toString()));
        }
        if (issue.gcdId() != null) {
            ids.add(ExternalId.issue(IdSource.GCD, issue.gcdId().toString()));
        }
        if (issue.series() != null && issue.series().id() != null) {
            ids.add(new ExternalId(IdSource.METRON, ExternalId.Kind.SERIES, issue.series().id().toString(), true));
        }
        return ids;
    }

    private static List<Resource> refs(List<ModifiedRef> refs) {
        return list(refs).stream().map(r -> new Resource(text(r.name()), id(r.id()))).toList();
    }

    private static Resource resource(NamedRef ref) {
        return ref == null ? Resource.of("") : new Resource(text(ref.name()), id(ref.id()));
    }

    private static String id(Integer id) {
        return id == null ? "" : id.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
