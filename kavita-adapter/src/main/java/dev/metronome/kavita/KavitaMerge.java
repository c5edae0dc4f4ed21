package dev.metronome.kavita;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.Resource;
import dev.metronome.api.PartialDate;
import dev.metronome.api.WebLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read, change, write back: builds Kavita's whole-object update bodies from the object just read and Metron's
 * metadata (kavita-api.md §5). Every field is sent, so nothing is cleared by omission; a field the user locked keeps
 * its value and its lock; a field we set is locked, so the next scan does not undo it.
 *
 * <p>{@code ChapterDto} does not show four locks ({@code titleNameLocked}, {@code releaseDateLocked},
 * {@code isbnLocked}, {@code sortOrderLocked}). A user's lock there cannot be seen, so the title, release date and
 * ISBN are filled only when empty, and their locks are sent set whenever they hold a value; the sort order is left
 * to the scanner (sent as read, unlocked, as Komf does).
 */
final class KavitaMerge {

    /** The chapter locks {@code ChapterDto} shows, copied as read. */
    static final List<String> READABLE_CHAPTER_LOCKS = List.of("ageRatingLocked", "genresLocked", "tagsLocked",
            "writerLocked", "characterLocked", "coloristLocked", "editorLocked", "inkerLocked", "imprintLocked",
            "lettererLocked", "pencillerLocked", "publisherLocked", "translatorLocked", "coverArtistLocked",
            "languageLocked", "summaryLocked", "teamLocked", "locationLocked");
    private static final String NO_DATE = "0001-01-01T00:00:00";

    private KavitaMerge() {
    }

    /**
     * The {@code UpdateChapterDto} for a chapter.
     *
     * @param ch the {@code ChapterDto} just read
     * @param m  Metron's metadata ({@link ComicMetadata#EMPTY} for "change nothing")
     * @return the whole body
     */
    static ObjectNode chapterUpdate(JsonNode ch, ComicMetadata m) {
        ObjectNode b = KavitaClient.JSON.createObjectNode().put("id", ch.path("id").asInt());
        READABLE_CHAPTER_LOCKS.forEach(l -> b.put(l, ch.path(l).asBoolean(false)));
        text(b, ch, "summary", m.summary(), "summaryLocked");
        text(b, ch, "language", m.series().language(), "languageLocked");
        b.put("ageRating", ch.path("ageRating").asInt(0));
        if (!ch.path("ageRatingLocked").asBoolean()) {
            KavitaRoles.ageRating(m.ageRating()).ifPresent(a -> b.put("ageRating", a).put("ageRatingLocked", true));
        }
        String title = ch.path("titleName").asText("");
        if (title.isBlank()) {
            title = !m.storyTitles().isEmpty() ? String.join("; ", m.storyTitles()) : m.collectionTitle();
        }
        b.put("titleName", title.strip()).put("titleNameLocked", !title.isBlank());
        String date = ch.path("releaseDate").asText(NO_DATE);
        if (date.startsWith("0001-01-01")) {
            date = releaseDate(m).map(d -> d + "T00:00:00").orElse(NO_DATE);
        }
        b.put("releaseDate", date).put("releaseDateLocked", !date.startsWith("0001-01-01"));
        String isbn = ch.path("isbn").asText("");
        if (isbn.isBlank()) {
            isbn = m.gtin().isbn().replaceAll("[^0-9Xx]", "");
        }
        b.put("isbn", isbn).put("isbnLocked", !isbn.isBlank());
        b.put("sortOrder", ch.path("sortOrder").floatValue()).put("sortOrderLocked", false);
        b.put("webLinks", links(ch.path("webLinks").asText(""), m.webLinks()));
        list(b, ch, "genres", "title", KavitaRoles.names(m.genres()), "genresLocked");
        list(b, ch, "tags", "title", KavitaRoles.names(m.tags()), "tagsLocked");
        Map<String, List<String>> people = KavitaRoles.people(m);
        for (KavitaRoles.Role r : KavitaRoles.ROLES) {
            list(b, ch, r.list(), "name", people.getOrDefault(r.list(), List.of()), r.lock());
        }
        return b;
    }

    /**
     * The {@code SeriesMetadataDto} to send for a series: the object read, with Metron's publisher, imprint, genres,
     * age rating, language and start year where the user has not locked them.
     *
     * @param sm the {@code SeriesMetadataDto} just read
     * @param m  Metron's metadata
     * @return the whole object (people, genres and tags as {@code {id, name|title}}); equal to
     *         {@code seriesUpdate(sm, EMPTY)} when nothing changes
     */
    static ObjectNode seriesUpdate(JsonNode sm, ComicMetadata m) {
        ObjectNode b = sm.deepCopy();
        for (String l : List.of("genres", "tags")) {
            b.set(l, objects(names(sm.path(l), "title"), "title"));
        }
        KavitaRoles.ROLES.forEach(r -> b.set(r.list(), objects(names(sm.path(r.list()), "name"), "name")));
        Map<String, List<String>> people = KavitaRoles.people(m);
        for (String role : List.of("publishers", "imprints")) {
            String lock = role.equals("publishers") ? "publisherLocked" : "imprintLocked";
            List<String> names = people.getOrDefault(role, List.of());
            if (!names.isEmpty() && !b.path(lock).asBoolean() && !sameNames(b.path(role), "name", names)) {
                b.set(role, objects(names, "name"));
                b.put(lock, true);
            }
        }
        List<String> genres = KavitaRoles.names(m.genres());
        if (!genres.isEmpty() && !b.path("genresLocked").asBoolean() && !sameNames(b.path("genres"), "title", genres)) {
            b.set("genres", objects(genres, "title"));
            b.put("genresLocked", true);
        }
        Optional<Integer> rating = KavitaRoles.ageRating(m.ageRating());
        if (rating.isPresent() && !b.path("ageRatingLocked").asBoolean() && b.path("ageRating").asInt() != rating.get()) {
            b.put("ageRating", rating.get()).put("ageRatingLocked", true);
        }
        String language = m.series().language();
        if (!language.isBlank() && !b.path("languageLocked").asBoolean() && !language.equals(b.path("language").asText())) {
            b.put("language", language).put("languageLocked", true);
        }
        int year = m.series().yearBegan().orElse(0);
        if (year >= 1000 && !b.path("releaseYearLocked").asBoolean() && b.path("releaseYear").asInt() != year) {
            b.put("releaseYear", year).put("releaseYearLocked", true);
        }
        return b;
    }

    /**
     * Before file mode's rescan: the update that locks what the rescan would otherwise wipe. Kavita replaces every
     * unlocked people role, genres and tags with the file's ComicInfo, and sets the age rating to Unknown when the
     * file has none (kavita-api.md §6.1); lists Metron has nothing for, and an age rating it lacks, are locked here.
     * The four locks the API does not show are sent unlocked, so the rescan can apply the file's title and date.
     *
     * @param ch the {@code ChapterDto} just read
     * @param m  what will be written into the file
     * @return the update, or empty when nothing needs protecting
     */
    static Optional<ObjectNode> protectBeforeRescan(JsonNode ch, ComicMetadata m) {
        ObjectNode b = chapterUpdate(ch, ComicMetadata.EMPTY);
        b.put("titleName", ch.path("titleName").asText("")).put("releaseDate", ch.path("releaseDate").asText(NO_DATE))
                .put("isbn", ch.path("isbn").asText(""));
        List.of("titleNameLocked", "releaseDateLocked", "isbnLocked", "sortOrderLocked").forEach(l -> b.put(l, false));
        boolean changed = false;
        Map<String, List<String>> people = KavitaRoles.people(m);
        for (KavitaRoles.Role r : KavitaRoles.ROLES) {
            changed |= protect(b, ch, r.list(), people.getOrDefault(r.list(), List.of()).isEmpty(), r.lock());
        }
        changed |= protect(b, ch, "genres", KavitaRoles.names(m.genres()).isEmpty(), "genresLocked");
        changed |= protect(b, ch, "tags", KavitaRoles.names(m.tags()).isEmpty(), "tagsLocked");
        if (ch.path("ageRating").asInt(0) != 0 && !ch.path("ageRatingLocked").asBoolean()
                && KavitaRoles.ageRating(m.ageRating()).isEmpty()) {
            b.put("ageRatingLocked", true);
            changed = true;
        }
        return changed ? Optional.of(b) : Optional.empty();
    }

    /** The ComicInfo role each Kavita people list is written as (through the core's credit mapping). */
    private static final Map<String, String> CREDIT_ROLE = Map.of("writers", "Writer", "pencillers", "Penciller",
            "inkers", "Inker", "colorists", "Colorist", "letterers", "Letterer", "coverArtists", "Cover",
            "editors", "Editor", "translators", "Translator");

    /**
     * What file mode writes: Metron's metadata, plus the chapter's current people, genres and tags for every list
     * Metron has nothing for, so the rescan, which replaces each unlocked list with the file's (and wipes it when the
     * file has none), keeps them. Team and Location locks cannot be set through the API (§5.1), so this is their only
     * protection. {@code Series}, {@code Volume} and {@code Format} decide which series, volume and chapter a file
     * belongs to (§6.6, §6.7): the series keeps Kavita's name, and no volume or format is written, so the rescan
     * cannot move the file to a new chapter (a new id, and the reading progress lost).
     *
     * @param ch         the {@code ChapterDto} just read
     * @param m          Metron's metadata
     * @param seriesName Kavita's name of the chapter's series, or null if unknown
     * @return the metadata to write
     */
    static ComicMetadata forFile(JsonNode ch, ComicMetadata m, String seriesName) {
        ComicMetadata.Builder b = m.toBuilder();
        b.series(m.series().toBuilder().name(seriesName == null || seriesName.isBlank() ? m.series().name() : seriesName)
                .volume(java.util.OptionalInt.empty()).format("").build());
        Map<String, List<String>> ours = KavitaRoles.people(m);
        for (KavitaRoles.Role r : KavitaRoles.ROLES) {
            List<String> current = new ArrayList<>();
            ch.path(r.list()).forEach(p -> current.add(p.path("name").asText()));
            if (current.isEmpty() || ours.containsKey(r.list())) {
                continue;
            }
            switch (r.list()) {
                case "publishers" -> b.publisher(Resource.of(current.get(0)));
                case "imprints" -> b.imprint(Resource.of(current.get(0)));
                case "characters" -> current.forEach(n -> b.addCharacter(Resource.of(n)));
                case "teams" -> current.forEach(n -> b.addTeam(Resource.of(n)));
                case "locations" -> current.forEach(n -> b.addLocation(Resource.of(n)));
                default -> current.forEach(n -> b.addCredit(Credit.of(n, CREDIT_ROLE.get(r.list()))));
            }
        }
        if (KavitaRoles.names(m.genres()).isEmpty()) {
            ch.path("genres").forEach(g -> b.addGenre(Resource.of(g.path("title").asText())));
        }
        if (KavitaRoles.names(m.tags()).isEmpty()) {
            ch.path("tags").forEach(t -> b.addTag(Resource.of(t.path("title").asText())));
        }
        return b.build();
    }

    private static boolean protect(ObjectNode b, JsonNode ch, String list, boolean metronHasNone, String lock) {
        if (metronHasNone && ch.path(list).size() > 0 && !ch.path(lock).asBoolean()) {
            b.put(lock, true);
            return true;
        }
        return false;
    }

    private static void text(ObjectNode b, JsonNode ch, String field, String value, String lock) {
        if (value != null && !value.isBlank() && !ch.path(lock).asBoolean()) {
            b.put(field, value.strip()).put(lock, true);
        } else {
            b.put(field, ch.path(field).asText(""));
        }
    }

    private static void list(ObjectNode b, JsonNode ch, String field, String key, List<String> ours, String lock) {
        if (!ours.isEmpty() && !ch.path(lock).asBoolean()) {
            b.set(field, objects(ours, key));
            b.put(lock, true);
        } else {
            List<String> current = new ArrayList<>();
            ch.path(field).forEach(p -> current.add(p.path(key).asText()));
            b.set(field, objects(current, key));
        }
    }

    private static List<String> names(JsonNode list, String key) {
        List<String> out = new ArrayList<>();
        list.forEach(p -> out.add(p.path(key).asText()));
        return out;
    }

    private static boolean sameNames(JsonNode current, String key, List<String> names) {
        Set<String> a = new LinkedHashSet<>();
        current.forEach(p -> a.add(KavitaRoles.normalize(p.path(key).asText())));
        Set<String> c = new LinkedHashSet<>();
        names.forEach(n -> c.add(KavitaRoles.normalize(n)));
        return a.equals(c);
    }

    private static ArrayNode objects(List<String> names, String key) {
        ArrayNode a = KavitaClient.JSON.createArrayNode();
        names.forEach(n -> a.addObject().put("id", 0).put(key, n));
        return a;
    }

    private static String links(String current, List<WebLink> ours) {
        Set<String> all = new LinkedHashSet<>();
        for (String l : current.split(",")) {
            if (!l.isBlank()) {
                all.add(l.strip());
            }
        }
        ours.stream().map(WebLink::url).filter(u -> !u.isBlank() && !u.contains(",")).forEach(all::add);
        return String.join(",", all);
    }

    private static Optional<LocalDate> releaseDate(ComicMetadata m) {
        return m.coverDate().map(PartialDate::firstDay).or(m::storeDate);
    }
}
