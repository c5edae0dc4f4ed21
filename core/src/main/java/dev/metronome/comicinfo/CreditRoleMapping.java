package dev.metronome.comicinfo;

import dev.metronome.api.Credit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which ComicInfo.xml credit element each Metron role goes to. Role names match ignoring case.
 *
 * <table>
 *   <caption>Metron roles to ComicInfo elements</caption>
 *   <tr><th>Metron role</th><th>ComicInfo element</th></tr>
 *   <tr><td>Writer, Script, Story, Plot</td><td>Writer</td></tr>
 *   <tr><td>Penciller, Artist, Breakdowns, Layouts</td><td>Penciller</td></tr>
 *   <tr><td>Inker, Artist, Finishes</td><td>Inker</td></tr>
 *   <tr><td>Colorist, Color Separations</td><td>Colorist</td></tr>
 *   <tr><td>Letterer</td><td>Letterer</td></tr>
 *   <tr><td>Cover</td><td>CoverArtist</td></tr>
 *   <tr><td>Editor, Editor In Chief, Assistant Editor, Associate Editor, Consulting Editor</td><td>Editor</td></tr>
 *   <tr><td>Translator</td><td>Translator (v2.1 only)</td></tr>
 * </table>
 *
 * <p>"Artist" goes to both Penciller and Inker. Every other role (Color Assists, Designer, Production,
 * Group Editor, Publisher...) has no ComicInfo element and is left out of ComicInfo.xml (MetronInfo.xml keeps
 * it). Within an element, names appear once each (ignoring case), in credit order. Reading ComicInfo.xml
 * gives each name the role of {@link CreditField#role()}.
 */
public final class CreditRoleMapping {

    private static final Map<String, Set<CreditField>> BY_ROLE = new LinkedHashMap<>();

    static {
        map(CreditField.WRITER, "Writer", "Script", "Story", "Plot");
        map(CreditField.PENCILLER, "Penciller", "Artist", "Breakdowns", "Layouts");
        map(CreditField.INKER, "Inker", "Artist", "Finishes");
        map(CreditField.COLORIST, "Colorist", "Color Separations");
        map(CreditField.LETTERER, "Letterer");
        map(CreditField.COVER_ARTIST, "Cover", "CoverArtist", "Cover Artist");
        map(CreditField.EDITOR, "Editor", "Editor In Chief", "Assistant Editor", "Associate Editor", "Consulting Editor");
        map(CreditField.TRANSLATOR, "Translator");
    }

    private CreditRoleMapping() {
    }

    private static void map(CreditField field, String... roles) {
        for (String role : roles) {
            BY_ROLE.computeIfAbsent(key(role), k -> EnumSet.noneOf(CreditField.class)).add(field);
        }
    }

    private static String key(String role) {
        return role.strip().toLowerCase(Locale.ROOT);
    }

    /** The ComicInfo elements a role goes to; empty for roles ComicInfo cannot hold. */
    public static Set<CreditField> fieldsFor(String role) {
        Set<CreditField> fields = BY_ROLE.get(key(role));
        return fields == null ? Set.of() : Set.copyOf(fields);
    }

    /** The names for each ComicInfo element, de-duplicated ignoring case, in credit order. */
    public static Map<CreditField, List<String>> toFields(List<Credit> credits) {
        Map<CreditField, Map<String, String>> names = new EnumMap<>(CreditField.class);
        for (Credit credit : credits) {
            if (credit.name().isEmpty()) {
                continue;
            }
            for (String role : credit.roleNames()) {
                for (CreditField field : fieldsFor(role)) {
                    names.computeIfAbsent(field, f -> new LinkedHashMap<>()).putIfAbsent(credit.name().toLowerCase(Locale.ROOT), credit.name());
                }
            }
        }
        Map<CreditField, List<String>> result = new EnumMap<>(CreditField.class);
        names.forEach((field, byKey) -> result.put(field, List.copyOf(byKey.values())));
        return result;
    }

    /** The roles of a credit that ComicInfo cannot hold. */
    public static List<String> unmappedRoles(Credit credit) {
        List<String> unmapped = new ArrayList<>();
        for (String role : credit.roleNames()) {
            if (fieldsFor(role).isEmpty()) {
                unmapped.add(role);
            }
        }
        return unmapped;
    }
}
