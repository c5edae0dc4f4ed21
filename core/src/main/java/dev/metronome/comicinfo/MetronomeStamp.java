package dev.metronome.comicinfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one machine-readable line Metronome keeps in Notes:
 * {@code Tagged with Metronome 0.1 on 2026-11-27 [metron:issue=31047]}.
 *
 * @param version   Metronome's version
 * @param date      the day of tagging
 * @param metronIssueId the Metron issue id used
 */
public record MetronomeStamp(String version, LocalDate date, long metronIssueId) {

    private static final Pattern LINE = Pattern.compile("(?m)^\\s*Tagged with Metronome\\b[^\\n]*\\[metron:issue=(\\d+)\\][^\\n]*$");
    private static final Pattern TOKEN = Pattern.compile("\\[metron:issue=(\\d+)\\]");

    /** The line. */
    public String line() {
        return "Tagged with Metronome " + version + " on " + date + " [metron:issue=" + metronIssueId + "]";
    }

    /** The Metron issue id of a {@code [metron:issue=N]} token in these notes, if any (the last one wins). */
    public static OptionalLong issueId(String notes) {
        Matcher matcher = TOKEN.matcher(notes == null ? "" : notes);
        OptionalLong id = OptionalLong.empty();
        while (matcher.find()) {
            try {
                id = OptionalLong.of(Long.parseLong(matcher.group(1)));
            } catch (NumberFormatException tooLong) {
                // not an id we could have written
            }
        }
        return id;
    }

    /** The notes with every earlier Metronome line removed and this one appended; the user's text stays as is. */
    public String applyTo(String notes) {
        String userText = LINE.matcher(notes == null ? "" : notes).replaceAll("");
        List<String> lines = new ArrayList<>(List.of(userText.replace("\r\n", "\n").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        boolean previousBlank = false;
        for (String line : lines) {
            boolean blank = line.isBlank();
            if (blank && (previousBlank || out.length() == 0)) {
                continue;
            }
            out.append(line).append('\n');
            previousBlank = blank;
        }
        return out.append(line()).toString();
    }
}
