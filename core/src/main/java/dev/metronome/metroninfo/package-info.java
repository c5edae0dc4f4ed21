/**
 * MetronInfo.xml (v1.0 and v1.1): {@link dev.metronome.metroninfo.MetronInfoReader} and
 * {@link dev.metronome.metroninfo.MetronInfoWriter}, with the schema's two {@code xs:assert}s checked in code
 * ({@link dev.metronome.metroninfo.MetronInfoAsserts}). Shares the safe XML layer of
 * {@code dev.metronome.comicinfo}.
 */
package dev.metronome.metroninfo;
