package dev.metronome.kavita;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kavita's file paths (absolute, {@code /} separators, often inside a container) mapped to paths on this machine by
 * prefix, {@code KAVITA_PREFIX=LOCAL_PREFIX}; the longest prefix wins, an unmapped path is taken as it is. A library
 * with several folders needs one rule per folder unless they share a parent.
 */
final class KavitaPaths {

    private record Rule(String server, Path local) {
    }

    private final List<Rule> rules;

    private KavitaPaths(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.server().length()).reversed()).toList();
    }

    /**
     * Parses the rules.
     *
     * @param specs e.g. {@code /comics=/mnt/nas/comics}
     * @return the mapping
     * @throws IllegalArgumentException naming a rule without {@code =}
     */
    static KavitaPaths parse(List<String> specs) {
        List<Rule> rules = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("A path mapping is written KAVITA_PATH=LOCAL_PATH, got '" + spec + "'");
            }
            String server = spec.substring(0, eq).replace('\\', '/');
            rules.add(new Rule(server.length() > 1 && server.endsWith("/") ? server.substring(0, server.length() - 1) : server,
                    Path.of(spec.substring(eq + 1))));
        }
        return new KavitaPaths(rules);
    }

    /**
     * The local path of a Kavita path.
     *
     * @param serverPath e.g. {@code /comics/Saga/Saga 001.cbz}
     * @return the local path
     */
    Path toLocal(String serverPath) {
        for (Rule r : rules) {
            if (serverPath.equals(r.server()) || serverPath.startsWith(r.server() + "/")) {
                String rest = serverPath.substring(r.server().length());
                return rest.isEmpty() ? r.local() : r.local().resolve(rest.substring(1));
            }
        }
        return Path.of(serverPath);
    }
}
