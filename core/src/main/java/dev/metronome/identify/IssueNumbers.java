package dev.metronome.identify;

import dev.metronome.filename.IssueNumber;

import java.util.Locale;

/** Issue numbers compared the way Metron stores them: no leading zeros, {@code .5} as written, case-insensitive. */
public final class IssueNumbers {

    private IssueNumbers() {
    }

    /**
     * The normalized form of a number ({@code 001} -> {@code 1}, {@code 0} stays {@code 0}, {@code 12.1} stays).
     *
     * @param raw the number as written
     * @return the normalized form, lower case; empty for blank input
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        IssueNumber parsed = IssueNumber.parse(raw.strip());
        String text = parsed == null ? raw.strip() : parsed.normalized();
        return text.toLowerCase(Locale.ROOT);
    }
}
