package dev.metronome.cli;

import java.nio.file.Path;
import java.util.Map;

/** A command that reads settings from the environment and the home folder; tests give it their own. */
interface UsesEnvironment {

    /** Replaces the process environment and home folder for this command. */
    void environment(Map<String, String> env, Path home);
}
