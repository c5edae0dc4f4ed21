/**
 * Duplicate issues: archives that are the same Metron issue (the same Metron id, or the same series, number and
 * year), with the facts to choose between them and the best copy named ({@link dev.metronome.duplicates.DuplicateFinder}).
 */
package dev.metronome.duplicates;
