package dev.metronome.interop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How Kavita 0.8 reads a ComicInfo.xml ({@code ArchiveService}, {@code ComicInfo.cs} and
 * {@code ProcessSeries.UpdateChapterFromComicInfo}, as described in {@code shared/docs/kavita-api.md} §6.5 and §6.6),
 * re-stated in Java:
 * <ul>
 *   <li>the entry named exactly {@code ComicInfo.xml} at the root, else the first entry ending in it;</li>
 *   <li>empty elements are removed, then .NET's XmlSerializer maps elements by their exact, case-sensitive name;
 *       a Count, Year, Month, Day, PageCount or AlternateCount that is not a whole number makes Kavita ignore the
 *       whole file;</li>
 *   <li>people fields are split on commas and trimmed ({@code Characters}, {@code Translator}... included);</li>
 *   <li>{@code Number} has {@code ,} replaced by {@code .}; the release date is Year/Month/Day (month and day
 *       default to 1) when Year is above 0; in a "Comic (Comic Vine)" library the series is
 *       {@code "Series (Volume)"};</li>
 *   <li>{@code Web} is split on commas; GTIN becomes the ISBN only when it is a valid ISBN;</li>
 *   <li>{@code Notes}, {@code PageCount} and {@code Pages} are ignored: Kavita counts the archive's images.</li>
 * </ul>
 */
final class KavitaReader {

    /** What Kavita stores for the chapter. */
    record Read(String series, String comicVineSeries, String number, String volume, LocalDate releaseDate,
                Map<String, List<String>> people, List<String> webLinks, String isbn) {
    }

    private static final Set<String> INTEGERS = Set.of("Count", "Year", "Month", "Day", "PageCount", "AlternateCount");
    private static final List<String> PEOPLE = List.of("Writer", "Penciller", "Inker", "Colorist", "Letterer", "CoverArtist",
            "Editor", "Publisher", "Imprint", "Characters", "Translator", "Teams", "Locations");

    private KavitaReader() {
    }

    /** Kavita's reading, or empty when it ignores the file. */
    static Optional<Read> read(byte[] comicInfo) {
        Optional<Element> parsed = PeerXml.root(comicInfo);
        if (parsed.isEmpty() || !PeerXml.isPlainComicInfo(parsed.get())) {
            return Optional.empty();
        }
        Element root = parsed.get();
        removeEmptyElements(root);
        for (String name : INTEGERS) {
            String value = PeerXml.text(root, name);
            if (value != null && !value.strip().matches("-?\\d+")) {
                return Optional.empty();
            }
        }
        Map<String, List<String>> people = new LinkedHashMap<>();
        for (String field : PEOPLE) {
            String value = PeerXml.text(root, field);
            if (value != null) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        people.computeIfAbsent(field, f -> new ArrayList<>()).add(name.strip());
                    }
                }
            }
        }
        List<String> links = new ArrayList<>();
        String web = PeerXml.text(root, "Web");
        if (web != null) {
            for (String link : web.split(",")) {
                if (!link.isBlank()) {
                    links.add(link.strip());
                }
            }
        }
        String series = PeerXml.text(root, "Series");
        String volume = PeerXml.text(root, "Volume") == null ? null : PeerXml.text(root, "Volume").strip();
        String number = PeerXml.text(root, "Number") == null ? null : PeerXml.text(root, "Number").replace(',', '.');
        return Optional.of(new Read(series, series != null && volume != null ? series + " (" + volume + ")" : series, number,
                volume, releaseDate(root), people, links, KomgaReader.isbn(PeerXml.text(root, "GTIN"))));
    }

    private static LocalDate releaseDate(Element root) {
        int year = integer(PeerXml.text(root, "Year"), 0);
        if (year <= 0) {
            return null;
        }
        return LocalDate.of(year, Math.max(1, integer(PeerXml.text(root, "Month"), 1)),
                Math.max(1, integer(PeerXml.text(root, "Day"), 1)));
    }

    private static int integer(String text, int fallback) {
        return text == null ? fallback : Integer.parseInt(text.strip());
    }

    private static void removeEmptyElements(Element element) {
        for (Element child : PeerXml.children(element)) {
            removeEmptyElements(child);
            if (!child.hasAttributes() && PeerXml.children(child).isEmpty() && child.getTextContent().isBlank()) {
                Node parent = child.getParentNode();
                parent.removeChild(child);
            }
        }
    }
}
