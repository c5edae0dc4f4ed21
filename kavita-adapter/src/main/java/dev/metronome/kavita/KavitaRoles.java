package dev.metronome.kavita;

import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kavita's people roles and enums as Metronome maps them: Metron credit roles to the 13 people lists of
 * {@code ChapterDto}/{@code SeriesMetadataDto}, and age ratings to Kavita's integers (kavita-api.md Appendix A).
 */
final class KavitaRoles {

    /**
     * One people list.
     *
     * @param list the DTO list, e.g. {@code writers}
     * @param lock its lock, e.g. {@code writerLocked}
     */
    record Role(String list, String lock) {
    }

    static final List<Role> ROLES = List.of(new Role("writers", "writerLocked"), new Role("coverArtists", "coverArtistLocked"),
            new Role("publishers", "publisherLocked"), new Role("characters", "characterLocked"),
            new Role("pencillers", "pencillerLocked"), new Role("inkers", "inkerLocked"),
            new Role("imprints", "imprintLocked"), new Role("colorists", "coloristLocked"),
            new Role("letterers", "lettererLocked"), new Role("editors", "editorLocked"),
            new Role("translators", "translatorLocked"), new Role("teams", "teamLocked"),
            new Role("locations", "locationLocked"));

    private static final Map<String, Set<String>> CREDIT_ROLES = Map.ofEntries(
            Map.entry("writer", Set.of("writers")), Map.entry("script", Set.of("writers")),
            Map.entry("story", Set.of("writers")), Map.entry("plot", Set.of("writers")),
            Map.entry("penciller", Set.of("pencillers")), Map.entry("artist", Set.of("pencillers", "inkers")),
            Map.entry("breakdowns", Set.of("pencillers")), Map.entry("layouts", Set.of("pencillers")),
            Map.entry("illustrator", Set.of("pencillers")), Map.entry("inker", Set.of("inkers")),
            Map.entry("finishes", Set.of("inkers")), Map.entry("embellisher", Set.of("inkers")),
            Map.entry("ink assists", Set.of("inkers")), Map.entry("colorist", Set.of("colorists")),
            Map.entry("colourist", Set.of("colorists")), Map.entry("color separations", Set.of("colorists")),
            Map.entry("color assists", Set.of("colorists")), Map.entry("color flats", Set.of("colorists")),
            Map.entry("letterer", Set.of("letterers")), Map.entry("cover", Set.of("coverArtists")),
            Map.entry("cover artist", Set.of("coverArtists")), Map.entry("coverartist", Set.of("coverArtists")),
            Map.entry("editor", Set.of("editors")), Map.entry("editor in chief", Set.of("editors")),
            Map.entry("assistant editor", Set.of("editors")), Map.entry("associate editor", Set.of("editors")),
            Map.entry("consulting editor", Set.of("editors")), Map.entry("group editor", Set.of("editors")),
            Map.entry("senior editor", Set.of("editors")), Map.entry("managing editor", Set.of("editors")),
            Map.entry("collection editor", Set.of("editors")), Map.entry("supervising editor", Set.of("editors")),
            Map.entry("executive editor", Set.of("editors")), Map.entry("translator", Set.of("translators")));

    private KavitaRoles() {
    }

    /**
     * The people of an issue, by Kavita list; names de-duplicated by Kavita's normalised form (Kavita#3412).
     *
     * @param m the metadata
     * @return list name to names; lists without names are absent
     */
    static Map<String, List<String>> people(ComicMetadata m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Credit c : m.credits()) {
            for (String role : c.roleNames()) {
                for (String list : CREDIT_ROLES.getOrDefault(role.strip().toLowerCase(Locale.ROOT), Set.of())) {
                    add(out, list, c.name());
                }
            }
        }
        add(out, "publishers", m.publisher().name());
        add(out, "imprints", m.imprint().name());
        m.characters().forEach(r -> add(out, "characters", r.name()));
        m.teams().forEach(r -> add(out, "teams", r.name()));
        m.locations().forEach(r -> add(out, "locations", r.name()));
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((k, v) -> lists.put(k, List.copyOf(v.values())));
        return lists;
    }

    /** Genre or tag names, de-duplicated by normalised form. */
    static List<String> names(List<Resource> resources) {
        Map<String, String> byKey = new LinkedHashMap<>();
        resources.stream().map(Resource::name).filter(n -> !n.isBlank()).forEach(n -> byKey.putIfAbsent(normalize(n), n.strip()));
        return new ArrayList<>(byKey.values());
    }

    private static void add(Map<String, Map<String, String>> out, String list, String name) {
        if (name != null && !name.isBlank() && !normalize(name).isEmpty()) {
            out.computeIfAbsent(list, k -> new LinkedHashMap<>()).putIfAbsent(normalize(name), name.strip());
        }
    }

    /** Kavita's normalised name: lower case, letters, digits and {@code +!} only (kavita-api.md §5.1). */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+!＊！＋]", "");
    }

    /**
     * Kavita's {@code AgeRating} integer for a rating.
     *
     * @param rating the rating, or null
     * @return the integer, if the rating is a real one
     */
    static Optional<Integer> ageRating(AgeRating rating) {
        if (rating == null) {
            return Optional.empty();
        }
        return switch (rating) {
            case RATING_PENDING -> Optional.of(1);
            case EARLY_CHILDHOOD -> Optional.of(2);
            case EVERYONE, CCA -> Optional.of(3);
            case G -> Optional.of(4);
            case EVERYONE_10_PLUS -> Optional.of(5);
            case PG -> Optional.of(6);
            case KIDS_TO_ADULTS -> Optional.of(7);
            case TEEN -> Optional.of(8);
            case TEEN_PLUS, MA15_PLUS -> Optional.of(9);
            case MATURE_17_PLUS -> Optional.of(10);
            case M, MATURE -> Optional.of(11);
            case R18_PLUS -> Optional.of(12);
            case ADULTS_ONLY_18_PLUS, ADULT -> Optional.of(13);
            case X18_PLUS, EXPLICIT -> Optional.of(14);
            default -> Optional.empty();
        };
    }
}
