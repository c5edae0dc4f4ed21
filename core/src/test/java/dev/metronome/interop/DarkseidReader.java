package dev.metronome.interop;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * How darkseid 8.x (the library under Metron-Tagger) reads a ComicInfo.xml, rule by rule from its
 * {@code metadata/comicinfo.py} and {@code utils.get_issue_id_from_note}. Re-stated in Java, not copied:
 * <ul>
 *   <li>the root must be {@code ComicInfo} (no namespace), children found by exact name;</li>
 *   <li>{@code Volume}, {@code Count}... are the digits of the text; the cover date needs a Year and a Month
 *       (the Day defaults to 1);</li>
 *   <li>credits come from Writer, Penciller, Inker, Colorist, Letterer, Editor and CoverArtist (role Cover), names
 *       split on {@code ;} and {@code ,}; Translator is not read;</li>
 *   <li>{@code Web} is split on commas and spaces, the first address being the primary source;</li>
 *   <li>the pages are the {@code <Page>} attributes, {@code Image} as a number;</li>
 *   <li>the id in Notes: when the lower-cased notes contain {@code metrontagger}, the first {@code issue_id:N} is a
 *       Metron id and nothing else is looked at; otherwise, when they contain {@code comictagger}, the first
 *       {@code issue id N} or {@code cvdbN} is an id of the first source named anywhere in the notes, in the order
 *       Comic Vine, Metron, Grand Comics Database, MangaDex, MangaUpdates, Kitsu.</li>
 * </ul>
 * darkseid also picks the archive reader by the file's extension only, so a ZIP named {@code .cbr} goes to its
 * RAR reader and fails ({@link #readsArchiveNamed}).
 */
final class DarkseidReader {

    /** What darkseid understood. */
    record Read(String series, String number, Integer volume, LocalDate coverDate, Map<String, List<String>> credits,
                List<Map<String, String>> pages, Optional<NoteId> noteId, List<String> webLinks) {
    }

    /** An id darkseid found in the notes. */
    record NoteId(String source, String id) {
    }

    private static final Pattern METRON_TAGGER_ID = Pattern.compile("issue_id:(\\d+)");
    private static final Pattern COMICTAGGER_ID = Pattern.compile("issue id (\\d+)|cvdb(\\d+)");
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("comic vine", "Comic Vine");
        SOURCES.put("metron", "Metron");
        SOURCES.put("grand comics database", "Grand Comics Database");
        SOURCES.put("mangadex", "MangaDex");
        SOURCES.put("mangaupdates", "MangaUpdates");
        SOURCES.put("kitsu", "Kitsu");
    }

    private DarkseidReader() {
    }

    /** Whether darkseid would open an archive of this name with the reader its content needs (ZIP content only here). */
    static boolean readsArchiveNamed(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".cbz");
    }

    /** darkseid's reading, or empty when it finds no ComicInfo it can use. */
    static Optional<Read> read(byte[] comicInfo) {
        Optional<Element> parsed = PeerXml.root(comicInfo);
        if (parsed.isEmpty() || !PeerXml.isPlainComicInfo(parsed.get())) {
            return Optional.empty();
        }
        Element root = parsed.get();
        Map<String, List<String>> credits = PeerXml.comicRackCredits(root, "[;,]");
        List<Map<String, String>> pages = new ArrayList<>();
        PeerXml.child(root, "Pages").ifPresent(list -> {
            for (Element page : PeerXml.children(list)) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int i = 0; i < page.getAttributes().getLength(); i++) {
                    attributes.put(page.getAttributes().item(i).getNodeName(), page.getAttributes().item(i).getNodeValue());
                }
                Integer.parseInt(attributes.getOrDefault("Image", "0"));
                pages.add(attributes);
            }
        });
        List<String> web = new ArrayList<>();
        String webText = PeerXml.text(root, "Web");
        if (webText != null) {
            for (String url : webText.split("[, ]")) {
                if (!url.isBlank()) {
                    web.add(url.strip());
                }
            }
        }
        return Optional.of(new Read(PeerXml.text(root, "Series"), PeerXml.text(root, "Number"),
                digits(PeerXml.text(root, "Volume")), coverDate(root), credits, pages, noteId(PeerXml.text(root, "Notes")), web));
    }

    /** {@code get_issue_id_from_note}, re-stated. */
    static Optional<NoteId> noteId(String notes) {
        if (notes == null || notes.isEmpty()) {
            return Optional.empty();
        }
        String lower = notes.toLowerCase(Locale.ROOT);
        if (lower.contains("metrontagger")) {
            Matcher m = METRON_TAGGER_ID.matcher(lower);
            return m.find() ? Optional.of(new NoteId("Metron", m.group(1))) : Optional.empty();
        }
        if (lower.contains("comictagger")) {
            Matcher m = COMICTAGGER_ID.matcher(lower);
            if (m.find()) {
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                for (Map.Entry<String, String> source : SOURCES.entrySet()) {
                    if (lower.contains(source.getKey())) {
                        return Optional.of(new NoteId(source.getValue(), id));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate coverDate(Element root) {
        Integer year = digits(PeerXml.text(root, "Year"));
        Integer month = digits(PeerXml.text(root, "Month"));
        Integer day = digits(PeerXml.text(root, "Day"));
        if (year == null || month == null) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day == null ? 1 : day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** darkseid's {@code xlate(..., is_int=True)}: the digits of the text as a number. */
    private static Integer digits(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }
}
