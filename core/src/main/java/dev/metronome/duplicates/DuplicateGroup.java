package dev.metronome.duplicates;

import java.util.List;

/**
 * Archives that are the same issue.
 *
 * @param issue  what they share: {@code metron:123} or {@code series #number (year)}
 * @param best   the copy to keep
 * @param others the rest, best first
 * @param reason why the best copy is best
 */
public record DuplicateGroup(String issue, Copy best, List<Copy> others, String reason) {
}
