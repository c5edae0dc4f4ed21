package dev.metronome.comicinfo;

import dev.metronome.api.IdSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issue ids that taggers leave in ComicInfo's {@code Notes}, in every form Metronome reads:
 * <ul>
 *   <li>Metron-Tagger's {@code [issue_id:N]}: a Metron id ({@code Tagged with MetronTagger-4.12.0 using info from
 *       Metron on 2026-07-01 10:00:00. [issue_id:31047]});</li>
 *   <li>ComicTagger's {@code [Issue ID N]}: an id of the source its line names after {@code using info from}
 *       ({@code Tagged with ComicTagger 1.6.0 using info from Comic Vine on 2024-10-01 12:00:00. [Issue ID 140529]});
 *       a line without a source is Comic Vine's, ComicTagger's only source for years;</li>
 *   <li>{@code CVDBN} ({@code Scraped metadata from ComicVine [CVDB338526]}): a Comic Vine id;</li>
 *   <li>Metronome's own old form {@code [metron:issue=N]}: a Metron id.</li>
 * </ul>
 */
public final class NoteIds {

    /**
     * One id found in the notes.
     *
     * @param source the database the id belongs to
     * @param id     the issue id
     * @param form   the form it was written in ({@code [issue_id:N]}, {@code [Issue ID N]}, {@code CVDBN},
     *               {@code [metron:issue=N]})
     */
    public record NoteId(IdSource source, long id, String form) {
    }

    private static final Pattern METRONOME_OLD = Pattern.compile("\\[metron:issue=(\\d{1,12})\\]");
    private static final Pattern METRON_TAGGER = Pattern.compile("\\[issue_id:(\\d{1,12})\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMICTAGGER = Pattern.compile("\\[Issue ID (\\d{1,12})\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CVDB = Pattern.compile("\\bCVDB(\\d{1,12})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGIN = Pattern.compile("using info from ([A-Za-z][A-Za-z ]*?)(?= on\\b|[.\\[]|$)",
            Pattern.CASE_INSENSITIVE);

    private NoteIds() {
    }

    /** Every id in the notes, in order of appearance within each form. */
    public static List<NoteId> read(String notes) {
        List<NoteId> ids = new ArrayList<>();
        if (notes == null || notes.isBlank()) {
            return ids;
        }
        find(METRONOME_OLD, notes, "[metron:issue=N]", line -> Optional.of(IdSource.METRON), ids);
        find(METRON_TAGGER, notes, "[issue_id:N]", line -> Optional.of(IdSource.METRON), ids);
        find(COMICTAGGER, notes, "[Issue ID N]", NoteIds::origin, ids);
        find(CVDB, notes, "CVDBN", line -> Optional.of(IdSource.COMIC_VINE), ids);
        return ids;
    }

    /** The Metron issue id in the notes, in any form; the last one written wins. */
    public static OptionalLong metronIssueId(String notes) {
        List<NoteId> metron = read(notes).stream().filter(id -> id.source() == IdSource.METRON).toList();
        return metron.isEmpty() ? OptionalLong.empty() : OptionalLong.of(metron.get(metron.size() - 1).id());
    }

    /** The source a ComicTagger line names ({@code using info from Metron}); Comic Vine when it names none. */
    private static Optional<IdSource> origin(String line) {
        Matcher matcher = ORIGIN.matcher(line);
        if (!matcher.find()) {
            return Optional.of(IdSource.COMIC_VINE);
        }
        String name = matcher.group(1).strip().toLowerCase(Locale.ROOT);
        return IdSource.parse(name);
    }

    private interface SourceOf {
        Optional<IdSource> of(String line);
    }

    private static void find(Pattern pattern, String notes, String form, SourceOf sourceOf, List<NoteId> into) {
        Matcher matcher = pattern.matcher(notes);
        while (matcher.find()) {
            Optional<IdSource> source = sourceOf.of(lineAround(notes, matcher.start()));
            if (source.isEmpty()) {
                continue;
            }
            try {
                into.add(new NoteId(source.get(), Long.parseLong(matcher.group(1)), form));
            } catch (NumberFormatException tooLong) {
                // not an id anyone wrote
            }
        }
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
