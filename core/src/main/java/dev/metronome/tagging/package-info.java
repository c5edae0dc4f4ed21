/**
 * The tagging pipeline: {@link dev.metronome.tagging.TaggingRun} orders a batch, identifies each file, maps the
 * Metron detail to the model ({@link dev.metronome.tagging.IssueMapper}), merges and writes ComicInfo.xml (and
 * MetronInfo.xml) through the archive layer, and reports every file ({@link dev.metronome.tagging.RunReport}).
 */
package dev.metronome.tagging;
