package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.corpus.ReviewCorpus;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.RequestLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The review page in a real (headless) browser: a 30-file queue of files ambiguous between volumes, left undecided
 * by {@code metronome tag}, settled on the page of {@code metronome review} by click and by keyboard, with one
 * search, one typed id, one skip, one "not in Metron" and one "apply to the rest of this folder". Every archive is
 * then checked, the requests the page cost at the fake Metron are counted, and screenshots are saved.
 */
class ReviewBrowserTest {

    private static final Path SHOTS = Path.of("target", "review-screenshots");
    private static final int QUEUE = 30;

    @TempDir
    Path home;

    @Test
    void aThirtyFileAmbiguousQueueIsSettledInTheBrowser() throws Exception {
        ChromeDriver browser = Chromium.start(Files.createDirectories(home.resolve("profile")));
        try (FakeMetronServer metron = FakeMetronServer.builder().account("review", "review-pass")
                .burst(10_000, Duration.ofSeconds(10)).start()) {
            Map<String, String> env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "review",
                    "METRON_PASS", "review-pass", "METRONOME_CACHE_DIR", home.resolve("cache").toString());
            List<LabelledArchive> queue = ambiguousQueue(env);
            assertThat(queue).hasSize(QUEUE);
            Map<String, LabelledArchive> byName = new HashMap<>();
            queue.forEach(a -> byName.put(a.path().getParent() + "/" + a.path().getFileName(), a));

            StringWriter out = new StringWriter();
            CommandLine commandLine = MetronomeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(out, true));
            ReviewCommand review = (ReviewCommand) commandLine.getSubcommands().get("review").getCommand();
            review.environment(env, home);
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> commandLine.execute("review"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (review.running == null && !running.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(review.running).as(out.toString()).isNotNull();
            String url = review.running.url().toString();
            assertThat(out.toString()).contains("review page for " + QUEUE + " files at " + url);

            int requestsBefore = metron.requestLog().size();
            int coversBefore = metron.coverRequests();
            long started = System.nanoTime();
            Map<LabelledArchive, Long> chosen = new HashMap<>();
            Set<LabelledArchive> notInMetron = new HashSet<>();
            Set<LabelledArchive> skippedOnce = new HashSet<>();
            Set<LabelledArchive> typed = new HashSet<>();
            boolean[] applied = {false};
            List<String> shots = new ArrayList<>();
            Session page = new Session(browser);
            browser.get(url);
            int step = 0;
            while (!browser.getPageSource().contains("Nothing is left to review")) {
                assertThat(step).as("steps").isLessThan(3 * QUEUE);
                assertThat(browser.findElements(By.cssSelector(".folder"))).as("step %d: %s", step,
                        browser.getPageSource()).isNotEmpty();
                LabelledArchive file = byName.get(browser.findElement(By.cssSelector(".folder")).getText() + "/"
                        + browser.findElement(By.cssSelector(".file-name")).getText());
                assertThat(file).as("the page shows a queue file").isNotNull();
                assertThat(page.noOutsideRequests(url)).as("the browser only talks to the page").isEmpty();
                if (step == 0) {
                    shots.add(page.screenshot("review-desktop.png"));
                    page.jAndK();
                    browser.manage().window().setSize(new Dimension(390, 844));
                    browser.navigate().refresh();
                    assertThat(page.overflowsHorizontally()).as("fits a phone screen").isFalse();
                    shots.add(page.screenshot("review-phone.png"));
                    browser.manage().window().setSize(new Dimension(1280, 1000));
                }
                step++;
                if (step == 1) {
                    // search (/), then choose among the results
                    page.search();
                    assertThat(browser.getPageSource()).contains("Search results");
                    shots.add(page.screenshot("review-search.png"));
                    page.click(page.choiceFor(file.trueIssueId()).orElseThrow());
                    chosen.put(file, file.trueIssueId());
                } else if (step == 2) {
                    page.key("s");
                    skippedOnce.add(file);
                } else if (step == 3) {
                    page.click(browser.findElement(By.id("not-in-metron")));
                    notInMetron.add(file);
                } else if (step == 4) {
                    browser.findElement(By.id("issue-id")).sendKeys(Long.toString(file.trueIssueId()));
                    page.click(browser.findElement(By.id("id-button")));
                    chosen.put(file, file.trueIssueId());
                } else if (page.choiceFor(file.trueIssueId()).isEmpty()) {
                    // the true issue is not among the engine's candidates: the user types its id
                    browser.findElement(By.id("issue-id")).sendKeys(Long.toString(file.trueIssueId()));
                    page.click(browser.findElement(By.id("id-button")));
                    chosen.put(file, file.trueIssueId());
                    typed.add(file);
                } else {
                    WebElement button = page.choiceFor(file.trueIssueId()).orElseThrow();
                    boolean siblingsLeft = browser.findElements(By.id("rest")).size() == 1 && !applied[0];
                    if (siblingsLeft) {
                        // apply to the rest of this folder: the siblings with one candidate in this series go too
                        applied[0] = true;
                        browser.findElement(By.id("rest")).click();
                        page.click(button);
                        chosen.put(file, file.trueIssueId());
                        queue.stream().filter(a -> a.path().getParent().equals(file.path().getParent())
                                && !chosen.containsKey(a) && !notInMetron.contains(a)).filter(a -> tagged(a.path()))
                                .forEach(a -> chosen.put(a, a.trueIssueId()));
                    } else if (step % 2 == 0) {
                        page.key(button.getAttribute("data-key"));
                    } else {
                        page.click(button);
                    }
                    chosen.put(file, file.trueIssueId());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            review.stop.countDown();
            assertThat(running.get()).as(out.toString()).isZero();

            List<RequestLogEntry> cost = metron.requestLog().subList(requestsBefore, metron.requestLog().size());
            int covers = metron.coverRequests() - coversBefore;
            Map<String, Integer> kinds = new TreeMap<>();
            cost.forEach(e -> kinds.merge(e.pathAndQuery().replaceAll("/\\d+/", "/{id}/").replaceAll("\\?.*", "?…"),
                    1, Integer::sum));
            String summary = String.format(java.util.Locale.ROOT, "review page: %d files settled in the browser in"
                            + " %.1f s (%d chosen, %d of them by typed id, %d not in Metron, %d skipped once then chosen);"
                            + " Metron API requests"
                            + " the page cost: %d %s; cover images fetched by the server: %d%nscreenshots: %s",
                    QUEUE, seconds, chosen.size(), typed.size() + 1, notInMetron.size(), skippedOnce.size(), cost.size(), kinds, covers,
                    shots);
            System.out.println(summary);
            Files.writeString(SHOTS.resolve("summary.txt"), summary + System.lineSeparator());

            assertThat(chosen.size() + notInMetron.size()).isEqualTo(QUEUE);
            assertThat(applied[0]).as("apply to the rest of the folder was used").isTrue();
            assertThat(skippedOnce).hasSize(1).allSatisfy(a -> assertThat(chosen).containsKey(a));
            for (LabelledArchive a : queue) {
                Optional<String> xml = comicInfo(a.path());
                if (notInMetron.contains(a)) {
                    assertThat(xml).as(a.path().toString()).isEmpty();
                } else {
                    assertThat(xml).as(a.path().toString()).hasValueSatisfying(x ->
                            assertThat(x).contains("[issue_id:" + a.trueIssueId() + "]"));
                }
            }
            assertThat(seconds).as("fast enough").isLessThan(60);
        } finally {
            browser.quit();
        }
    }

    /** Builds the queue: a tag run leaves the files undecided; the first 30 undecided stay, the others go. */
    private List<LabelledArchive> ambiguousQueue(Map<String, String> env) throws IOException {
        Path library = home.resolve("library");
        List<LabelledArchive> made = ReviewCorpus.create(library, QUEUE + 14, 3);
        Path report = home.resolve("report.json");
        Cli.Run tag = Cli.run(env, home, "tag", "--report", report.toString(), library.toString());
        assertThat(tag.exitCode()).as(tag.err()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        Set<String> ambiguous = new HashSet<>();
        for (JsonNode f : new ObjectMapper().readTree(report.toFile()).path("files")) {
            if (f.path("status").asText().equals("ambiguous")) {
                ambiguous.add(f.path("path").asText());
            }
        }
        List<LabelledArchive> kept = new ArrayList<>();
        for (LabelledArchive a : made) {
            if (kept.size() < QUEUE && ambiguous.contains(a.path().toString())) {
                kept.add(a);
            } else {
                Files.delete(a.path());
            }
        }
        return kept;
    }

    private static boolean tagged(Path archive) {
        try {
            return comicInfo(archive).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> comicInfo(Path archive) throws IOException {
        try (ComicArchive a = Archives.open(archive)) {
            return a.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }

    /** The browser on the page, with waits for each navigation. */
    private record Session(ChromeDriver browser) {

        Optional<WebElement> choiceFor(long issueId) {
            return browser.findElements(By.cssSelector(".candidate[data-issue='" + issueId + "'] button")).stream()
                    .findFirst();
        }

        void click(WebElement element) {
            WebElement html = browser.findElement(By.tagName("html"));
            element.click();
            await(html);
        }

        void key(String key) {
            WebElement html = browser.findElement(By.tagName("html"));
            new Actions(browser).sendKeys(key).perform();
            await(html);
        }

        /** '/' focuses the search (filled from the file name), Enter searches. */
        void search() {
            new Actions(browser).sendKeys("/").perform();
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("id")).isEqualTo("search-name");
            WebElement html = browser.findElement(By.tagName("html"));
            focused.sendKeys(Keys.ENTER);
            await(html);
        }

        /** j goes to the next file, k back. */
        void jAndK() {
            String first = browser.getCurrentUrl();
            key("j");
            assertThat(browser.getCurrentUrl()).isNotEqualTo(first);
            key("k");
            assertThat(browser.getCurrentUrl()).isEqualTo(first);
        }

        private void await(WebElement old) {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(old));
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "complete".equals(
                    browser.executeScript("return document.readyState")));
        }

        boolean overflowsHorizontally() {
            Object wider = browser.executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1;");
            return Boolean.TRUE.equals(wider);
        }

        /** The resources this page loaded from anywhere but the review page itself. */
        @SuppressWarnings("unchecked")
        List<String> noOutsideRequests(String pageUrl) {
            String origin = pageUrl.substring(0, pageUrl.indexOf('/', "http://".length()));
            List<String> loaded = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            return loaded.stream().filter(n -> !n.startsWith(origin + "/")).toList();
        }

        String screenshot(String name) throws IOException {
            Files.createDirectories(SHOTS);
            Path file = SHOTS.resolve(name);
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file.toAbsolutePath().toString();
        }
    }
}
