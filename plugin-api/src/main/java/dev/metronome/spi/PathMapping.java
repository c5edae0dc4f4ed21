package dev.metronome.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a library server's file paths (often inside a container, e.g. {@code /data/comics/...}; {@code \\} separators
 * of a Windows server normalised) to paths on this machine, by prefix, for adapters' {@code path-map} setting. The
 * longest matching prefix wins; a path no prefix matches is taken as it is. A library with several folders needs one
 * rule per folder unless they share a parent.
 */
public final class PathMapping {

    private record Rule(String server, Path local) {
    }

    private final List<Rule> rules;

    private PathMapping(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.server().length()).reversed()).toList();
    }

    /**
     * Parses rules written {@code SERVER_PREFIX=LOCAL_PREFIX}.
     *
     * @param specs the rules, e.g. {@code /data=/mnt/nas/comics}
     * @return the mapping
     * @throws IllegalArgumentException naming a rule without {@code =}
     */
    public static PathMapping parse(List<String> specs) {
        return parse(specs, "SERVER");
    }

    /**
     * Parses rules written {@code SERVER_PREFIX=LOCAL_PREFIX}, naming the server in the message for a bad rule.
     *
     * @param specs  the rules, e.g. {@code /comics=/mnt/nas/comics}
     * @param server the server's name in upper case, e.g. {@code KAVITA} (the message then says
     *               {@code KAVITA_PATH=LOCAL_PATH})
     * @return the mapping
     * @throws IllegalArgumentException naming a rule without {@code =}
     */
    public static PathMapping parse(List<String> specs, String server) {
        List<Rule> rules = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("A path mapping is written " + server + "_PATH=LOCAL_PATH, got '"
                        + spec + "'");
            }
            rules.add(new Rule(trimSlash(spec.substring(0, eq).replace('\\', '/')), Path.of(spec.substring(eq + 1))));
        }
        return new PathMapping(rules);
    }

    /**
     * The local path of a server path.
     *
     * @param serverPath the path as the server reports it (Komga's {@code BookDto.url}, Kavita's {@code filePath})
     * @return the local path
     */
    public Path toLocal(String serverPath) {
        String p = serverPath.replace('\\', '/');
        for (Rule r : rules) {
            if (p.equals(r.server()) || p.startsWith(r.server() + "/")) {
                String rest = p.substring(r.server().length());
                return rest.isEmpty() ? r.local() : r.local().resolve(rest.substring(1));
            }
        }
        return Path.of(serverPath);
    }

    /**
     * The server path of a local path, if a rule covers it.
     *
     * @param local the local path
     * @return the server path
     */
    public Optional<String> toServer(Path local) {
        for (Rule r : rules) {
            if (local.startsWith(r.local())) {
                String rest = r.local().relativize(local).toString().replace('\\', '/');
                return Optional.of(rest.isEmpty() ? r.server() : r.server() + "/" + rest);
            }
        }
        return Optional.empty();
    }

    private static String trimSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
