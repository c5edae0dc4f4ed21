package dev.metronome.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metron's cover images, fetched by the server once and kept on disk ({@code covers/<issue id>} in the cache
 * folder), so that the user's browser only ever talks to the review page and never to an outside host. A cover is
 * written as a temp file in the same folder, synced, and renamed into place.
 */
public final class CoverStore {

    /** The largest cover accepted (Metron's are a few hundred KB). */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Path dir;
    private final HttpClient http;
    private final AtomicLong fetched = new AtomicLong();

    /**
     * A store in a folder.
     *
     * @param dir the folder (created when the first cover is kept); null keeps covers in memory only
     */
    public CoverStore(Path dir) {
        this.dir = dir;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** How many covers were fetched from Metron's image host. */
    public long fetched() {
        return fetched.get();
    }

    /**
     * The cover of an issue: from the disk when kept, else fetched from its URL and kept.
     *
     * @param issueId the issue
     * @param url     its {@code image} URL (http or https)
     * @return the image bytes, or empty when there is none or it cannot be fetched
     */
    public synchronized Optional<byte[]> cover(long issueId, String url) {
        Path kept = dir == null ? null : dir.resolve(Long.toString(issueId));
        try {
            if (kept != null && Files.isRegularFile(kept)) {
                return Optional.of(Files.readAllBytes(kept));
            }
        } catch (IOException e) {
            // fetch it again
        }
        if (url == null || !(url.toLowerCase(Locale.ROOT).startsWith("http://")
                || url.toLowerCase(Locale.ROOT).startsWith("https://"))) {
            return Optional.empty();
        }
        byte[] body;
        try {
            fetched.incrementAndGet();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("User-Agent", "Metronome review page").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            body = response.body();
            if (response.statusCode() != 200 || body == null || body.length == 0 || body.length > MAX_BYTES
                    || contentType(body).isEmpty()) {
                return Optional.empty();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (kept != null) {
            keep(kept, body);
        }
        return Optional.of(body);
    }

    private static void keep(Path kept, byte[] body) {
        Path temp = null;
        try {
            Files.createDirectories(kept.getParent());
            temp = Files.createTempFile(kept.getParent(), ".cover-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(body));
                channel.force(true);
            }
            if (Files.size(temp) != body.length) {
                throw new IOException("short write");
            }
            Files.move(temp, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // served from memory this time; fetched again next time
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /**
     * The content type of an image, from its first bytes.
     *
     * @param image the bytes
     * @return {@code image/jpeg}, {@code image/png}, {@code image/webp} or {@code image/gif}; empty for anything else
     */
    public static Optional<String> contentType(byte[] image) {
        if (image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            return Optional.of("image/jpeg");
        }
        if (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return Optional.of("image/png");
        }
        if (image.length > 12 && image[0] == 'R' && image[1] == 'I' && image[2] == 'F' && image[3] == 'F'
                && image[8] == 'W' && image[9] == 'E' && image[10] == 'B' && image[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (image.length > 6 && image[0] == 'G' && image[1] == 'I' && image[2] == 'F') {
            return Optional.of("image/gif");
        }
        return Optional.empty();
    }
}
