package dev.metronome.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** A command that reads settings from the environment and the home folder; tests give it their own. */
abstract class UsesEnvironment implements Callable<Integer> {

    /** The process environment, or the one a test gave. */
    Map<String, String> env = System.getenv();
    /** The user's home folder, or the one a test gave. */
    Path home = Path.of(System.getProperty("user.home"));

    /** Replaces the process environment and home folder for this command. */
    void environment(Map<String, String> newEnv, Path newHome) {
        env = newEnv;
        home = newHome;
    }
}
