package dev.metronome.comicinfo;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.MergePolicy;
import dev.metronome.api.MetadataMerger;

/**
 * The re-tag rules: what a file's metadata becomes when Metronome tags it again from Metron.
 * <ul>
 *   <li>Metron's fields replace the old ones ({@link MergePolicy#INCOMING_WINS}); fields Metron leaves empty
 *       keep their old values;</li>
 *   <li>the user's own survive: ScanInformation, Review, SeriesGroup, page types and bookmarks, unknown
 *       elements, and the user's text in Notes;</li>
 *   <li>Notes gets exactly one {@link MetronomeStamp} line (older ones are replaced);</li>
 *   <li>web links are united: Metron's URL first and primary, the others kept (written space-separated);</li>
 *   <li>ids of other sources (Comic Vine, GCD) are kept unless Metron brings its own.</li>
 * </ul>
 */
public final class Retag {

    private Retag() {
    }

    /**
     * The metadata to write.
     *
     * @param existing   what the file says now ({@link ComicMetadata#EMPTY} if it has no metadata)
     * @param fromMetron the metadata mapped from Metron
     * @param stamp      the Notes line for this tagging
     */
    public static ComicMetadata merge(ComicMetadata existing, ComicMetadata fromMetron, MetronomeStamp stamp) {
        ComicMetadata merged = MetadataMerger.merge(existing, fromMetron, MergePolicy.INCOMING_WINS);
        return merged.toBuilder().notes(stamp.applyTo(existing.notes())).build();
    }
}
