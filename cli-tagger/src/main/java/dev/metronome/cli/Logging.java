package dev.metronome.cli;

/** Sets up slf4j-simple before the first logger exists: warnings by default, more with --verbose or --debug. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean debug, boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
        // libraries that log what we report ourselves, in one clear line
        setIfAbsent("org.slf4j.simpleLogger.log.com.github.junrar", debug ? "debug" : "off");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.tika", debug ? "debug" : "off");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
