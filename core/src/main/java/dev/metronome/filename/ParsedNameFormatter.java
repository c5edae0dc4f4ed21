package dev.metronome.filename;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ParsedName} as the multi-line text printed by {@code metronome parse NAME}: one line
 * per field with its confidence, "not found" for a missing series or issue number, then the notes that
 * explain each decision, so a user can see why a file did not match.
 */
public final class ParsedNameFormatter {

    private static final String FORMAT = "  %-14s%s%n";

    /** Creates a formatter; it holds no state. */
    public ParsedNameFormatter() {
        // stateless
    }

    /**
     * Formats one result.
     *
     * @param parsed the parse result
     * @return the text, ending with a line break
     */
    public String format(ParsedName parsed) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(parsed.input()).append(System.lineSeparator());
        if (!parsed.folders().isEmpty()) {
            line(sb, "folders", String.join(" / ", parsed.folders()));
        }
        if (!parsed.archive().isEmpty()) {
            line(sb, "archive", parsed.archive());
        }
        required(sb, "series", parsed.series());
        if (parsed.issue().present()) {
            IssueNumber n = parsed.issue().value();
            String sort = Double.isInfinite(n.sortKey()) ? "last" : trim(n.sortKey());
            line(sb, "issue", n.normalized() + (n.raw().equals(n.normalized()) ? "" : " (written " + n.raw() + ")")
                    + ", sorts as " + sort + confidence(parsed.issue()));
        } else {
            line(sb, "issue", "not found");
        }
        optional(sb, "volume", parsed.volume());
        optional(sb, "volume count", parsed.volumeCount());
        optional(sb, "year", parsed.year());
        optional(sb, "issue count", parsed.issueCount());
        optional(sb, "title", parsed.title());
        optional(sb, "publisher", parsed.publisher());
        optional(sb, "alt. number", parsed.alternateNumber());
        if (!parsed.flags().isEmpty()) {
            StringBuilder flags = new StringBuilder();
            for (Map.Entry<ParseFlag, Double> e : parsed.flagConfidence().entrySet()) {
                if (flags.length() > 0) {
                    flags.append(", ");
                }
                flags.append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ').append(percent(e.getValue()));
            }
            line(sb, "flags", flags.toString());
        }
        optional(sb, "scan group", parsed.scanGroup());
        if (!parsed.variantHints().isEmpty()) {
            line(sb, "variant", String.join("; ", parsed.variantHints()));
        }
        if (!parsed.tags().isEmpty()) {
            line(sb, "other info", String.join("; ", parsed.tags()));
        }
        if (!parsed.remainder().isEmpty()) {
            line(sb, "remainder", parsed.remainder());
        }
        for (String note : parsed.notes()) {
            line(sb, "why", note);
        }
        return sb.toString();
    }

    private static void required(StringBuilder sb, String label, Field<?> field) {
        line(sb, label, field.present() ? field.value() + confidence(field) : "not found");
    }

    private static void optional(StringBuilder sb, String label, Field<?> field) {
        if (field.present()) {
            line(sb, label, field.value() + confidence(field));
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, FORMAT, label + ":", value));
    }

    private static String confidence(Field<?> field) {
        return "  [" + percent(field.confidence()) + "]";
    }

    private static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    private static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
