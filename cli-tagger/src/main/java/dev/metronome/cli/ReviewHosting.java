package dev.metronome.cli;

import dev.metronome.core.Metronome;
import dev.metronome.review.ChoiceWriter;
import dev.metronome.review.CoverStore;
import dev.metronome.review.ReviewQueue;
import dev.metronome.review.ReviewServer;
import dev.metronome.review.Reviewer;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.ServerException;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Starts the review page for {@code metronome review} and for the servers' {@code --review-port}. */
final class ReviewHosting {

    /** The folder of the cache where Metron's covers are kept for the page. */
    static final String COVERS = "review-covers";

    private ReviewHosting() {
    }

    /**
     * The address to listen on: the loopback address unless one is given.
     *
     * @param bind the {@code --bind} value, or null
     * @return the address
     */
    static InetAddress address(String bind) {
        if (bind == null || bind.isBlank()) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(bind.strip());
        } catch (UnknownHostException e) {
            throw new UserError(ExitCode.USAGE, "--bind: not an address of this machine: " + bind);
        }
    }

    /**
     * Starts the page and says where it is.
     *
     * @param engine   the engine (client, limiter, cache, tagging pipeline)
     * @param queue    the files to review
     * @param writer   where a choice goes
     * @param cacheDir the cache folder (Metron's covers are kept in it)
     * @param bind     the {@code --bind} value, or null for the loopback address
     * @param port     the port, 0 for any free one
     * @param out      where to print the URL
     * @return the running page
     */
    static ReviewServer start(Metronome engine, ReviewQueue queue, ChoiceWriter writer, Path cacheDir, String bind,
                              int port, PrintWriter out) {
        InetAddress address = address(bind);
        ReviewServer server;
        try {
            server = ReviewServer.start(new Reviewer(engine, queue, CoverStore.bounded(cacheDir == null ? null
                    : cacheDir.resolve(COVERS)), writer), new ReviewServer.Options(address, port));
        } catch (IOException e) {
            throw new UserError(ExitCode.CONFIGURATION, "cannot serve the review page on " + address.getHostAddress()
                    + ":" + port + ": " + ErrorHandler.message(e));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        out.printf("metronome: review page for %d files at %s%n", queue.size(), server.url());
        if (!address.isLoopbackAddress()) {
            out.printf("metronome: listening on %s (--bind): anyone who can reach it with the URL's token can tag"
                    + " files%n", address.getHostAddress());
        }
        out.flush();
        return server;
    }

    /**
     * Starts the page of a library server ({@code --review-port}): the books the server's sync left undecided, each
     * choice applied through the sync, the way the adapter applies a confident match in the book's mode (Komga and
     * Kavita patch mode: the server's metadata with locks; file mode: the file, then the server's rescan).
     *
     * @param engine   the engine
     * @param sync     the running sync
     * @param cacheDir the cache folder
     * @param bind     the {@code --review-bind} value, or null
     * @param port     the port, 0 for any free one
     * @param out      where to print the URL
     * @return the running page
     */
    static ReviewServer startForServer(Metronome engine, LibraryServerSync sync, Path cacheDir, String bind, int port,
                                       PrintWriter out) {
        ReviewQueue queue = ReviewQueue.fromCache(engine.cache().orElseThrow(() -> new UserError(
                ExitCode.CONFIGURATION, "--review-port needs a cache folder: the undecided books are kept there")),
                List.of()).only(file -> sync.openBook(file).isPresent());
        ChoiceWriter writer = (file, issueId) -> {
            try {
                sync.applyChoice(file, issueId);
                return Optional.empty();
            } catch (ServerException e) {
                return Optional.of(e.getMessage());
            }
        };
        return start(engine, queue, writer, cacheDir, bind, port, out);
    }
}
