/**
 * Metron's response records, one per shape of the REST API (list item and detail kept apart). They ignore unknown
 * fields and treat every newer field as optional, so both old and current server responses parse.
 */
package dev.metronome.metron.model;
