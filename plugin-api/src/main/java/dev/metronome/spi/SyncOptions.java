package dev.metronome.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link LibraryServerSync} runs.
 *
 * @param serverKey      identifies the server in {@link SyncState}
 * @param libraryIds     the libraries to serve (empty: all)
 * @param defaultMode    the apply mode for libraries without their own
 * @param modeByLibrary  per-library apply modes, by library id
 * @param scrobbler      called for books read to the end; {@link Scrobbler#none()} when scrobbling is off
 */
public record SyncOptions(String serverKey, List<String> libraryIds, ApplyMode defaultMode,
                          Map<String, ApplyMode> modeByLibrary, Scrobbler scrobbler) {

    /** Copies the collections and rejects nulls. */
    public SyncOptions {
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(scrobbler, "scrobbler");
        libraryIds = List.copyOf(libraryIds);
        modeByLibrary = Map.copyOf(modeByLibrary);
    }

    /**
     * One mode for every library, no scrobbling.
     *
     * @param serverKey identifies the server
     * @param mode      the apply mode
     * @return the options
     */
    public static SyncOptions of(String serverKey, ApplyMode mode) {
        return new SyncOptions(serverKey, List.of(), mode, Map.of(), Scrobbler.none());
    }

    /**
     * The mode for a library.
     *
     * @param libraryId the library id
     * @return its mode, or the default
     */
    public ApplyMode modeFor(String libraryId) {
        return libraryId == null ? defaultMode : modeByLibrary.getOrDefault(libraryId, defaultMode);
    }

    /**
     * A copy with scrobbling through this callback.
     *
     * @param callback the host's scrobbler
     * @return the options
     */
    public SyncOptions withScrobbler(Scrobbler callback) {
        return new SyncOptions(serverKey, libraryIds, defaultMode, modeByLibrary, callback);
    }
}
