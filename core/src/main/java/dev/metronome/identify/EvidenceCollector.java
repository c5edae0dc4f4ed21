package dev.metronome.identify;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.api.WebLink;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.barcode.BarcodeScan;
import dev.metronome.barcode.BarcodeScanner;
import dev.metronome.barcode.ScannedUpc;
import dev.metronome.comicinfo.ComicInfoReader;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.comicinfo.NoteIds;
import dev.metronome.coverhash.CoverHash;
import dev.metronome.coverhash.CoverHasher;
import dev.metronome.filename.FilenameParser;
import dev.metronome.filename.ParseFlag;
import dev.metronome.filename.ParsedName;
import dev.metronome.metroninfo.MetronInfoReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an archive says about its identity. Cheap evidence (metadata, names) always; the expensive kind
 * (barcodes, cover hash) only when asked, because a Metron id in the archive makes it unnecessary. Thread-safe.
 */
public final class EvidenceCollector {

    /** One dot between a word and a number: {@code Wolverine.050}. */
    private static final java.util.regex.Pattern ONE_DOT_BEFORE_NUMBER =
            java.util.regex.Pattern.compile(".*\\p{L}\\.\\d+");

    /** In a dotted name, the dot of a decimal: {@code .2.0.} keeps its middle dot. */
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(?<=(?:^|\\.)\\d{1,3})\\.(?=\\d(?:\\.|$))");

    /** A title that is a number: the issue number of the second reading. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,4})(?:\\s|$)");
    /** A title that ends in a number after other words: the issue number of another reading. */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\S\\s+#?(\\d{1,4})$");

    private static final Pattern CV_URL = Pattern.compile("comicvine\\.gamespot\\.com/[^\\s]*?/4000-(\\d{1,12})");
    private static final Pattern METRON_URL = Pattern.compile("metron\\.cloud/issue/([a-z0-9-]+)/?");
    private static final int MAX_IMAGE_BYTES = 64 * 1024 * 1024;

    private final FilenameParser filenames = new FilenameParser();
    private final BarcodeScanner barcodes = new BarcodeScanner();
    private final CoverHasher hasher = new CoverHasher();

    /**
     * Collects the evidence of one archive.
     *
     * @param path    the archive
     * @param visuals whether to decode barcodes and hash the cover
     * @return the evidence
     * @throws ArchiveException when the archive cannot be opened
     */
    public Evidence collect(Path path, boolean visuals) throws ArchiveException {
        return collect(path, (ids, fingerprint) -> visuals);
    }

    /**
     * Collects the evidence of one archive, opening it once.
     *
     * @param path    the archive
     * @param visuals told the ids and the fingerprint found, whether to decode barcodes and hash the cover
     * @return the evidence
     * @throws ArchiveException when the archive cannot be opened
     */
    public Evidence collect(Path path, BiPredicate<List<IdHint>, String> visuals) throws ArchiveException {
        try (ComicArchive archive = Archives.open(path)) {
            return collect(archive, visuals);
        } catch (IOException e) {
            if (e instanceof ArchiveException a) {
                throw a;
            }
            throw new ArchiveException(path, ArchiveException.Reason.CORRUPT, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private Evidence collect(ComicArchive archive, BiPredicate<List<IdHint>, String> wantVisuals) throws IOException {
        Path path = archive.path();
        List<String> notes = new ArrayList<>();
        Optional<byte[]> comicInfoBytes = archive.readMetadata("ComicInfo.xml");
        Optional<ComicMetadata> comicInfo = Optional.empty();
        if (comicInfoBytes.isPresent()) {
            try {
                comicInfo = Optional.of(new ComicInfoReader().read(comicInfoBytes.get(), "ComicInfo.xml").metadata());
            } catch (MetadataException e) {
                notes.add("ComicInfo.xml is unreadable: " + e.getMessage());
            }
        }
        Optional<ComicMetadata> metronInfo = Optional.empty();
        Optional<byte[]> metronInfoBytes = archive.readMetadata("MetronInfo.xml");
        if (metronInfoBytes.isPresent()) {
            try {
                metronInfo = Optional.of(new MetronInfoReader().read(metronInfoBytes.get(), "MetronInfo.xml")
                        .metadata());
            } catch (MetadataException e) {
                notes.add("MetronInfo.xml is unreadable: " + e.getMessage());
            }
        }
        Set<IdHint> ids = new LinkedHashSet<>();
        metronInfo.ifPresent(m -> addIds(m, "MetronInfo.xml", ids));
        comicInfo.ifPresent(m -> addIds(m, "ComicInfo.xml", ids));
        String slug = "";
        for (ComicMetadata m : List.of(metronInfo.orElse(ComicMetadata.EMPTY), comicInfo.orElse(ComicMetadata.EMPTY))) {
            addNoteIds(m.notes(), ids);
            for (WebLink link : m.webLinks()) {
                Matcher cv = CV_URL.matcher(link.url());
                if (cv.find()) {
                    ids.add(new IdHint(IdSource.COMIC_VINE, Long.parseLong(cv.group(1)), "Web link"));
                }
                Matcher metron = METRON_URL.matcher(link.url());
                if (metron.find() && slug.isEmpty()) {
                    slug = metron.group(1);
                }
            }
        }
        String upc = metronInfo.map(m -> digits(m.gtin().upc())).orElse("");
        if (upc.isEmpty()) {
            upc = comicInfo.map(m -> digits(m.gtin().upc())).orElse("");
        }
        List<NameHint> hints = new ArrayList<>();
        comicInfo.map(m -> hint(m, "ComicInfo.xml")).filter(NameHint::usable).ifPresent(hints::add);
        metronInfo.map(m -> hint(m, "MetronInfo.xml")).filter(NameHint::usable).ifPresent(hints::add);
        ParsedName parsed = filenames.parse(dotsAsSpaces(path));
        List<NameHint> collected = collectedEdition(parsed);
        NameHint fromName = collected.isEmpty() ? hint(parsed) : collected.get(0);
        if (fromName.usable()) {
            hints.add(fromName);
        }
        collected.stream().skip(1).forEach(hints::add);
        numberAfterTitle(parsed).filter(h -> !h.number().equals(fromName.number())).ifPresent(hints::add);
        seriesBeforeTitle(fromName).ifPresent(hints::add);
        // a name with two numbers (Batman.Beyond.2.0.040.2016) has a second reading, the first number in the series
        // name: both are tried, and the evidence (year, cover) decides between them
        Optional<Path> decimal = decimalReading(path);
        secondReading(decimal.isPresent() ? filenames.parse(decimal.get()) : parsed)
                .filter(h -> h.usable()
                        && !(h.series().equals(fromName.series()) && h.number().equals(fromName.number())))
                .ifPresent(hints::add);
        Optional<ScannedUpc> barcode = Optional.empty();
        List<CoverHash> coverHashes = new ArrayList<>();
        String fingerprint = archive.fingerprint();
        if (wantVisuals.test(List.copyOf(ids), fingerprint)) {
            List<ArchiveEntry> pages = archive.pages();
            Set<Integer> scanned = new LinkedHashSet<>();
            for (int index : coverCandidates(comicInfo, pages.size())) {
                byte[] image = archive.read(pages.get(index), MAX_IMAGE_BYTES);
                String name = path.getFileName() + "!" + pages.get(index).name();
                hasher.hash(image, name).hash().ifPresent(coverHashes::add);
                if (barcode.isEmpty()) {
                    barcode = scan(image, name); // the barcode is on the cover, or on the last pages
                }
                scanned.add(index);
            }
            for (int i = pages.size() - 1; barcode.isEmpty() && i >= Math.max(1, pages.size() - 2); i--) {
                if (!scanned.contains(i)) {
                    barcode = scan(archive.read(pages.get(i), MAX_IMAGE_BYTES),
                            path.getFileName() + "!" + pages.get(i).name());
                }
            }
        }
        Optional<CoverHash> coverHash = coverHashes.isEmpty() ? Optional.empty() : Optional.of(coverHashes.get(0));
        return new Evidence(path, fingerprint, new ArrayList<>(ids), upc, barcode, hints, coverHash, slug,
                comicInfo, metronInfo, comicInfoBytes, notes, coverHashes);
    }

    /**
     * The pages that may be the cover, most likely first: the page ComicInfo marks {@code FrontCover}, then the first
     * two images (a scanner's credits page or a publisher's logo often comes first).
     */
    static List<Integer> coverCandidates(Optional<ComicMetadata> comicInfo, int pages) {
        Set<Integer> candidates = new LinkedHashSet<>();
        comicInfo.ifPresent(m -> m.pages().stream().filter(p -> p.types().contains(PageType.FRONT_COVER))
                .map(PageInfo::index).filter(i -> i < pages).findFirst().ifPresent(candidates::add));
        for (int i = 0; i < Math.min(2, pages); i++) {
            candidates.add(i);
        }
        return List.copyOf(candidates);
    }

    /**
     * A name that uses dots for spaces, read with spaces: {@code Spider-Man.2099.002.(2014).cbz} reads as
     * {@code Spider-Man 2099 002 (2014).cbz}, and {@code Wolverine.050.cbz} as {@code Wolverine 050.cbz}.
     *
     * @param path the archive
     * @return the path to parse
     */
    public static Path dotsAsSpaces(Path path) {
        String name = path.getFileName().toString();
        int ext = name.lastIndexOf('.');
        if (ext <= 0 || name.indexOf(' ') >= 0) {
            return path;
        }
        String stem = name.substring(0, ext);
        long dots = stem.chars().filter(c -> c == '.').count();
        if (dots == 0 || dots == 1 && !ONE_DOT_BEFORE_NUMBER.matcher(stem).matches()) {
            return path;
        }
        return path.resolveSibling(stem.replace('.', ' ') + name.substring(ext));
    }

    /**
     * The reading of a name whose number is followed by another number ({@code Batman Beyond 2.0 040 2016}): the
     * first number is part of the series name ({@code Batman Beyond 2.0} #040).
     *
     * @param name a parsed name
     * @return the second reading, or empty when the name has one number
     */
    static Optional<NameHint> secondReading(ParsedName name) {
        Matcher next = LEADING_NUMBER.matcher(name.title().orElse(""));
        if (!name.series().present() || !name.issue().present() || !next.find()) {
            return Optional.empty();
        }
        NameHint first = hint(name);
        return Optional.of(new NameHint(first.source(), first.series() + " " + name.issue().value().raw(),
                next.group(1), first.year(), first.volume(), first.yearBegan()));
    }

    /**
     * The readings of a collected edition's name ({@code Batman TPB Vol. 2 (2013)}, {@code Batman Vol. 02 HC}): its
     * "Vol. N" is the number of the collected volume, not a series volume, and Metron files collected editions
     * under their own series, named with the format ({@code Batman TPB} #2) or, read otherwise when that finds
     * nothing, without it. Empty when the name is not a TPB or HC, or gives an issue number of its own.
     *
     * @param name a parsed name
     * @return the readings, the series with its format first
     */
    static List<NameHint> collectedEdition(ParsedName name) {
        String format = name.flags().contains(ParseFlag.TPB) ? "TPB" : name.flags().contains(ParseFlag.HC) ? "HC"
                : "";
        Integer volume = name.volume().orElse(null);
        if (format.isEmpty() || !name.series().present() || volume == null || volume > 1800
                || name.issue().present() && !IssueNumbers.normalize(name.issue().value().raw())
                .equals(Integer.toString(volume))) {
            return List.of();
        }
        NameHint plain = hint(name);
        String number = Integer.toString(volume);
        return List.of(new NameHint(plain.source(), plain.series() + " " + format, number, plain.year(),
                        Optional.empty(), plain.yearBegan()),
                new NameHint(NameHint.OTHERWISE, plain.series(), number, plain.year(), Optional.empty(),
                        plain.yearBegan()));
    }

    /**
     * The reading of a name whose title ends in a number ({@code Ms. Marvel - Chapter 2 - Nightfall 013}): that number
     * as the issue number. Tried beside the first reading; when both decide, differently, nothing is decided.
     *
     * @param name a parsed name
     * @return the reading, or empty when the title does not end in a number
     */
    static Optional<NameHint> numberAfterTitle(ParsedName name) {
        Matcher last = TRAILING_NUMBER.matcher(name.title().orElse(""));
        if (!name.series().present() || !name.issue().present() || !last.find()) {
            return Optional.empty();
        }
        NameHint first = hint(name);
        return Optional.of(new NameHint(first.source(), first.series(), last.group(1), first.year(), first.volume(),
                first.yearBegan()));
    }

    /**
     * The reading of a file name whose series is followed by a dash and a story title ({@code Saga - Chapter One 001}):
     * the part before the dash as the series, read otherwise: tried only when the whole name decides nothing (many
     * series names hold a dash). Empty when the name has no such dash.
     *
     * @param hint the file name's reading
     * @return the shorter reading
     */
    static Optional<NameHint> seriesBeforeTitle(NameHint hint) {
        int dash = hint.series().indexOf(" - ");
        if (!"file name".equals(hint.source()) || dash <= 0 || hint.number().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new NameHint(NameHint.OTHERWISE, hint.series().substring(0, dash), hint.number(),
                hint.year(), hint.volume(), hint.yearBegan()));
    }

    /**
     * A dotted name read with its decimals kept: {@code Batman.Beyond.2.0.040.2016.cbz} reads as
     * {@code Batman Beyond 2.0 040 2016.cbz}. Empty when the name has no such decimal (a number of one to three
     * digits, a dot, one digit, then a dot or the end).
     *
     * @param path the archive
     * @return the path to parse for the second reading
     */
    public static Optional<Path> decimalReading(Path path) {
        String name = path.getFileName().toString();
        int ext = name.lastIndexOf('.');
        if (ext <= 0 || name.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        String stem = name.substring(0, ext);
        Matcher decimal = DOTTED_DECIMAL.matcher(stem);
        if (!decimal.find()) {
            return Optional.empty();
        }
        String kept = decimal.replaceAll("\u0001").replace('.', ' ').replace('\u0001', '.');
        return Optional.of(path.resolveSibling(kept + name.substring(ext)));
    }

    private Optional<ScannedUpc> scan(byte[] image, String name) {
        BarcodeScan scan = barcodes.scan(image, name);
        return scan.upc();
    }

    private static void addIds(ComicMetadata m, String where, Set<IdHint> into) {
        for (ExternalId id : m.ids(ExternalId.Kind.ISSUE)) {
            if (id.source() == IdSource.METRON || id.source() == IdSource.COMIC_VINE || id.source() == IdSource.GCD) {
                parse(id.value()).ifPresent(v -> into.add(new IdHint(id.source(), v, where)));
            }
        }
    }

    /**
     * Ids in Notes, in every form {@link NoteIds} reads: Metronome's, Metron-Tagger's {@code [issue_id:N]},
     * ComicTagger's {@code [Issue ID N]} (of the source its line names) and {@code CVDBN}.
     */
    static void addNoteIds(String notes, Set<IdHint> into) {
        for (NoteIds.NoteId id : NoteIds.read(notes)) {
            if (id.source() == IdSource.METRON || id.source() == IdSource.COMIC_VINE || id.source() == IdSource.GCD) {
                into.add(new IdHint(id.source(), id.id(), "Notes"));
            }
        }
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String digits(String text) {
        String d = text == null ? "" : text.replaceAll("[^0-9]", "");
        return d.length() >= 12 ? d : "";
    }

    private static NameHint hint(ComicMetadata m, String source) {
        OptionalInt volume = m.series().volume();
        Optional<Integer> yearBegan = box(m.series().yearBegan());
        Optional<Integer> vol = box(volume);
        if (vol.isPresent() && vol.get() > 1800) {
            // ComicTagger and Mylar write the start year into Volume
            yearBegan = yearBegan.or(() -> Optional.of(volume.getAsInt()));
            vol = Optional.empty();
        }
        Optional<Integer> year = m.coverDate().map(d -> d.year());
        return new NameHint(source, m.series().name(), m.number().raw(), year, vol, yearBegan);
    }

    private static NameHint hint(ParsedName name) {
        Optional<Integer> volume = Optional.ofNullable(name.volume().orElse(null));
        Optional<Integer> yearBegan = Optional.empty();
        if (volume.isPresent() && volume.get() > 1800) {
            yearBegan = volume;
            volume = Optional.empty();
        }
        return new NameHint("file name", name.series().orElse(""),
                name.issue().present() ? name.issue().value().raw() : "",
                Optional.ofNullable(name.year().orElse(null)), volume, yearBegan);
    }

    private static Optional<Integer> box(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
