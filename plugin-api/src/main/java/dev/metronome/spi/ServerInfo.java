package dev.metronome.spi;

import java.util.Objects;

/**
 * A server's product name and version.
 *
 * @param name    e.g. {@code Komga}
 * @param version e.g. {@code 1.26.3}
 */
public record ServerInfo(String name, String version) {

    /** Rejects nulls. */
    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
