package dev.metronome.identify;

import dev.metronome.barcode.ScannedUpc;
import dev.metronome.coverhash.CoverHash;
import dev.metronome.tagging.CandidateScore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What was concluded about an archive that could not be decided (ambiguous, or no match), kept in the cache so that
 * a later run over the same, unchanged file does not ask Metron the same questions again, unless Metron changed
 * something the outcome depends on.
 *
 * @param status     {@code ambiguous} or {@code no-match}
 * @param confidence the confidence reported
 * @param candidates the candidates reported
 * @param reasons    the evidence reported
 * @param names      the series names the file gives (a new or changed issue of a series so named reopens it)
 * @param broad      whether it also rests on a UPC or another database's id (then any change in Metron reopens it)
 */
public record UndecidedOutcome(String status, double confidence, List<CandidateScore> candidates,
                               List<String> reasons, List<String> names, boolean broad) {

    /** Copies the lists. */
    public UndecidedOutcome {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
        names = List.copyOf(names);
    }

    /** The outcome of an undecided identification. */
    static UndecidedOutcome of(Evidence ev, Identification id) {
        return new UndecidedOutcome(id.status(), id.confidence(), id.candidates(), id.reasons(),
                ev.hints().stream().map(NameHint::series).filter(n -> !n.isBlank()).distinct().toList(),
                ev.anyUpc().isPresent() || !ev.ids().isEmpty() || ev.hints().isEmpty());
    }

    /**
     * A digest of everything a decision about an archive rests on: its names, ids, UPC, barcode and cover hash, and
     * the other archives of its folder (new neighbours may settle it).
     *
     * @param ev              the archive's evidence
     * @param folderNeighbours the names of the archives in its folder, in a stable order
     * @return the digest, hex
     */
    public static String digest(Evidence ev, String folderNeighbours) {
        String text = String.join("\n", ev.hints().toString(), ev.ids().toString(), ev.upc(),
                ev.barcode().map(ScannedUpc::full).orElse(""), ev.coverHash().map(CoverHash::hex).orElse(""),
                ev.metronSlug(), folderNeighbours == null ? "" : folderNeighbours);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The outcome as an identification, saying where it comes from. */
    Identification identification() {
        List<String> all = new java.util.ArrayList<>(reasons);
        all.add("undecided in an earlier run, and nothing it rests on changed in Metron since");
        return new Identification(status, null, confidence, candidates, all, Optional.empty());
    }
}
