package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review page over plain HTTP, as a browser uses it: GETs follow the page's redirects (its root goes to the first
 * file), a choice is a form POST from the page's own origin.
 */
final class ReviewPageClient {

    private static final Pattern FILE_KEY = Pattern.compile("file/([0-9a-f]{20})");

    private final HttpClient browsing = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A GET, redirects followed. */
    HttpResponse<String> get(String url) {
        try {
            return browsing.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page's key of the file a page shows (read from the URL it was redirected to). */
    static String key(HttpResponse<String> page) {
        Matcher m = FILE_KEY.matcher(page.uri().toString());
        assertThat(m.find()).as(page.uri() + "\n" + page.body()).isTrue();
        return m.group(1);
    }

    /** The origin a browser on the page sends. */
    static String origin(URI page) {
        return "http://" + page.getHost() + ":" + page.getPort();
    }

    /** A form POST, as the page sends it (not followed). */
    HttpResponse<String> post(String url, String form, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Chooses an issue for a file of the page, and expects the page's redirect. */
    void choose(URI page, String key, long issueId) throws IOException, InterruptedException {
        HttpResponse<String> chosen = post(page + "file/" + key + "/choose", "issue=" + issueId, origin(page));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
    }
}
