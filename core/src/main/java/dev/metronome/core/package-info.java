/** The engine facade: {@link dev.metronome.core.Metronome}, built once per account, implements the host-side Tagger. */
package dev.metronome.core;
