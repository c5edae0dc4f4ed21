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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metron's cover images, fetched by the server once and kept on disk ({@code covers/<issue id>} in the cache
 * folder), so that the user's browser only ever talks to the review page and never to an outside host. A cover is
 * written as a temp file in the same folder, synced, and renamed into place.
 *
 * <p>The store is bounded: a cover's file time is when it was fetched (on the store's clock); one older than the age
 * limit is fetched again (Metron may have replaced it), and after each new cover the ones fetched longest ago are
 * deleted until the folder holds no more than the byte limit.
 */
public final class CoverStore {

    /** The largest cover accepted (Metron's are a few hundred KB). */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    /** How long a kept cover is used before it is fetched again, by default. */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** How many bytes of covers are kept at most, by default (about a thousand of Metron's covers). */
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private final Path dir;
    private final HttpClient http;
    private final AtomicLong fetched = new AtomicLong();
    private final Clock clock;
    private final Duration maxAge;
    private final long maxTotalBytes;

    /**
     * A store in a folder, with the default limits ({@link #MAX_AGE}, {@link #MAX_TOTAL_BYTES}).
     *
     * @param dir the folder (created when the first cover is kept); null keeps no cover
     */
    public CoverStore(Path dir) {
        this(dir, Clock.systemUTC(), MAX_AGE, MAX_TOTAL_BYTES);
    }

    /**
     * A store with the default limits.
     *
     * @param dir the folder, or null
     * @return the store
     */
    public static CoverStore bounded(Path dir) {
        return new CoverStore(dir);
    }

    /**
     * A store in a folder.
     *
     * @param dir           the folder (created when the first cover is kept); null keeps no cover
     * @param clock         the clock the ages are read on
     * @param maxAge        a cover kept longer than this since it was fetched is fetched again
     * @param maxTotalBytes the most bytes of covers kept; those fetched longest ago go first
     */
    public CoverStore(Path dir, Clock clock, Duration maxAge, long maxTotalBytes) {
        this.dir = dir;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxTotalBytes = maxTotalBytes;
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
        Optional<byte[]> fresh = fresh(kept);
        if (fresh.isPresent()) {
            return fresh;
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
            prune();
        }
        return Optional.of(body);
    }

    /** A kept cover young enough to use (its file time is when it was fetched, on the store's clock). */
    private Optional<byte[]> fresh(Path kept) {
        if (kept == null || !Files.isRegularFile(kept)) {
            return Optional.empty();
        }
        try {
            if (Files.getLastModifiedTime(kept).toInstant().plus(maxAge).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(kept));
        } catch (IOException e) {
            return Optional.empty(); // fetched again
        }
    }

    /** Deletes the covers fetched longest ago until the folder holds no more than the byte limit. */
    private void prune() {
        List<Path> covers;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            covers = files.filter(f -> f.getFileName().toString().matches("\\d+")).collect(
                    java.util.stream.Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            return;
        }
        long total = 0;
        java.util.Map<Path, long[]> sizeAndFetch = new java.util.HashMap<>();
        for (Path cover : covers) {
            try {
                long size = Files.size(cover);
                sizeAndFetch.put(cover, new long[] {size, Files.getLastModifiedTime(cover).toMillis()});
                total += size;
            } catch (IOException gone) {
                // deleted meanwhile
            }
        }
        covers.removeIf(c -> !sizeAndFetch.containsKey(c));
        covers.sort(Comparator.comparingLong((Path c) -> sizeAndFetch.get(c)[1]).thenComparing(Path::toString));
        for (Path cover : covers) {
            if (total <= maxTotalBytes) {
                return;
            }
            try {
                Files.deleteIfExists(cover);
                total -= sizeAndFetch.get(cover)[0];
            } catch (IOException e) {
                // tried again after the next cover
            }
        }
    }

    private void keep(Path kept, byte[] body) {
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
            Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.from(clock.instant()));
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
