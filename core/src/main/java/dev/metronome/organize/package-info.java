/**
 * Organising a library from its metadata: a file-name template ({@link dev.metronome.organize.NameTemplate}), names
 * that work on every file system ({@link dev.metronome.organize.SafeNames}), a planner that never lets one file
 * overwrite another ({@link dev.metronome.organize.Planner}), a journal written before anything moves
 * ({@link dev.metronome.organize.Journal}), a mover whose every step is atomic or recoverable
 * ({@link dev.metronome.organize.FileMover}), and {@link dev.metronome.organize.Runs}, which executes, completes
 * after a crash, and undoes runs.
 */
package dev.metronome.organize;
