/**
 * The library-server SPI: how Metronome talks to a comic server (Komga, a watched folder, ...).
 *
 * <p>A {@link dev.metronome.spi.LibraryServerProvider} is discovered with {@link java.util.ServiceLoader}, describes
 * its settings and {@linkplain dev.metronome.spi.LibraryServerProvider#connect connects} to one server. The resulting
 * {@link dev.metronome.spi.LibraryServer} lists books, streams {@link dev.metronome.spi.BookEvent}s and applies
 * metadata in the server's own way. {@link dev.metronome.spi.LibraryServerSync} is the server-neutral loop that a host
 * runs over any server: catch-up, live events, identification through a {@link dev.metronome.api.Tagger}, and
 * persistent {@link dev.metronome.spi.SyncState}.
 *
 * <p>This package has no third-party dependencies. Its version is {@link dev.metronome.spi.LibraryServerProvider#SPI_VERSION}.
 */
package dev.metronome.spi;
