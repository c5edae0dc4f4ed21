/**
 * The review page: the archives Metronome would not decide alone (ambiguous, or no match), served one at a time on a
 * local web page with their cover beside the candidates' Metron covers, so that a person settles each in a click.
 * Choices are written through the normal tagging pipeline and remembered in the cache.
 */
package dev.metronome.review;
