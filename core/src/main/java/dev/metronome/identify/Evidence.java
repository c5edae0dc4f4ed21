package dev.metronome.identify;

import dev.metronome.api.ComicMetadata;
import dev.metronome.barcode.ScannedUpc;
import dev.metronome.coverhash.CoverHash;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one archive says about its identity, strongest first.
 *
 * @param path        the archive
 * @param fingerprint the archive's content fingerprint (pages only)
 * @param ids         ids found in MetronInfo, Notes and Web
 * @param upc         a UPC/EAN from the metadata (GTIN), digits only, or empty
 * @param barcode     the barcode printed on the cover or the last pages, if decoded
 * @param hints       series/number/year hints, ComicInfo first, then the file name
 * @param coverHash   the pHash of the front cover, if computed (the ComicInfo {@code FrontCover} page, else page 0)
 * @param coverHashes the pHashes of every page that may be the cover (the {@code FrontCover} page and the first two
 *                    images), {@code coverHash} first
 * @param metronSlug  a {@code metron.cloud/issue/<slug>/} link's slug, or empty
 * @param comicInfo   the ComicInfo.xml metadata, if readable
 * @param metronInfo  the MetronInfo.xml metadata, if readable
 * @param comicInfoBytes the raw ComicInfo.xml, if present
 * @param notes       problems met while reading (unreadable XML...)
 */
public record Evidence(Path path, String fingerprint, List<IdHint> ids, String upc, Optional<ScannedUpc> barcode,
                       List<NameHint> hints, Optional<CoverHash> coverHash, String metronSlug,
                       Optional<ComicMetadata> comicInfo, Optional<ComicMetadata> metronInfo,
                       Optional<byte[]> comicInfoBytes, List<String> notes, List<CoverHash> coverHashes) {

    /** Copies the lists; the cover hashes always start with {@code coverHash}. */
    public Evidence {
        coverHashes = coverHashes == null ? List.of() : List.copyOf(coverHashes);
        if (coverHash.isPresent() && (coverHashes.isEmpty() || !coverHashes.get(0).equals(coverHash.get()))) {
            List<CoverHash> all = new java.util.ArrayList<>(List.of(coverHash.get()));
            all.addAll(coverHashes);
            coverHashes = List.copyOf(all);
        }
        ids = List.copyOf(ids);
        hints = List.copyOf(hints);
        notes = List.copyOf(notes);
        upc = upc == null ? "" : upc;
        metronSlug = metronSlug == null ? "" : metronSlug;
    }

    /** Evidence with one cover hash (the front cover's) or none. */
    public Evidence(Path path, String fingerprint, List<IdHint> ids, String upc, Optional<ScannedUpc> barcode,
                    List<NameHint> hints, Optional<CoverHash> coverHash, String metronSlug,
                    Optional<ComicMetadata> comicInfo, Optional<ComicMetadata> metronInfo,
                    Optional<byte[]> comicInfoBytes, List<String> notes) {
        this(path, fingerprint, ids, upc, barcode, hints, coverHash, metronSlug, comicInfo, metronInfo,
                comicInfoBytes, notes, List.of());
    }

    /**
     * The smallest distance between a cover hash and any page that may be this archive's cover.
     *
     * @param other a candidate's cover hash
     * @return the distance, or empty when no page was hashed
     */
    public Optional<Integer> coverDistance(CoverHash other) {
        return coverHashes.stream().map(h -> h.distanceTo(other)).min(Integer::compare);
    }

    /** The UPC to search: the metadata's, else the decoded barcode's full digits. */
    public Optional<String> anyUpc() {
        if (!upc.isEmpty()) {
            return Optional.of(upc);
        }
        return barcode.map(ScannedUpc::full);
    }

    /** Whether the ComicInfo.xml present could not be read (then it must not be overwritten). */
    public boolean comicInfoUnreadable() {
        return comicInfoBytes.isPresent() && comicInfo.isEmpty();
    }
}
