/**
 * The Komga adapter: a {@link dev.metronome.spi.LibraryServerProvider} that talks to Komga's REST API and listens to its
 * Server-Sent Events stream. Komga has no plugin system, so this runs as an outside service.
 */
package dev.metronome.komga;
