package dev.metronome.duplicates;

import java.nio.file.Path;

/**
 * One archive of a duplicate group, with what tells copies apart.
 *
 * @param path        the archive
 * @param format      the archive format from its content (CBZ, CBR...)
 * @param pages       its page count
 * @param size        its size in bytes
 * @param width       the widest sampled page, in pixels (0 when unknown)
 * @param height      that page's height
 * @param imageFormat the sampled pages' image format (jpeg, png, webp...)
 * @param metronId    the Metron issue id it carries, or ""
 * @param key         series, number and year as compared
 * @param hasMetronInfo whether it carries a MetronInfo.xml
 */
public record Copy(Path path, String format, int pages, long size, int width, int height, String imageFormat,
                   String metronId, String key, boolean hasMetronInfo) {

    /** The resolution as {@code 1988x3056}, or "" when unknown. */
    public String resolution() {
        return width > 0 ? width + "x" + height : "";
    }
}
