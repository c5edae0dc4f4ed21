package dev.metronome.organize;

import java.util.ArrayList;
import java.util.List;

/**
 * A file-name template such as {@value #DEFAULT}.
 *
 * <ul>
 *   <li>{@code {token}} inserts a value (see {@link Token}); {@code {number:3}} zero-pads a number's integer part;</li>
 *   <li>{@code [...]} is optional: it vanishes when any token inside it is empty ({@code [ v{volume}]});</li>
 *   <li>{@code /} starts a folder; a folder whose name comes out empty is left out;</li>
 *   <li>{@code [[ ]] {{ }}} are literal brackets and braces.</li>
 * </ul>
 * Outside {@code [...]}, an empty value leaves its neighbours' empty brackets behind: {@code ()} and {@code []}
 * with nothing inside are removed. When the file name does not end in {@code .{ext}}, the archive's extension is
 * added. Parsing checks everything once; a bad template is a {@link TemplateException} naming the column.
 */
public final class NameTemplate {

    /** The layout Komga, Kavita and Mylar users keep. */
    public static final String DEFAULT = "{publisher}/{series} ({year_began})/{series} {number:3} ({year}).{ext}";

    private static final char SEPARATOR = '\u0000';
    private static final java.util.regex.Pattern EMPTY_BRACKETS = java.util.regex.Pattern.compile("\\(\\s*\\)|\\[\\s*\\]|\\{\\s*\\}");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private sealed interface Part permits Literal, TokenRef, Optional, Separator {
    }

    private record Literal(String text) implements Part {
    }

    private record TokenRef(Token token, int width) implements Part {
    }

    private record Optional(List<Part> parts) implements Part {
    }

    private record Separator() implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private NameTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** The template as written. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Parses a template; {@code null} or blank means {@link #DEFAULT}. */
    public static NameTemplate parse(String template) {
        String text = template == null || template.isBlank() ? DEFAULT : template.strip();
        if (text.startsWith("/") || text.startsWith("\\")) {
            throw new TemplateException(text, 0, "a template is relative to the library, it cannot start with '/'");
        }
        List<Part> parts = new ArrayList<>();
        List<Part> optional = null;
        int optionalStart = -1;
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            List<Part> target = optional != null ? optional : parts;
            if ((c == '{' || c == '}' || c == '[' || c == ']') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
                continue;
            }
            switch (c) {
                case '{' -> {
                    int close = text.indexOf('}', i);
                    int nextOpen = text.indexOf('{', i + 1);
                    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                        throw new TemplateException(text, i, "'{' is never closed");
                    }
                    flush(literal, target);
                    target.add(token(text, i, text.substring(i + 1, close)));
                    i = close + 1;
                }
                case '}' -> throw new TemplateException(text, i, "'}' closes nothing (write '}}' for a brace)");
                case '[' -> {
                    if (optional != null) {
                        throw new TemplateException(text, i, "'[' inside an optional part (they do not nest; write '[[' for a bracket)");
                    }
                    flush(literal, parts);
                    optional = new ArrayList<>();
                    optionalStart = i;
                    i++;
                }
                case ']' -> {
                    if (optional == null) {
                        throw new TemplateException(text, i, "']' closes nothing (write ']]' for a bracket)");
                    }
                    flush(literal, optional);
                    if (optional.stream().noneMatch(p -> p instanceof TokenRef)) {
                        throw new TemplateException(text, optionalStart, "the optional part has no {token}");
                    }
                    parts.add(new Optional(List.copyOf(optional)));
                    optional = null;
                    i++;
                }
                case '/', '\\' -> {
                    flush(literal, target);
                    target.add(new Separator());
                    i++;
                }
                default -> {
                    literal.append(c);
                    i++;
                }
            }
        }
        if (optional != null) {
            throw new TemplateException(text, optionalStart, "'[' is never closed");
        }
        flush(literal, parts);
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Separator) {
            throw new TemplateException(text, text.length() - 1, "the template ends with '/', it needs a file name");
        }
        if (parts.stream().noneMatch(p -> p instanceof TokenRef || p instanceof Optional)) {
            throw new TemplateException(text, 0, "the template has no {token}, every file would get the same name");
        }
        return new NameTemplate(text, List.copyOf(parts));
    }

    private static Part token(String text, int at, String body) {
        String name = body;
        int width = 0;
        int colon = body.indexOf(':');
        if (colon >= 0) {
            name = body.substring(0, colon);
            String spec = body.substring(colon + 1).strip();
            if (!spec.matches("\\d{1,2}")) {
                throw new TemplateException(text, at + 1 + colon, "padding '" + spec + "' in {" + body + "} is not a width such as 3");
            }
            width = Integer.parseInt(spec);
        }
        if (name.isBlank()) {
            throw new TemplateException(text, at, "empty token {" + body + "}");
        }
        String tokenName = name;
        Token token = Token.byName(tokenName).orElseThrow(() -> new TemplateException(text, at,
                "unknown token {" + body + "}" + suggestion(tokenName) + "; known: " + Token.names()));
        if (width > 0 && !token.paddable()) {
            throw new TemplateException(text, at, "{" + token.key() + "} cannot be padded, only numbers can");
        }
        return new TokenRef(token, width);
    }

    private static String suggestion(String name) {
        String wanted = name.strip().toLowerCase(java.util.Locale.ROOT);
        Token best = null;
        int bestDistance = 3;
        for (Token token : Token.values()) {
            int d = distance(wanted, token.key());
            if (d < bestDistance) {
                best = token;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean {" + best.key() + "}?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static void flush(StringBuilder literal, List<Part> target) {
        if (!literal.isEmpty()) {
            target.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /**
     * The relative path for one archive: folder names, then the file name, each safe on every file system, the
     * whole within the path limit.
     */
    public List<String> render(IssueFields fields, SafeNames names) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Optional optional) {
                StringBuilder inner = new StringBuilder();
                boolean complete = true;
                for (Part p : optional.parts()) {
                    String value = append(p, fields, names, inner);
                    complete &= value == null || !value.isEmpty();
                }
                if (complete) {
                    out.append(inner);
                }
            } else {
                append(part, fields, names, out);
            }
        }
        List<String> raw = new ArrayList<>(List.of(out.toString().split(String.valueOf(SEPARATOR), -1)));
        String ext = fields.ext();
        String fileStem = dropEmptyBrackets(raw.remove(raw.size() - 1));
        if (!ext.isEmpty() && fileStem.toLowerCase(java.util.Locale.ROOT).endsWith("." + ext.toLowerCase(java.util.Locale.ROOT))) {
            fileStem = fileStem.substring(0, fileStem.length() - ext.length() - 1);
        }
        List<String> result = new ArrayList<>();
        for (String folder : raw) {
            String safe = names.folder(dropEmptyBrackets(folder));
            if (!safe.isEmpty()) {
                result.add(safe);
            }
        }
        String stem = names.tidy(fileStem);
        result.add(names.file(stem.isEmpty() ? fields.fileName() : stem, ext));
        return names.fitPath(result, ext);
    }

    /** Appends a part; returns the token's value ("" when empty), or null for a literal or separator. */
    private static String append(Part part, IssueFields fields, SafeNames names, StringBuilder out) {
        if (part instanceof Literal literal) {
            out.append(literal.text());
            return null;
        }
        if (part instanceof Separator) {
            out.append(SEPARATOR);
            return null;
        }
        TokenRef ref = (TokenRef) part;
        String value = ref.token().valueOf(fields);
        if (ref.token() == Token.NUMBER) {
            value = ReadableNumbers.readable(value);
        }
        if (ref.width() > 0 && !value.isEmpty()) {
            value = ReadableNumbers.pad(value, ref.width());
        }
        value = names.value(value);
        out.append(value);
        return value.strip();
    }

    private static String dropEmptyBrackets(String text) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = EMPTY_BRACKETS.matcher(current).replaceAll("");
        } while (!current.equals(previous));
        return SPACES.matcher(current).replaceAll(" ").strip();
    }
}
