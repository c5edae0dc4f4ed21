/**
 * Comic archives: reading CBZ (ZIP), CBR (RAR 1.5-7), CB7 (7z) and CBT (tar), detected from content, and writing
 * metadata back without ever losing data.
 *
 * <p>Entry points: {@link dev.metronome.archive.Archives#open(java.nio.file.Path)} gives a
 * {@link dev.metronome.archive.ComicArchive} (pages in natural order, metadata entries, a fingerprint);
 * {@link dev.metronome.archive.ArchiveWriter#write} adds or replaces {@code ComicInfo.xml} / {@code MetronInfo.xml}.
 *
 * <p>Guarantees of a write:
 * <ul>
 *   <li>images are never decompressed or recompressed: kept entries are copied as raw bytes (by the kernel when
 *       the ZIP is a classic one, by Commons Compress for ZIP64);</li>
 *   <li>the new file is written to a temp file in the same folder, verified (same entries, sizes and CRCs, stored
 *       data at the right offsets, new entries read back), fsynced, then atomically renamed over the original with
 *       its permissions; a failure at any point, a full disk or a SIGKILL leaves the original byte-identical;</li>
 *   <li>temp files ({@code .NAME.PID-RANDOM.metronome-tmp}) of dead processes are removed by the next write;</li>
 *   <li>RAR, 7z and tar are read-only: with {@link dev.metronome.archive.WriteOptions#convert()} they become a CBZ
 *       (pages stored as they are, verified entry by entry), and only then is the original removed.</li>
 * </ul>
 *
 * <p>Hostile archives: entry names with {@code ..} or absolute paths never become pages and are dropped on
 * conversion; entry count, entry size and compression ratio are bounded ({@link dev.metronome.archive.ArchiveLimits});
 * every read checks the declared size and CRC.
 *
 * <p>RAR support comes from junrar, under the UnRAR licence (free to use for reading; it forbids writing a RAR
 * compatible archiver, which Metronome does not do).
 */
package dev.metronome.archive;
