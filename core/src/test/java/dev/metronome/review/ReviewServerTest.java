package dev.metronome.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The review page over plain HTTP, against the fake Metron: security, writes, the cache, search and covers. */
class ReviewServerTest {

    @Test
    void theQueueComesFromTheCacheOfTheLastRun(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 6, 3)) {
            assertThat(f.files).hasSize(6);
            assertThat(f.queue.items()).hasSize(6);
            assertThat(f.queue.items()).allSatisfy(i -> assertThat(i.candidates()).hasSizeGreaterThanOrEqualTo(2));
            Path shelf = f.files.get(0).path().getParent();
            assertThat(ReviewQueue.fromCache(f.engine.cache().orElseThrow(), List.of(shelf)).items())
                    .hasSize((int) f.files.stream().filter(a -> a.path().startsWith(shelf)).count())
                    .hasSizeLessThan(6);
        }
    }

    @Test
    void everyRequestWithoutTheTokenIsRefusedAndOnlyQueueFilesAreServed(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            String root = f.origin();
            String base = f.base();
            ReviewItem item = f.item(f.files.get(0));
            assertThat(f.get(root + "/").statusCode()).isEqualTo(403);
            assertThat(f.get(root + "/file/" + item.key()).statusCode()).isEqualTo(403);
            assertThat(f.get(root + "/wrong-token/file/" + item.key()).statusCode()).isEqualTo(403);
            assertThat(f.get(root + "/cover/" + item.key() + "/0").statusCode()).isEqualTo(403);
            assertThat(f.post(root + "/file/" + item.key() + "/choose", "issue=1", f.origin()).statusCode())
                    .isEqualTo(403);

            assertThat(f.get(base + "file/" + item.key()).statusCode()).isEqualTo(200);
            assertThat(f.get(base + "file/0123456789abcdef0123").statusCode()).isEqualTo(404);
            assertThat(f.get(base + "file/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
            assertThat(f.get(base + "file/" + java.net.URLEncoder.encode(
                    f.files.get(0).path().toAbsolutePath().toString(), java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
            assertThat(f.get(base + "cover/0123456789abcdef0123/0").statusCode()).isEqualTo(404);
            assertThat(f.get(base + "cover/" + item.key() + "/2").statusCode()).as("not a cover page").isEqualTo(404);
            assertThat(f.get(base + "metron/" + 999_999).statusCode()).as("an issue the page never showed")
                    .isEqualTo(404);
            assertThat(f.post(base + "file/0123456789abcdef0123/choose", "issue=1", f.origin()).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aWriteFromAnotherOriginIsRefused(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            LabelledArchive archive = f.files.get(0);
            ReviewItem item = f.item(archive);
            byte[] before = Files.readAllBytes(archive.path());
            String url = f.base() + "file/" + item.key() + "/choose";
            HttpResponse<String> foreign = f.post(url, "issue=" + archive.trueIssueId(), "http://evil.example");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(f.post(url, "issue=" + archive.trueIssueId(), "null").statusCode()).isEqualTo(403);
            assertThat(f.get(url).statusCode()).as("a GET never writes").isEqualTo(404);
            assertThat(Files.readAllBytes(archive.path())).isEqualTo(before);
            assertThat(f.queue.items()).extracting(ReviewItem::key).contains(item.key());
        }
    }

    @Test
    void itListensOnLoopbackUnlessToldOtherwise(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 1, 1)) {
            assertThat(f.server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(f.server.url().getHost()).isEqualTo("127.0.0.1");
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                try (Socket s = new Socket(external.get(), f.server.address().getPort())) {
                    throw new AssertionError("reachable on " + external.get() + ": " + s);
                } catch (ConnectException expected) {
                    // refused: not listening there
                }
            }
        }
    }

    @Test
    void aChoiceIsWrittenIntoTheArchiveAndRememberedForLaterRuns(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            LabelledArchive archive = f.files.get(0);
            Path copy = dir.resolve("elsewhere").resolve(archive.path().getFileName());
            Files.createDirectories(copy.getParent());
            Files.copy(archive.path(), copy);
            ReviewItem item = f.item(archive);

            HttpResponse<String> chosen = f.post(f.base() + "file/" + item.key() + "/choose",
                    "issue=" + archive.trueIssueId(), f.origin());
            assertThat(chosen.statusCode()).isEqualTo(303);
            assertThat(ReviewFixture.comicInfo(archive.path()).orElseThrow())
                    .contains("[issue_id:" + archive.trueIssueId() + "]");
            assertThat(f.queue.items()).extracting(ReviewItem::key).doesNotContain(item.key());
            assertThat(ReviewQueue.fromCache(f.engine.cache().orElseThrow(), List.of()).items())
                    .extracting(ReviewItem::key).doesNotContain(item.key()).hasSize(2);

            // the same pages elsewhere, untagged: a later run decides them from the cache, asking nobody
            RunReport later = f.engine.newRun(TaggingOptions.defaults().withJobs(1), null).run(List.of(copy));
            FileReport again = later.files().get(0);
            assertThat(again.status()).isEqualTo(FileReport.MATCHED);
            assertThat(again.issueId()).isEqualTo(archive.trueIssueId());
            assertThat(again.evidence()).anySatisfy(e -> assertThat(e).contains("identified before"));
            assertThat(ReviewFixture.comicInfo(copy).orElseThrow()).contains("[issue_id:" + archive.trueIssueId() + "]");
        }
    }

    @Test
    void applyToTheRestOfTheFolderSettlesTheSiblingsTheChoiceMakesUnambiguous(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 6, 3)) {
            LabelledArchive first = f.files.get(0);
            List<LabelledArchive> shelf = f.files.stream()
                    .filter(a -> a.path().getParent().equals(first.path().getParent())).toList();
            assertThat(shelf).hasSizeGreaterThanOrEqualTo(2);
            ReviewItem item = f.item(first);
            HttpResponse<String> chosen = f.post(f.base() + "file/" + item.key() + "/choose",
                    "issue=" + first.trueIssueId() + "&rest=1", f.origin());
            assertThat(chosen.statusCode()).isEqualTo(303);
            for (LabelledArchive a : shelf) {
                assertThat(ReviewFixture.comicInfo(a.path())).as(a.path().toString()).hasValueSatisfying(x ->
                        assertThat(x).contains("[issue_id:" + a.trueIssueId() + "]"));
            }
            assertThat(f.queue.items()).hasSize(6 - shelf.size()).allSatisfy(i ->
                    assertThat(i.folder()).isNotEqualTo(first.path().toAbsolutePath().getParent()));
            String page = f.get(f.base()).headers().firstValue("Location").orElseThrow();
            assertThat(page).contains("/file/");
        }
    }

    @Test
    void aSearchGoesThroughTheClientOnceAndCoversComeFromTheLocalStore(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            ReviewItem item = f.item(f.files.get(0));
            String pageUrl = f.base() + "file/" + item.key();
            int before = f.fake.log().size();
            String search = pageUrl + "?name=" + java.net.URLEncoder.encode(
                    f.reviewer.hint(item).orElseThrow().series(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&number=" + f.reviewer.hint(item).orElseThrow().number() + "&year=";
            HttpResponse<String> found = f.get(search);
            assertThat(found.statusCode()).isEqualTo(200);
            List<String> asked = f.fake.log().subList(before, f.fake.log().size()).stream()
                    .map(e -> e.pathAndQuery()).toList();
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0)).contains("/issue/").contains("series_name=");
            assertThat(found.body()).contains("Search results").contains("data-issue=\"" + f.files.get(0).trueIssueId());
            f.get(search);
            assertThat(f.fake.log()).as("asked once per session").hasSize(before + 1);

            String html = f.get(pageUrl).body();
            List<String> sources = attributes(html, "src");
            assertThat(sources).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith("/" + f.server.url()
                    .getPath().split("/")[1] + "/"));
            assertThat(html).doesNotContain("static.metron.cloud").doesNotContain(f.fake.server.origin());
            String cover = sources.stream().filter(s -> s.contains("/metron/")).findFirst().orElseThrow();
            int served = f.fake.server.coverRequests();
            HttpResponse<byte[]> image = f.getBytes(f.origin() + cover);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            f.getBytes(f.origin() + cover);
            assertThat(f.fake.server.coverRequests()).as("fetched once by the server").isEqualTo(served + 1);
            long issue = Long.parseLong(cover.substring(cover.lastIndexOf('/') + 1));
            CoverStore again = new CoverStore(dir.resolve("cache").resolve("covers"));
            assertThat(again.cover(issue, "http://127.0.0.1:1/never")).isPresent();
            assertThat(again.fetched()).isZero();
            assertThat(f.getBytes(f.base() + "cover/" + item.key() + "/0").headers().firstValue("Content-Type"))
                    .hasValue("image/jpeg");
            assertThat(f.get(f.base() + "file/" + item.key()).headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self'").contains("default-src 'none'"));
        }
    }

    @Test
    void skipAndNotInMetron(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            ReviewItem first = f.queue.items().get(0);
            ReviewItem second = f.queue.items().get(1);
            HttpResponse<String> skipped = f.post(f.base() + "file/" + first.key() + "/skip", "", f.origin());
            assertThat(skipped.statusCode()).isEqualTo(303);
            assertThat(skipped.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/file/" + second.key()));
            assertThat(f.queue.items().get(2).key()).isEqualTo(first.key());

            assertThat(f.post(f.base() + "file/" + second.key() + "/not-in-metron", "", f.origin()).statusCode())
                    .isEqualTo(303);
            assertThat(f.queue.items()).extracting(ReviewItem::key).doesNotContain(second.key());
            assertThat(f.engine.cache().orElseThrow().reviewState(second.file().toString())).hasValue("not-in-metron");
            // a later run leaves it undecided, and it stays off the page
            f.engine.newRun(TaggingOptions.defaults(), null).run(List.of(second.file()));
            assertThat(ReviewQueue.fromCache(f.engine.cache().orElseThrow(), List.of()).items())
                    .extracting(ReviewItem::key).doesNotContain(second.key());
            assertThat(ReviewFixture.comicInfo(second.file())).isEmpty();
        }
    }

    @Test
    void aReportGivesTheQueueToo(@TempDir Path dir) throws Exception {
        try (ReviewFixture f = new ReviewFixture(dir, 3, 3)) {
            Path report = dir.resolve("report.json");
            Files.writeString(report, dev.metronome.metron.MetronJson.mapper().writeValueAsString(f.firstRun));
            ReviewQueue fromReport = ReviewQueue.fromReport(report, List.of());
            assertThat(fromReport.items()).extracting(ReviewItem::key)
                    .containsExactlyInAnyOrderElementsOf(f.queue.items().stream().map(ReviewItem::key).toList());
            assertThat(fromReport.items().get(0).candidates()).isNotEmpty();
            Files.writeString(report, "{\"not\": \"a report\"}");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewQueue.fromReport(report, List.of()))
                    .isInstanceOf(IOException.class).hasMessageContaining("not a Metronome report");
        }
    }

    private static List<String> attributes(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
