package dev.metronome.organize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The values a name template can name, written {@code {name}} or, for numbers, {@code {name:width}}. */
public enum Token {
    SERIES("series", IssueFields::series, false),
    SORT_NAME("sort_name", IssueFields::sortName, false, "sortname", "series_sort"),
    VOLUME("volume", IssueFields::volume, true),
    YEAR_BEGAN("year_began", IssueFields::yearBegan, false, "start_year"),
    NUMBER("number", IssueFields::number, true, "issue"),
    TITLE("title", IssueFields::title, false),
    YEAR("year", IssueFields::year, false),
    MONTH("month", IssueFields::month, true),
    PUBLISHER("publisher", IssueFields::publisher, false),
    IMPRINT("imprint", IssueFields::imprint, false),
    FORMAT("format", IssueFields::format, false),
    ISSUE_COUNT("issue_count", IssueFields::issueCount, true, "count"),
    METRON_ID("metron_id", IssueFields::metronId, false, "id"),
    FILENAME("filename", IssueFields::fileName, false, "file_name", "name"),
    EXT("ext", IssueFields::ext, false, "extension");

    private final String key;
    private final Function<IssueFields, String> value;
    private final boolean paddable;
    private final List<String> aliases;

    Token(String key, Function<IssueFields, String> value, boolean paddable, String... aliases) {
        this.key = key;
        this.value = value;
        this.paddable = paddable;
        this.aliases = List.of(aliases);
    }

    /** The name used in templates. */
    public String key() {
        return key;
    }

    /** Whether {@code :width} zero-pads this token. */
    public boolean paddable() {
        return paddable;
    }

    /** This token's raw value for a file. */
    String valueOf(IssueFields fields) {
        return value.apply(fields);
    }

    /** The token with this name or alias, ignoring case. */
    public static Optional<Token> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(t -> t.key.equals(wanted) || t.aliases.contains(wanted)).findFirst();
    }

    /** Every token name, for help and error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(t -> "{" + t.key + "}").toList());
    }
}
