/**
 * Maintenance of a tagged library: schema reports for ComicInfo.xml and MetronInfo.xml ({@link
 * dev.metronome.maintenance.SchemaCheck}), removing our metadata through the crash-safe archive writer
 * ({@link dev.metronome.maintenance.Stripper}), and finding archives without metadata or without a Metron id
 * ({@link dev.metronome.maintenance.MissingCheck}).
 */
package dev.metronome.maintenance;
