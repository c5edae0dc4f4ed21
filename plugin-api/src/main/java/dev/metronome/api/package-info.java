/**
 * The neutral comic metadata model shared by every Metronome module and plugin.
 *
 * <p>Conventions, applied by every type in this package:
 * <ul>
 *   <li>Values are immutable records. Lists are unmodifiable copies ({@link java.util.List#copyOf}).</li>
 *   <li>Nothing is {@code null}: an absent text is {@code ""}, an absent list is empty, an absent number,
 *       date or object is an empty {@link java.util.Optional} / {@link java.util.OptionalInt}. Constructors
 *       accept {@code null} and normalise it to these empty values.</li>
 *   <li>Identifiers such as UPC and ISBN are strings, never numbers, so leading zeros stay.</li>
 *   <li>The {@code id} of a {@link dev.metronome.api.Resource} is the id in the metadata's primary source
 *       (usually Metron); series and issue ids of every source live in {@link dev.metronome.api.ExternalId}s.</li>
 * </ul>
 */
package dev.metronome.api;
