/**
 * The folder-watch adapter: a second {@link dev.metronome.spi.LibraryServerProvider} ({@code folder}) proving the SPI is
 * general. It serves a plain directory: books are the archives under it, events come from a
 * {@link java.nio.file.WatchService}, and a file is only reported once it has stopped growing.
 */
package dev.metronome.folder;
