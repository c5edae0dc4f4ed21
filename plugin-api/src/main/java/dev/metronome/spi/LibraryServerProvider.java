package dev.metronome.spi;

import java.util.List;

/**
 * A kind of library server Metronome can serve, found with {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation in {@code META-INF/services/dev.metronome.spi.LibraryServerProvider}.
 */
public interface LibraryServerProvider {

    /** The SPI version this package describes; bumped on any incompatible change. */
    int SPI_VERSION = 1;

    /**
     * The SPI version the provider was built against; the host refuses providers with another major version.
     *
     * @return by default {@link #SPI_VERSION}
     */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /**
     * A short, stable, lower-case identifier such as {@code komga} or {@code folder}.
     *
     * @return the provider id
     */
    String id();

    /**
     * The settings a user configures for this provider, in display order.
     *
     * @return the settings, never null
     */
    List<SettingSpec> settings();

    /**
     * Connects to one server: validates the settings, authenticates and checks the server's version.
     *
     * @param settings the configured values
     * @param host     the callbacks the host offers (file writing, ...)
     * @return a connected server, to be closed by the caller
     * @throws ServerException when the settings are invalid or the server cannot be reached or is too old
     */
    LibraryServer connect(ServerSettings settings, HostServices host) throws ServerException;
}
