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
 * @param coverHash   the pHash of the front cover, if computed
 * @param metronSlug  a {@code metron.cloud/issue/<slug>/} link's slug, or empty
 * @param comicInfo   the ComicInfo.xml metadata, if readable
 * @param metronInfo  the MetronInfo.xml metadata, if readable
 * @param comicInfoBytes the raw ComicInfo.xml, if present
 * @param notes       problems met while reading (unreadable XML...)
 */
public record Evidence(Path path, String fingerprint, List<IdHint> ids, String upc, Optional<ScannedUpc> barcode,
                       List<NameHint> hints, Optional<CoverHash> coverHash, String metronSlug,
                       Optional<ComicMetadata> comicInfo, Optional<ComicMetadata> metronInfo,
                       Optional<byte[]> comicInfoBytes, List<String> notes) {

    /** Copies the lists. */
    public Evidence {
        ids = List.copyOf(ids);
        hints = List.copyOf(hints);
        notes = List.copyOf(notes);
        upc = upc == null ? "" : upc;
        metronSlug = metronSlug == null ? "" : metronSlug;
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
