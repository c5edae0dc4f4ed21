package dev.metronome.metron;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a kind of JSON record, learned from real examples: every field path ({@code series.genres[].name}),
 * the JSON types seen there ({@code string, int, float, bool, object, array, null}), and whether it was present in
 * every example. A record matches when it has the same field names (besides documented later additions), a type
 * seen in the examples for each, and null only where the examples or the documentation allow it.
 */
final class JsonShape {

    private final String name;
    private final Map<String, Set<String>> types = new TreeMap<>();
    private final Map<String, Integer> seen = new TreeMap<>();
    private final Map<String, Integer> parents = new TreeMap<>();

    JsonShape(String name) {
        this.name = name;
    }

    /** Learns from one real record. */
    JsonShape learn(JsonNode example) {
        walk(example, "", (path, node) -> {
            types.computeIfAbsent(path, k -> new TreeSet<>()).add(type(node));
            seen.merge(path, 1, Integer::sum);
        }, path -> parents.merge(path, 1, Integer::sum));
        return this;
    }

    /** The fields present and non-null in every example whose parent object was present: what a client may require. */
    Set<String> required() {
        Set<String> required = new TreeSet<>();
        types.forEach((path, t) -> {
            int parentCount = parents.getOrDefault(parent(path), 0);
            if (!path.endsWith("[]") && !t.contains("null") && seen.get(path) >= parentCount && parentCount > 0) {
                required.add(path);
            }
        });
        return required;
    }

    /**
     * The problems of one served record.
     *
     * @param what       names the record in messages
     * @param record     the record
     * @param additions  field paths the current server added after the recordings (allowed, unchecked)
     * @param nullable   field paths documented as nullable though no example shows a null
     * @param problems   where the problems go
     */
    void check(String what, JsonNode record, Set<String> additions, Set<String> nullable, List<String> problems) {
        Set<String> present = new TreeSet<>();
        Set<String> objects = new TreeSet<>();
        walk(record, "", (path, node) -> {
            present.add(path);
            if (additions.stream().anyMatch(a -> path.equals(a) || path.startsWith(a + ".") || path.startsWith(a + "["))) {
                return;
            }
            Set<String> known = types.get(path);
            String t = type(node);
            if (known == null) {
                problems.add(name + ": field " + path + " is not in the real responses (" + what + ")");
            } else if (t.equals("null")) {
                if (!known.contains("null") && !nullable.contains(path)) {
                    problems.add(name + ": " + path + " is null, which the real server never sends (" + what + ")");
                }
            } else if (!known.contains(t) && !(known.size() == 1 && known.contains("null"))) {
                problems.add(name + ": " + path + " is " + t + ", the real server sends " + known + " (" + what + ")");
            }
        }, objects::add);
        for (String path : types.keySet()) {
            if (!path.endsWith("[]") && objects.contains(parent(path)) && !present.contains(path)) {
                problems.add(name + ": field " + path + " is missing (" + what + ")");
            }
        }
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    /** Visits every field (and array element, as {@code path[]}); tells which object paths exist. */
    private static void walk(JsonNode node, String path, Visitor visitor, java.util.function.Consumer<String> object) {
        if (node.isObject()) {
            object.accept(path);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                visitor.visit(child, field.getValue());
                walk(field.getValue(), child, visitor, object);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                visitor.visit(path + "[]", element);
                walk(element, path + "[]", visitor, object);
            }
        }
    }

    static String type(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isObject() ? "object" : "array";
    }

    /** Groups problems by their text without the record name: one line per kind of problem, with a count. */
    static List<String> summary(List<String> problems) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (String p : problems) {
            String key = p.replaceAll(" \\(.*\\)$", "");
            counts.merge(key, 1, Integer::sum);
            example.putIfAbsent(key, p);
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((k, n) -> lines.add(n + " x " + example.get(k)));
        return lines;
    }
}
