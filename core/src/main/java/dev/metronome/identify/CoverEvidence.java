package dev.metronome.identify;

import dev.metronome.coverhash.CoverHash;

import java.util.Optional;

/**
 * The cover-hash evidence path: how far the archive's cover pages are from a candidate's {@code cover_hash}, and
 * what that distance is worth. Metron computes {@code imagehash.phash} of its cover; the same cover resized,
 * recompressed, slightly cropped or turned stays well under 20 bits away, unrelated pictures lie around 32.
 *
 * @param distance   the smallest Hamming distance between the archive's cover pages and the candidate's hash
 * @param adjustment what it adds to the candidate's score (negative for another picture)
 * @param differs    whether the candidate's cover is clearly another picture: names alone may then not accept it
 * @param reason     the evidence line, or empty when the distance says nothing
 */
record CoverEvidence(int distance, double adjustment, boolean differs, String reason) {

    /** The largest distance that counts as the same cover (Metron-Tagger's value). */
    static final int SAME = 10;
    /** Up to here, probably the same cover, much altered. */
    static final int ALTERED = 16;
    /** Beyond this, another picture: a wrong issue, or a variant cover. */
    static final int DIFFERS = 22;

    /**
     * Weighs the cover evidence for one candidate.
     *
     * @param ev   the archive's evidence (its cover pages' hashes)
     * @param hash the candidate's {@code cover_hash} (may be null or empty: no cover)
     * @return the evidence, or empty when either side has no hash
     */
    static Optional<CoverEvidence> of(Evidence ev, String hash) {
        if (hash == null || hash.isBlank()) {
            return Optional.empty();
        }
        Optional<Integer> distance;
        try {
            distance = ev.coverDistance(CoverHash.parse(hash));
        } catch (IllegalArgumentException notAHash) {
            return Optional.empty();
        }
        return distance.map(CoverEvidence::weigh);
    }

    /** What a distance is worth. */
    static CoverEvidence weigh(int d) {
        if (d <= SAME) {
            return new CoverEvidence(d, d <= 4 ? 0.25 : 0.2, false, "cover hash distance " + d);
        }
        if (d <= ALTERED) {
            return new CoverEvidence(d, 0.05, false, "cover hash distance " + d
                    + " (probably the same cover, much altered)");
        }
        if (d > DIFFERS) {
            return new CoverEvidence(d, -0.3, true, "cover differs (hash distance " + d + ")");
        }
        return new CoverEvidence(d, 0, false, "");
    }
}
