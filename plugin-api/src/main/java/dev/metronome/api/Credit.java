package dev.metronome.api;

import java.util.Arrays;
import java.util.List;

/**
 * One creator and the roles they had on an issue. Role names are Metron's ({@code "Writer"},
 * {@code "Penciller"}, {@code "Editor In Chief"}...) or, when read from ComicInfo.xml, the ComicInfo field
 * name ({@code "CoverArtist"} reads as {@code "Cover"}).
 *
 * @param person the creator (name, and id in the primary source if known)
 * @param roles  the roles, in source order
 */
public record Credit(Resource person, List<Resource> roles) {

    /** Normalises {@code null}s. */
    public Credit {
        person = Values.or(person, Resource.of(""));
        roles = Values.list(roles);
    }

    /** A credit for a named person with role names and no ids. */
    public static Credit of(String person, String... roles) {
        return new Credit(Resource.of(person), Arrays.stream(roles).map(Resource::of).toList());
    }

    /** The creator's name. */
    public String name() {
        return person.name();
    }

    /** The role names. */
    public List<String> roleNames() {
        return roles.stream().map(Resource::name).toList();
    }

    /** Whether one of the roles has this name, ignoring case. */
    public boolean hasRole(String roleName) {
        return roles.stream().anyMatch(role -> role.name().equalsIgnoreCase(roleName));
    }
}
