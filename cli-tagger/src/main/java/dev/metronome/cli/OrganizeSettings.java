package dev.metronome.cli;

import dev.metronome.organize.NameTemplate;
import dev.metronome.organize.SidecarPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of {@code organize}, {@code undo} and {@code duplicates}: the journal folder, the template, what
 * happens to side files, the folders library servers serve, and whether {@code serve folder} organises.
 */
final class OrganizeSettings {

    /** A folder a library server serves. */
    record ServerLibrary(String server, Path folder) {
    }

    private OrganizeSettings() {
    }

    static void pick(Map<String, Settings.Value> values, Map<String, String> env, Path home, Properties file) {
        values.put(Settings.KEY_JOURNAL_DIR, Settings.pick(null, null, env, "METRONOME_JOURNAL_DIR", file,
                Settings.KEY_JOURNAL_DIR, defaultJournalDir(env, home).toString(), false));
        values.put(Settings.KEY_TEMPLATE, Settings.pick(null, null, env, null, file, Settings.KEY_TEMPLATE, NameTemplate.DEFAULT, false));
        values.put(Settings.KEY_SIDECARS, Settings.pick(null, null, env, null, file, Settings.KEY_SIDECARS, "move", false));
        values.put(Settings.KEY_SERVER_LIBRARIES, Settings.pick(null, null, env, null, file, Settings.KEY_SERVER_LIBRARIES, null, false));
        values.put(Settings.KEY_FOLDER_ORGANIZE, Settings.pick(null, null, env, null, file, Settings.KEY_FOLDER_ORGANIZE, "false", false));
    }

    /** {@code $XDG_STATE_HOME/metronome/journal} or {@code ~/.local/state/metronome/journal}. */
    static Path defaultJournalDir(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path state = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state");
        return state.resolve("metronome").resolve("journal");
    }

    static Path journalDir(Settings settings, Path option) {
        return option != null ? option : Path.of(settings.get(Settings.KEY_JOURNAL_DIR));
    }

    static String template(Settings settings, String option) {
        return option != null ? option : settings.get(Settings.KEY_TEMPLATE);
    }

    static SidecarPolicy sidecars(Settings settings, SidecarPolicy option) {
        if (option != null) {
            return option;
        }
        String value = settings.get(Settings.KEY_SIDECARS).strip().toUpperCase(Locale.ROOT);
        try {
            return SidecarPolicy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.CONFIGURATION, "bad " + Settings.KEY_SIDECARS + " value '" + value.toLowerCase(Locale.ROOT)
                    + "': move or keep");
        }
    }

    static boolean folderOrganize(Settings settings) {
        return Boolean.parseBoolean(settings.get(Settings.KEY_FOLDER_ORGANIZE).strip());
    }

    /** The configured server libraries: {@code komga=/srv/comics;kavita=/data/manga} (a bare path is a server too). */
    static List<ServerLibrary> serverLibraries(Settings settings) {
        String value = settings.get(Settings.KEY_SERVER_LIBRARIES);
        List<ServerLibrary> libraries = new ArrayList<>();
        if (value == null) {
            return libraries;
        }
        for (String item : value.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String server = eq > 0 ? item.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "server";
            libraries.add(new ServerLibrary(server, Path.of(item.substring(eq + 1).strip()).toAbsolutePath().normalize()));
        }
        return libraries;
    }

    /** What moving files inside a server's library does there, per server. */
    static String consequence(String server) {
        return switch (server) {
            case "komga" -> "Komga keys books by path: at its next scan each moved book is soft-deleted and added again as "
                    + "a new book, losing its read progress, read lists and chosen poster (empty Komga's trash afterwards)";
            case "kavita" -> "Kavita keys files by path: at its next scan a moved file is removed and added again, so "
                    + "reading progress on it can be lost, and a file that changes folder can change series";
            default -> "a library server that keys books by path sees each moved file as a removed book and a new one "
                    + "at its next scan, and can lose its reading state";
        };
    }
}
