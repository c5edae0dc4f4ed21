package dev.metronome.comicinfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The one tagging line Metronome keeps in Notes, written so that the other tools find the Metron id in it:
 * <pre>
 * Tagged with Metronome 0.1 using info from Metron on 2026-11-27. [Issue ID 31047] [issue_id:31047] (ids for ComicTagger and MetronTagger)
 * </pre>
 * <ul>
 *   <li>ComicTagger and the readers that follow it (comicbox) take {@code [Issue ID N]} as an id of the source
 *       named after {@code using info from};</li>
 *   <li>darkseid (and so Metron-Tagger) reads {@code [issue_id:N]} as a Metron id when the notes name
 *       {@code MetronTagger}, and then looks at nothing else.</li>
 * </ul>
 * {@link #applyTo} replaces the tagging lines of other tools (ComicTagger, Metron-Tagger, Comic Vine scrapers) and
 * Metronome's earlier lines, so that no reader takes an old source for the current one; the user's own text stays.
 * {@link NoteIds} reads every form, Metronome's old {@code [metron:issue=N]} included.
 *
 * @param version       Metronome's version
 * @param date          the day of tagging
 * @param metronIssueId the Metron issue id used
 */
public record MetronomeStamp(String version, LocalDate date, long metronIssueId) {

    /** A tagging line of a tool, from its start to the end of its line; the text before it is the user's. */
    private static final Pattern TOOL_LINE = Pattern.compile(
            "(?im)(?:Tagged (?:with|by) (?:Metronome|ComicTagger|Metron-?Tagger|quick_tag)\\b"
                    + "|Scraped metadata from Comic ?Vine\\b"
                    + "|\\[metron:issue=\\d+\\])[^\\n]*$");

    /** The line. */
    public String line() {
        return "Tagged with Metronome " + version + " using info from Metron on " + date + ". [Issue ID " + metronIssueId
                + "] [issue_id:" + metronIssueId + "] (ids for ComicTagger and MetronTagger)";
    }

    /** The Metron issue id in these notes, in any form a tagger writes (the last one wins). */
    public static OptionalLong issueId(String notes) {
        return NoteIds.metronIssueId(notes);
    }

    /** The notes with every tool's tagging line removed and this one appended; the user's text stays as is. */
    public String applyTo(String notes) {
        return userText(notes).isEmpty() ? line() : userText(notes) + "\n" + line();
    }

    /** The user's own text in these notes: what is left once every tool's tagging line is removed. */
    public static String userText(String notes) {
        String rest = TOOL_LINE.matcher(notes == null ? "" : notes).replaceAll("");
        List<String> lines = new ArrayList<>(List.of(rest.replace("\r\n", "\n").split("\n", -1)));
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
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(blank ? "" : line.stripTrailing());
            previousBlank = blank;
        }
        return out.toString();
    }
}
