package dev.metronome.komga;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.AgeRating;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.PartialDate;
import dev.metronome.api.Resource;
import dev.metronome.api.WebLink;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the neutral {@link ComicMetadata} to Komga's metadata PATCH bodies. Only fields with a value are sent (an
 * explicit null would clear Komga's value), and every field sent is locked, so a later refresh from the file does
 * not undo it.
 */
public final class KomgaMetadataMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metron role names (lower-case) to Komga's roles; unlisted roles are sent lower-cased, as Komga accepts any. */
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("writer", "writer"), Map.entry("script", "writer"), Map.entry("story", "writer"),
            Map.entry("plot", "writer"), Map.entry("penciller", "penciller"), Map.entry("artist", "penciller"),
            Map.entry("breakdowns", "penciller"), Map.entry("layouts", "penciller"), Map.entry("inker", "inker"),
            Map.entry("finishes", "inker"), Map.entry("embellisher", "inker"), Map.entry("colorist", "colorist"),
            Map.entry("colourist", "colorist"), Map.entry("color separations", "colorist"),
            Map.entry("color assists", "colorist"), Map.entry("color flats", "colorist"),
            Map.entry("letterer", "letterer"), Map.entry("cover", "cover"), Map.entry("coverartist", "cover"),
            Map.entry("cover artist", "cover"), Map.entry("editor", "editor"), Map.entry("editor in chief", "editor"),
            Map.entry("assistant editor", "editor"), Map.entry("associate editor", "editor"),
            Map.entry("group editor", "editor"), Map.entry("consulting editor", "editor"),
            Map.entry("senior editor", "editor"), Map.entry("managing editor", "editor"),
            Map.entry("collection editor", "editor"), Map.entry("supervising editor", "editor"),
            Map.entry("executive editor", "editor"), Map.entry("illustrator", "penciller"),
            Map.entry("ink assists", "inker"), Map.entry("translator", "translator"));

    /** The fields {@link #bookPatch} can lock. */
    public static final List<String> BOOK_FIELDS = List.of("title", "summary", "number", "numberSort", "releaseDate",
            "authors", "tags", "isbn", "links");

    private KomgaMetadataMapper() {
    }

    /**
     * The {@code BookMetadataUpdateDto} for an issue.
     *
     * @param m the metadata
     * @return the PATCH body, with a lock for every field set
     */
    public static ObjectNode bookPatch(ComicMetadata m) {
        return bookPatch(m, Set.of(), false);
    }

    /**
     * The {@code BookMetadataUpdateDto} for an issue, leaving out fields the user locked.
     *
     * @param m                the metadata
     * @param keep             fields not to send (the user's locks), e.g. {@code title}
     * @param charactersAsTags whether the issue's characters and teams are sent as tags too (Komga has no field for
     *                         them, and ComicInfo's Characters and Teams never reach it)
     * @return the PATCH body, with a lock for every field set
     */
    public static ObjectNode bookPatch(ComicMetadata m, Set<String> keep, boolean charactersAsTags) {
        ObjectNode n = JSON.createObjectNode();
        String title = !m.storyTitles().isEmpty() ? String.join("; ", m.storyTitles()) : m.collectionTitle();
        text(n, "title", title);
        text(n, "summary", m.summary());
        if (!m.number().isEmpty()) {
            text(n, "number", m.number().raw());
            m.number().sortKey().ifPresent(k -> n.put("numberSort", k.floatValue()).put("numberSortLock", true));
        }
        releaseDate(m).ifPresent(d -> n.put("releaseDate", d.toString()).put("releaseDateLock", true));
        ArrayNode authors = JSON.createArrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (Credit c : m.credits()) {
            if (c.name().isBlank()) {
                continue;
            }
            for (String role : c.roleNames()) {
                String komgaRole = komgaRole(role);
                if (!komgaRole.isBlank() && seen.add(c.name() + '\n' + komgaRole)) {
                    authors.addObject().put("name", c.name()).put("role", komgaRole);
                }
            }
        }
        if (!authors.isEmpty()) {
            n.set("authors", authors);
            n.put("authorsLock", true);
        }
        Set<String> tags = new LinkedHashSet<>();
        m.tags().stream().map(Resource::name).filter(t -> !t.isBlank()).forEach(tags::add);
        if (charactersAsTags) {
            m.characters().stream().map(Resource::name).filter(t -> !t.isBlank()).forEach(tags::add);
            m.teams().stream().map(Resource::name).filter(t -> !t.isBlank()).forEach(tags::add);
        }
        if (!tags.isEmpty()) {
            ArrayNode a = n.putArray("tags");
            tags.forEach(a::add);
            n.put("tagsLock", true);
        }
        isbn13(m.gtin().isbn()).ifPresent(i -> n.put("isbn", i).put("isbnLock", true));
        ArrayNode links = JSON.createArrayNode();
        Set<String> urls = new LinkedHashSet<>();
        for (WebLink w : m.webLinks()) {
            Optional<String> host = host(w.url());
            if (host.isPresent() && urls.add(w.url())) {
                links.addObject().put("label", host.get().endsWith("metron.cloud") ? "Metron" : host.get())
                        .put("url", w.url());
            }
        }
        if (!links.isEmpty()) {
            n.set("links", links);
            n.put("linksLock", true);
        }
        withoutFields(n, keep);
        return n;
    }

    /**
     * Removes fields and their locks from a PATCH body.
     *
     * @param patch  the body
     * @param fields the field names, e.g. {@code title}
     */
    static void withoutFields(ObjectNode patch, Set<String> fields) {
        for (String f : fields) {
            patch.remove(f);
            patch.remove(f + "Lock");
        }
    }

    /**
     * The {@code SeriesMetadataUpdateDto} for an issue's series.
     *
     * @param m the metadata
     * @return the PATCH body, with a lock for every field set; empty when there is nothing to send
     */
    public static ObjectNode seriesPatch(ComicMetadata m) {
        ObjectNode n = JSON.createObjectNode();
        text(n, "title", m.series().name());
        text(n, "titleSort", m.series().sortName().isBlank() ? m.series().name() : m.series().sortName());
        text(n, "publisher", m.publisher().name());
        m.series().issueCount().ifPresent(c -> {
            if (c > 0) {
                n.put("totalBookCount", c).put("totalBookCountLock", true);
            }
        });
        ageRating(m.ageRating()).ifPresent(a -> n.put("ageRating", a).put("ageRatingLock", true));
        String language = m.series().language();
        if (!language.isBlank() && !Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            text(n, "language", Locale.forLanguageTag(language).toLanguageTag());
        }
        Set<String> genres = new LinkedHashSet<>();
        m.genres().stream().map(Resource::name).filter(g -> !g.isBlank()).forEach(genres::add);
        if (!genres.isEmpty()) {
            ArrayNode a = n.putArray("genres");
            genres.forEach(a::add);
            n.put("genresLock", true);
        }
        switch (m.readingDirection()) {
            case RIGHT_TO_LEFT -> n.put("readingDirection", "RIGHT_TO_LEFT").put("readingDirectionLock", true);
            case LEFT_TO_RIGHT -> n.put("readingDirection", "LEFT_TO_RIGHT").put("readingDirectionLock", true);
            default -> { }
        }
        return n;
    }

    /**
     * Komga's role for a Metron role name.
     *
     * @param role e.g. {@code Editor In Chief}
     * @return e.g. {@code editor}
     */
    static String komgaRole(String role) {
        String key = role.strip().toLowerCase(Locale.ROOT);
        return ROLES.getOrDefault(key, key);
    }

    /**
     * Komga's integer age rating for a rating, as Komga's {@code AgeRating.kt} maps them: Early Childhood 3,
     * Everyone and Kids to Adults 6, G 0, PG 8, Everyone 10+ 10, Teen 13, MA15+ 15, Mature 17+ 17, 18+ 18.
     *
     * @param rating the rating
     * @return the minimum age
     */
    static Optional<Integer> ageRating(AgeRating rating) {
        if (rating == null) {
            return Optional.empty();
        }
        return switch (rating) {
            case EARLY_CHILDHOOD -> Optional.of(3);
            case EVERYONE, KIDS_TO_ADULTS -> Optional.of(6);
            case G, CCA -> Optional.of(0);
            case PG -> Optional.of(8);
            case EVERYONE_10_PLUS -> Optional.of(10);
            case TEEN -> Optional.of(13);
            case TEEN_PLUS, MA15_PLUS -> Optional.of(15);
            case M, MATURE, MATURE_17_PLUS -> Optional.of(17);
            case R18_PLUS, ADULTS_ONLY_18_PLUS, X18_PLUS, EXPLICIT, ADULT -> Optional.of(18);
            default -> Optional.empty();
        };
    }

    private static Optional<LocalDate> releaseDate(ComicMetadata m) {
        return m.coverDate().map(PartialDate::firstDay).or(m::storeDate);
    }

    private static Optional<String> host(String url) {
        try {
            URI u = new URI(url);
            return u.getScheme() != null && u.getScheme().startsWith("http") && u.getHost() != null
                    ? Optional.of(u.getHost()) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Komga keeps only valid ISBNs, as ISBN-13; anything else would be refused, so it is not sent. */
    static Optional<String> isbn13(String text) {
        String d = text == null ? "" : text.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
        if (d.length() == 10) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = d.charAt(i);
                if (!Character.isDigit(c) && !(c == 'X' && i == 9)) {
                    return Optional.empty();
                }
                sum += (c == 'X' ? 10 : c - '0') * (10 - i);
            }
            return sum % 11 == 0 ? Optional.of("978" + d.substring(0, 9) + ean13Check("978" + d.substring(0, 9)))
                    : Optional.empty();
        }
        boolean valid = d.length() == 13 && d.chars().allMatch(Character::isDigit)
                && (d.startsWith("978") || d.startsWith("979")) && ean13Check(d.substring(0, 12)) == d.charAt(12) - '0';
        return valid ? Optional.of(d) : Optional.empty();
    }

    private static int ean13Check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    private static void text(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value.strip()).put(field + "Lock", true);
        }
    }
}
