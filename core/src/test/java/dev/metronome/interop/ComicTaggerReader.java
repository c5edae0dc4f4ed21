package dev.metronome.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * How ComicTagger 1.6 (comicapi's {@code cr} tag) reads a ComicInfo.xml, and its note rules, re-stated in Java:
 * <ul>
 *   <li>only an entry named exactly {@code ComicInfo.xml} at the archive root is read; the root must be
 *       {@code ComicInfo} in no namespace (a namespaced root counts as no tags);</li>
 *   <li>Series, Number, Title... by exact name; Volume, Count, Year, Month, Day are the number in the text;</li>
 *   <li>credits from Writer, Penciller, Inker, Colorist, Letterer, Editor (their own role) and CoverArtist
 *       (role Cover), split on commas;</li>
 *   <li>pages from {@code <Pages>}: {@code Image} (else the position), {@code Type}, and ImageSize, ImageWidth,
 *       ImageHeight when they are digits;</li>
 *   <li>notes: ComicTagger's tagging line is {@code Tagged with <tool> <version> using info from <Source> on
 *       <date>. [Issue ID <id>]}; the id belongs to the source the line names (comicbox reads it the same
 *       way), and a new tagging replaces everything from the last {@code Tagged with ComicTagger} on.</li>
 * </ul>
 */
final class ComicTaggerReader {

    /** What ComicTagger understood. */
    record Read(String series, String number, Integer volume, Integer year, Integer month, Integer day,
                Map<String, List<String>> credits, List<Page> pages, Optional<NoteId> noteId) {
    }

    /** One {@code <Page>} as ComicTagger keeps it. */
    record Page(int displayIndex, String type, Long size, Integer width, Integer height) {
    }

    /** The source and id of a tagging line. */
    record NoteId(String source, String id) {
    }

    private static final Pattern ISSUE_ID = Pattern.compile("\\[Issue ID (\\w+)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGIN = Pattern.compile("using\\sinfo\\sfrom\\s(Comic Vine|ComicVine|Metron|Grand Comics Database"
            + "|GCD|MangaDex|MangaUpdates|Kitsu)", Pattern.CASE_INSENSITIVE);

    private ComicTaggerReader() {
    }

    /** ComicTagger's reading, or empty when it sees no tags. */
    static Optional<Read> read(byte[] comicInfo) {
        Optional<Element> parsed = PeerXml.root(comicInfo);
        if (parsed.isEmpty() || !PeerXml.isPlainComicInfo(parsed.get())) {
            return Optional.empty();
        }
        Element root = parsed.get();
        Map<String, List<String>> credits = PeerXml.comicRackCredits(root, ",");
        List<Page> pages = new ArrayList<>();
        PeerXml.child(root, "Pages").ifPresent(list -> {
            List<Element> nodes = PeerXml.children(list);
            for (int i = 0; i < nodes.size(); i++) {
                Element page = nodes.get(i);
                String image = page.getAttribute("Image");
                pages.add(new Page(image.isEmpty() ? i : Integer.parseInt(image), page.getAttribute("Type"),
                        numeric(page.getAttribute("ImageSize")) == null ? null : Long.valueOf(page.getAttribute("ImageSize")),
                        numeric(page.getAttribute("ImageWidth")), numeric(page.getAttribute("ImageHeight"))));
            }
        });
        return Optional.of(new Read(PeerXml.text(root, "Series"), PeerXml.text(root, "Number"),
                number(PeerXml.text(root, "Volume")), number(PeerXml.text(root, "Year")), number(PeerXml.text(root, "Month")),
                number(PeerXml.text(root, "Day")), credits, pages, noteId(PeerXml.text(root, "Notes"))));
    }

    /** The id of a ComicTagger-style tagging line and the source it names (Comic Vine when it names none). */
    static Optional<NoteId> noteId(String notes) {
        if (notes == null) {
            return Optional.empty();
        }
        Matcher id = ISSUE_ID.matcher(notes);
        if (!id.find()) {
            return Optional.empty();
        }
        Matcher origin = ORIGIN.matcher(notes);
        String source = origin.find() ? origin.group(1) : "Comic Vine";
        return Optional.of(new NoteId(source.equalsIgnoreCase("ComicVine") ? "Comic Vine" : source, id.group(1)));
    }

    /** ComicTagger's {@code combine_notes}: a new tagging line replaces everything from the last one of the same tool. */
    static String combineNotes(String existing, String newLine, String split) {
        String notes = existing == null ? "" : existing;
        int at = notes.lastIndexOf(split);
        return at >= 0 ? (notes.substring(0, at) + newLine).strip() : (notes + "\n" + newLine).strip();
    }

    private static Integer numeric(String text) {
        return text != null && text.matches("\\d+") ? Integer.valueOf(text) : null;
    }

    /** {@code xlate_int}: the digits and dot of the text, as a whole number. */
    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        String kept = text.replaceAll("[^0-9.]", "");
        try {
            return kept.isEmpty() ? null : (int) Double.parseDouble(kept);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
