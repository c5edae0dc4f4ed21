package dev.metronome.archive;

/**
 * Bounds that protect against hostile archives (zip bombs, millions of entries).
 *
 * @param maxEntries          the most entries an archive may hold
 * @param maxEntrySize        the largest uncompressed entry, in bytes
 * @param maxCompressionRatio the highest uncompressed/compressed ratio tolerated for an entry larger than
 *                            {@code ratioThreshold} bytes
 * @param ratioThreshold      entries smaller than this are never judged by their ratio
 */
public record ArchiveLimits(int maxEntries, long maxEntrySize, double maxCompressionRatio, long ratioThreshold) {

    /** Generous limits no real comic reaches: 50,000 entries, 2 GiB per entry, ratio 200 above 1 MiB. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(50_000, 2L << 30, 200.0, 1L << 20);
}
