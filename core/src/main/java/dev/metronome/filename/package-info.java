/**
 * File-name and folder heuristics: {@link dev.metronome.filename.FilenameParser} reads series, issue
 * number, volume, year, counts, title, flags and bracketed information from an archive's name and
 * folders, each value with a confidence ({@link dev.metronome.filename.ParsedName}), and
 * {@link dev.metronome.filename.ParsedNameFormatter} prints the result for {@code metronome parse}.
 */
package dev.metronome.filename;
