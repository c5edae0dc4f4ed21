/**
 * Identification: which Metron issue an archive is. {@link dev.metronome.identify.EvidenceCollector} reads what an
 * archive says (ids, UPC/barcode, ComicInfo/MetronInfo fields, the file name, the cover hash);
 * {@link dev.metronome.identify.Identifier} decides, strongest evidence first, through one class per evidence path
 * (ids, UPC, names, folder neighbours, cover) and one that scores and decides ({@code Scorer}), all asking
 * {@link dev.metronome.identify.MetronLookups}, which asks Metron each question once per run (one request at a
 * time, series resolved once per name, issue lists mapped locally, cached details reused when a {@code modified_gt}
 * query says they did not change).
 */
package dev.metronome.identify;
