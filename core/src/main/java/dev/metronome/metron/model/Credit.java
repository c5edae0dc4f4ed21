package dev.metronome.metron.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One creator's credits on an issue.
 *
 * @param id      the <em>creator</em> id
 * @param creator the creator's name
 * @param role    every role this creator had on the issue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Credit(Integer id, String creator, List<Role> role) {
}
