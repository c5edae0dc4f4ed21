package dev.metronome.comicinfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ComicInfo's comma-separated name lists ({@code "Roger Stern, Marie Severin"}), with names that contain a
 * comma handled:
 * <ul>
 *   <li>a suffix stays with its name: {@code "Roy Thomas, Jr., Gil Kane"} reads as {@code Roy Thomas, Jr.} and
 *       {@code Gil Kane}, and such a name is written back unchanged;</li>
 *   <li>a person written {@code "Last, First"} is written {@code "First Last"} (one comma, two parts, no
 *       suffix);</li>
 *   <li>any other comma inside a name is written as a space, so the list stays readable.</li>
 * </ul>
 * Semicolons also separate names when reading, as some taggers use them.
 */
public final class NameList {

    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "esq", "esq.", "phd", "ph.d.", "md");
    private static final Pattern SEPARATOR = Pattern.compile("[,;]");

    private NameList() {
    }

    /** The names in a list, trimmed, suffixes re-attached, empty parts dropped. */
    public static List<String> split(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        for (String part : SEPARATOR.split(text)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (isSuffix(name) && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + ", " + name);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** The list text for person names: see the class documentation. Names appear once each, ignoring case. */
    public static String joinPeople(List<String> names) {
        return join(names, true);
    }

    /** The list text for other names (characters, genres...): commas inside a name become spaces. */
    public static String joinNames(List<String> names) {
        return join(names, false);
    }

    private static String join(List<String> names, boolean people) {
        List<String> written = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            String text = people ? personForList(name.strip()) : name.strip().replaceAll("\\s*[,;]\\s*", " ");
            if (!text.isEmpty() && seen.add(text.toLowerCase(Locale.ROOT))) {
                written.add(text);
            }
        }
        return String.join(", ", written);
    }

    private static String personForList(String name) {
        if (name.indexOf(',') < 0 && name.indexOf(';') < 0) {
            return name;
        }
        String[] parts = name.split("\\s*,\\s*");
        if (parts.length == 2 && isSuffix(parts[1]) && parts[0].indexOf(';') < 0) {
            return parts[0] + ", " + parts[1];
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() && name.indexOf(';') < 0) {
            return parts[1] + " " + parts[0];
        }
        return name.replaceAll("\\s*[,;]\\s*", " ").strip();
    }

    private static boolean isSuffix(String part) {
        return SUFFIXES.contains(part.strip().toLowerCase(Locale.ROOT));
    }
}
