package dev.metronome.spi;

/** How metadata reaches the server. */
public enum ApplyMode {
    /** Through the server's API (Komga: metadata PATCH with locks). */
    PATCH,
    /**
     * Into the file (ComicInfo.xml, written by the host through {@link HostServices#writeMetadata}), then the server
     * re-reads it. Read-only formats fall back to {@link #PATCH} unless conversion is on.
     */
    FILE
}
