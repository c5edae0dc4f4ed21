package dev.metronome.cli;

import dev.metronome.cache.MetronSession;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.Sleeper;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/** How the commands that talk to Metron directly ({@code sync}, {@code scrobble}) open their session. */
final class MetronSessions {

    private MetronSessions() {
    }

    /**
     * Opens a Metron session with the effective settings (options, environment, config file), runs the body, and
     * turns a Metron failure into a one-line error with its exit code (3: credentials).
     */
    static int withSession(GlobalOptions options, Map<String, String> env, Path home,
                           Function<MetronSession, Integer> body) {
        Settings settings = Settings.load(options, env, home);
        try (MetronSession session = MetronSession.open(settings.metronSettings(env), settings.requireCredentials(),
                settings.cacheDir(), Clock.systemUTC(), Sleeper.SYSTEM)) {
            return body.apply(session);
        } catch (MetronException e) {
            throw new UserError(ErrorHandler.exitCodeFor(e), e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UserError(ExitCode.FATAL, ErrorHandler.message(e));
        }
    }
}
