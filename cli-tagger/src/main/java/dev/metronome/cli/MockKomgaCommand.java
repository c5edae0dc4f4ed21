package dev.metronome.cli;

import dev.metronome.fixtures.komga.FakeKomgaServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/** {@code metronome mock-komga}: a local fake Komga over a folder of archives, to try {@code serve komga}. */
@Command(name = "mock-komga", mixinStandardHelpOptions = true,
        description = {"Serves a fake Komga on 127.0.0.1 over a folder of archives (one library).",
                "Prints its URL and an API key, then serves until stopped (Ctrl-C)."},
        footer = {"", "Example:", "  metronome mock-komga --library ~/comics --port 25600"})
final class MockKomgaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--library", paramLabel = "DIR", required = true, description = "The library folder.")
    Path library;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: 25600).")
    int port = 25600;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(library)) {
            throw new UserError(ExitCode.USAGE, "mock-komga: --library must name an existing folder: " + library);
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        FakeKomgaServer server = FakeKomgaServer.builder().library(library.getFileName().toString(), library)
                .apiKey(HexFormat.of().formatHex(random)).port(port).scanInterval(Duration.ofSeconds(2)).start();
        spec.commandLine().getOut().println(server.url());
        spec.commandLine().getOut().println("API key: " + server.apiKey());
        spec.commandLine().getOut().flush();
        Serving.untilStopped(server);
        return ExitCode.OK;
    }
}
