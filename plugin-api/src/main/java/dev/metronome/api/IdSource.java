package dev.metronome.api;

import java.util.Locale;
import java.util.Optional;

/** A database that identifies comics, with its name as written in MetronInfo.xml. */
public enum IdSource {
    METRON("Metron"),
    COMIC_VINE("Comic Vine"),
    GCD("Grand Comics Database"),
    MARVEL("Marvel"),
    LEAGUE_OF_COMIC_GEEKS("League of Comic Geeks"),
    ANILIST("AniList"),
    KITSU("Kitsu"),
    MANGADEX("MangaDex"),
    MANGAUPDATES("MangaUpdates"),
    MYANIMELIST("MyAnimeList");

    private final String metronInfoName;

    IdSource(String metronInfoName) {
        this.metronInfoName = metronInfoName;
    }

    /** The name used by MetronInfo.xml's {@code source} attribute. */
    public String metronInfoName() {
        return metronInfoName;
    }

    /**
     * Finds a source by its MetronInfo name or constant name, ignoring case, spaces and punctuation
     * ({@code "comicvine"}, {@code "Comic Vine"}, {@code "GCD"} all work).
     */
    public static Optional<IdSource> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = squash(text);
        for (IdSource source : values()) {
            if (squash(source.metronInfoName).equals(key) || squash(source.name()).equals(key)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    private static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
