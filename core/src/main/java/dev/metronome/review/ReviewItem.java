package dev.metronome.review;

import dev.metronome.tagging.CandidateScore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One undecided archive of the review queue.
 *
 * @param key         the archive's opaque name in the page's URLs (a digest of its path: no path comes from the browser)
 * @param file        the archive, absolute
 * @param fingerprint its content fingerprint, or null when unknown
 * @param status      {@code ambiguous} or {@code no-match}
 * @param candidates  the candidates the run found, best first
 * @param reasons     the evidence, readable
 */
public record ReviewItem(String key, Path file, String fingerprint, String status, List<CandidateScore> candidates,
                         List<String> reasons) {

    /** Copies the lists. */
    public ReviewItem {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
    }

    /**
     * An item for an archive, its key derived from its path.
     *
     * @param file        the archive
     * @param fingerprint its fingerprint, or null
     * @param status      the run's status
     * @param candidates  the candidates
     * @param reasons     the evidence
     * @return the item
     */
    public static ReviewItem of(Path file, String fingerprint, String status, List<CandidateScore> candidates,
                                List<String> reasons) {
        Path absolute = file.toAbsolutePath().normalize();
        return new ReviewItem(keyOf(absolute), absolute, fingerprint, status, candidates, reasons);
    }

    /** The URL key of a path: 20 hex digits of its SHA-256. */
    static String keyOf(Path absolute) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The folder the archive is in. */
    public Path folder() {
        return file.getParent();
    }
}
