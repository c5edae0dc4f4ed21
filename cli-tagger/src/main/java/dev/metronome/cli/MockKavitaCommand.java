package dev.metronome.cli;

import dev.metronome.fixtures.kavita.FakeKavitaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code metronome mock-kavita}: a local fake Kavita over folders of archives, to try {@code serve kavita}. */
@Command(name = "mock-kavita", mixinStandardHelpOptions = true,
        description = {"Serves a fake Kavita on 127.0.0.1 over folders of archives (one library; each sub-folder is a"
                + " series). It rescans every two seconds, as Kavita's folder watcher would (slower).",
                "Prints its URL and an admin API key, then serves until stopped (Ctrl-C)."},
        footer = {"", "Example:", "  metronome mock-kavita --library ~/comics --port 5000 --kavita-version 0.9.1.0"})
final class MockKavitaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--library", paramLabel = "DIR", required = true, description = "A library folder (repeatable: one library, several folders).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: 5000).")
    int port = 5000;

    @Option(names = "--kavita-version", paramLabel = "V", description = "The Kavita version to play, e.g. 0.8.4.0 (default) or 0.9.1.0.")
    String version = "0.8.4.0";

    @Override
    public Integer call() throws Exception {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new UserError(ExitCode.USAGE, "mock-kavita: --library must name an existing folder: " + f);
            }
        }
        if (!version.matches("\\d+\\.\\d+\\.\\d+(\\.\\d+)?")) {
            throw new UserError(ExitCode.USAGE, "mock-kavita: --kavita-version must look like 0.8.4.0, got " + version);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        FakeKavitaServer server = FakeKavitaServer.builder().library(folders.get(0).getFileName().toString(),
                folders.toArray(Path[]::new)).apiKey(HexFormat.of().formatHex(random)).version(version).port(port).start();
        ScheduledExecutorService rescans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mock-kavita-rescan");
            t.setDaemon(true);
            return t;
        });
        rescans.scheduleWithFixedDelay(server::scan, 2, 2, TimeUnit.SECONDS);
        spec.commandLine().getOut().println(server.url() + " (Kavita " + version + ")");
        spec.commandLine().getOut().println("API key: " + server.apiKey());
        spec.commandLine().getOut().flush();
        Serving.untilStopped(() -> {
            rescans.shutdownNow();
            server.close();
        });
        return ExitCode.OK;
    }
}
