package dev.metronome.cli;

import dev.metronome.fixtures.metron.FakeMetronMain;
import dev.metronome.fixtures.metron.FakeMetronServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code metronome mock-metron}: a local, Metron-shaped API for trying Metronome without an account. */
@Command(name = "mock-metron", mixinStandardHelpOptions = true,
        description = {"Serves a fake Metron API on 127.0.0.1 (the bundled sample catalogue unless --catalogue is given).",
                "Prints its base URL on one line, then serves until stopped (Ctrl-C)."},
        footer = {"", "Examples:", "  metronome mock-metron --port 8099",
                "  METRON_URL=http://127.0.0.1:8099/api/ METRON_USER=demo METRON_PASS=demo metronome identify DIR"})
final class MockMetronCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--catalogue", paramLabel = "DIR", description = "A catalogue folder (metron-sample format).")
    Path catalogue;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--burst-limit", paramLabel = "N", description = "Requests per burst window (default: 20).")
    Integer burstLimit;

    @Option(names = "--burst-window-seconds", paramLabel = "S", description = "Burst window length (default: 60).")
    Long burstWindowSeconds;

    @Option(names = "--daily-limit", paramLabel = "N", description = "Requests per day (default: 5000).")
    Integer dailyLimit;

    @Option(names = "--request-log", paramLabel = "FILE", description = "Append every request to this file.")
    Path requestLog;

    @Option(names = "--fail-rate", paramLabel = "R", description = "Share of requests answered with a 5xx (0..1).")
    Double failRate;

    @Option(names = "--user", paramLabel = "USER", description = "Account accepted with Basic auth (default: any).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Its password.")
    String password;

    @Option(names = "--dense", description = "Serve a Metron-sized world: the sample plus deterministic decoy series "
            + "and issues (hundreds of series for 'batman', 'spider-man', 'comics'...).")
    boolean dense;

    /** Starts the server from the options (without blocking). */
    FakeMetronServer start() {
        List<String> args = new ArrayList<>();
        add(args, "--catalogue", catalogue);
        args.add("--port");
        args.add(String.valueOf(port));
        add(args, "--burst-limit", burstLimit);
        add(args, "--burst-window-seconds", burstWindowSeconds);
        add(args, "--daily-limit", dailyLimit);
        add(args, "--request-log", requestLog);
        add(args, "--fail-rate", failRate);
        add(args, "--user", user);
        add(args, "--password", password);
        if (dense) {
            add(args, "--dense", "true");
        }
        try {
            return FakeMetronMain.start(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "mock-metron: " + ErrorHandler.message(e));
        }
    }

    private static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(value.toString());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        FakeMetronServer server = start();
        spec.commandLine().getOut().println(server.baseUrl());
        spec.commandLine().getOut().flush();
        Serving.untilStopped(server);
        return ExitCode.OK;
    }
}
