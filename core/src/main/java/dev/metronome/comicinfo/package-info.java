/**
 * ComicInfo.xml: reading ({@link dev.metronome.comicinfo.ComicInfoReader}), schema-valid writing
 * ({@link dev.metronome.comicinfo.ComicInfoWriter}, v2.1 draft by default, v2.0 strict), the credit mapping
 * ({@link dev.metronome.comicinfo.CreditRoleMapping}), {@code <Pages>} rebuilt from image headers
 * ({@link dev.metronome.comicinfo.PagesBuilder}, {@link dev.metronome.comicinfo.ImageHeaders}) and the re-tag
 * rules ({@link dev.metronome.comicinfo.Retag}, {@link dev.metronome.comicinfo.MetronomeStamp}).
 *
 * <p>Also home of the small XML layer shared with {@code dev.metronome.metroninfo}: {@link dev.metronome.comicinfo.SafeXml}
 * (no DTD, no entities, tolerant decoding), {@link dev.metronome.comicinfo.XmlElement},
 * {@link dev.metronome.comicinfo.XmlOut}, {@link dev.metronome.comicinfo.MetadataException},
 * {@link dev.metronome.comicinfo.ReadResult} and {@link dev.metronome.comicinfo.WriteResult}.
 *
 * <p>Typical use:
 * <pre>{@code
 * ReadResult old = new ComicInfoReader().read(archive.readMetadata("ComicInfo.xml").orElseThrow(), archive.path() + "!ComicInfo.xml");
 * ComicMetadata merged = Retag.merge(old.metadata(), fromMetron, new MetronomeStamp("0.1", LocalDate.now(clock), issueId));
 * byte[] comicInfo = ComicInfoWriter.defaults().write(merged).bytes();
 * }</pre>
 */
package dev.metronome.comicinfo;
