package dev.metronome.review;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.corpus.ReviewCorpus;
import dev.metronome.tagging.CorpusRun;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A review page over an ambiguous queue, against the fake Metron: the files, one tagging run that leaves them all
 * undecided (so the cache holds the queue), the engine, and the page's server; with plain-HTTP helpers.
 */
final class ReviewFixture implements AutoCloseable {

    final CorpusRun fake = new CorpusRun();
    final List<LabelledArchive> files;
    final Metronome engine;
    final RunReport firstRun;
    final ReviewQueue queue;
    final Reviewer reviewer;
    final ReviewServer server;
    final HttpClient http = HttpClient.newHttpClient();

    ReviewFixture(Path dir, int count, int perFolder) throws IOException {
        List<LabelledArchive> made = ReviewCorpus.create(dir.resolve("library"), count + count / 3 + 3, perFolder);
        engine = fake.engine(dir.resolve("cache"), 2);
        firstRun = engine.newRun(TaggingOptions.defaults().withJobs(2), null).run(List.of(dir.resolve("library")));
        // the engine settles a few by itself (a name it reads well enough): the queue keeps the first undecided ones
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        firstRun.files().stream().filter(r -> FileReport.AMBIGUOUS.equals(r.status())).forEach(r -> ambiguous.add(r.path()));
        List<LabelledArchive> kept = new java.util.ArrayList<>();
        for (LabelledArchive a : made) {
            if (kept.size() < count && ambiguous.contains(a.path().toString())) {
                kept.add(a);
            } else {
                java.nio.file.Files.delete(a.path());
            }
        }
        files = List.copyOf(kept);
        queue = ReviewQueue.fromCache(engine.cache().orElseThrow(), List.of());
        reviewer = new Reviewer(engine, queue, new CoverStore(dir.resolve("cache").resolve("covers")));
        server = ReviewServer.start(reviewer, ReviewServer.Options.loopback(0));
    }

    /** The page's base URL, token included, ending in a slash. */
    String base() {
        return server.url().toString();
    }

    /** The origin the browser would send. */
    String origin() {
        return "http://" + server.url().getHost() + ":" + server.url().getPort();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String url, String form, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The queue item of an archive. */
    ReviewItem item(LabelledArchive archive) {
        return queue.items().stream().filter(i -> i.file().equals(archive.path().toAbsolutePath().normalize()))
                .findFirst().orElseThrow(() -> new AssertionError(archive.path() + " is not in the queue"));
    }

    /** The ComicInfo.xml an archive holds, if any. */
    static Optional<String> comicInfo(Path archive) throws IOException {
        try (ComicArchive a = Archives.open(archive)) {
            return a.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        fake.close();
    }
}
