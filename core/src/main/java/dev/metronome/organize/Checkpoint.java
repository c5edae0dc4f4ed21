package dev.metronome.organize;

/**
 * Called at each point where a run could be interrupted (after the journal is written, after a target is
 * reserved, after a copy, after a rename...). Production code passes {@link #NONE}; the crash test passes one
 * that stops the process at the N-th point.
 */
@FunctionalInterface
public interface Checkpoint {

    /** Nothing happens at checkpoints. */
    Checkpoint NONE = what -> { };

    /** A point of the run was reached. */
    void reached(String what);
}
