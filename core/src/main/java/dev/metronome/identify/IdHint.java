package dev.metronome.identify;

import dev.metronome.api.IdSource;

/**
 * An id found in the archive.
 *
 * @param source Metron, Comic Vine or GCD
 * @param id     the issue id in that source
 * @param where  where it was found, for the evidence text ({@code MetronInfo.xml}, {@code Notes}, {@code Web})
 */
public record IdHint(IdSource source, long id, String where) {
}
