package dev.metronome.interop;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * How Komga 1.x maps a ComicInfo.xml (its {@code ComicInfoProvider}, as described in
 * {@code shared/docs/komga-api.md} §7 and {@code komga-real-behaviour.md}), re-stated in Java:
 * <ul>
 *   <li>the entry must be named exactly {@code ComicInfo.xml}, at the archive root;</li>
 *   <li>book: title, number (and a numeric sort key), release date from Year/Month/Day (month and day default to
 *       1; no Year, no date), authors from Writer, Penciller, Inker, Colorist, Letterer, CoverArtist, Editor,
 *       Translator (roles lower-cased, {@code cover} for CoverArtist) split on commas, links from {@code Web}
 *       split on spaces (label = the host, invalid addresses skipped), ISBN from GTIN only when it is a valid
 *       ISBN;</li>
 *   <li>series: the title is {@code Series}, with {@code " (Volume)"} appended when Volume is not 1
 *       ({@code importComicInfoSeriesAppendVolume}, on by default);</li>
 *   <li>{@code Notes}, {@code PageCount} and {@code Pages} are not used: Komga counts the pages itself from the
 *       archive's images.</li>
 * </ul>
 */
final class KomgaReader {

    /** What Komga shows. */
    record Read(String seriesTitle, String number, LocalDate releaseDate, List<Author> authors, List<Link> links,
                String isbn) {
    }

    /** A book author. */
    record Author(String name, String role) {
    }

    /** A book link. */
    record Link(String label, String url) {
    }

    private static final List<String[]> AUTHOR_TAGS = List.of(new String[] {"Writer", "writer"},
            new String[] {"Penciller", "penciller"}, new String[] {"Inker", "inker"}, new String[] {"Colorist", "colorist"},
            new String[] {"Letterer", "letterer"}, new String[] {"CoverArtist", "cover"}, new String[] {"Editor", "editor"},
            new String[] {"Translator", "translator"});

    private KomgaReader() {
    }

    /** Komga's reading of the archive's {@code ComicInfo.xml}, or empty when it finds none it can parse. */
    static Optional<Read> read(byte[] comicInfo) {
        Optional<Element> parsed = PeerXml.root(comicInfo);
        if (parsed.isEmpty() || !"ComicInfo".equals(parsed.get().getLocalName())) {
            return Optional.empty();
        }
        Element root = parsed.get();
        String series = PeerXml.text(root, "Series");
        String volume = PeerXml.text(root, "Volume");
        String title = series == null ? null
                : volume != null && !volume.isBlank() && !volume.strip().equals("1") ? series + " (" + volume.strip() + ")" : series;
        List<Author> authors = new ArrayList<>();
        for (String[] tag : AUTHOR_TAGS) {
            String names = PeerXml.text(root, tag[0]);
            if (names != null) {
                for (String name : names.split(",")) {
                    if (!name.isBlank()) {
                        authors.add(new Author(name.strip(), tag[1]));
                    }
                }
            }
        }
        List<Link> links = new ArrayList<>();
        String web = PeerXml.text(root, "Web");
        if (web != null) {
            for (String token : web.split(" ")) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    URI uri = new URI(token.strip());
                    if (uri.getHost() != null) {
                        links.add(new Link(uri.getHost(), uri.toString()));
                    }
                } catch (URISyntaxException e) {
                    // skipped, as Komga does
                }
            }
        }
        return Optional.of(new Read(title, PeerXml.text(root, "Number"), releaseDate(root), authors, links,
                isbn(PeerXml.text(root, "GTIN"))));
    }

    private static LocalDate releaseDate(Element root) {
        String year = PeerXml.text(root, "Year");
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            String month = PeerXml.text(root, "Month");
            String day = PeerXml.text(root, "Day");
            return LocalDate.of(Integer.parseInt(year.strip()), month == null ? 1 : Integer.parseInt(month.strip()),
                    day == null ? 1 : Integer.parseInt(day.strip()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Komga keeps a GTIN only when it is a valid ISBN (an ISBN-10 becomes 13 digits); a UPC is dropped. */
    static String isbn(String gtin) {
        if (gtin == null) {
            return null;
        }
        String digits = gtin.replaceAll("[^0-9Xx]", "");
        if (digits.length() == 13 && (digits.startsWith("978") || digits.startsWith("979")) && isbn13Valid(digits)) {
            return digits;
        }
        return null;
    }

    static boolean isbn13Valid(String digits) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int d = digits.charAt(i) - '0';
            sum += i % 2 == 0 ? d : 3 * d;
        }
        return sum % 10 == 0;
    }

    /** The host Komga labels a Metron link with. */
    static boolean isMetron(Link link) {
        return link.label().toLowerCase(Locale.ROOT).equals("metron.cloud");
    }
}
