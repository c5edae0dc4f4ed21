package dev.metronome.review;

import dev.metronome.identify.NameHint;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTML of the review page, built on the server with jsoup (every text is escaped by it). One file at a time: its
 * cover and evidence, its candidates with their Metron covers, and the actions. All links carry the page's token;
 * styles and the little script are served from the same origin (nothing is loaded from elsewhere).
 */
final class ReviewPage {

    private final String base;

    /**
     * Pages under a base path.
     *
     * @param base the path every URL starts with, {@code /<token>}
     */
    ReviewPage(String base) {
        this.base = base;
    }

    /**
     * What one file's page shows.
     *
     * @param item       the file
     * @param position   its place in the queue (1-based)
     * @param total      the files in the queue
     * @param previous   the key of the file before, or null
     * @param next       the key of the file after, or null
     * @param coverPages the file's cover pages
     * @param candidates the candidates (the file's, or a search's)
     * @param searched   whether the candidates are a search's
     * @param hint       the series, number and year the file gives
     * @param query      the search asked, if any: name, number, year
     * @param message    the last action's outcome, or null
     */
    record View(ReviewItem item, int position, int total, String previous, String next, List<Integer> coverPages,
                List<ReviewCandidate> candidates, boolean searched, Optional<NameHint> hint, String[] query,
                String message) {
    }

    /** The page of one file. */
    String file(View v) {
        Document doc = shell("Review " + v.item().file().getFileName());
        Element body = doc.body();
        header(body, v.total(), v.message());
        Element nav = body.appendElement("nav").addClass("nav");
        link(nav, v.previous(), "k", "← previous (k)");
        nav.appendElement("span").addClass("position").text("file " + v.position() + " of " + v.total());
        link(nav, v.next(), "j", "next (j) →");
        Element main = body.appendElement("main").addClass("review");
        Element file = main.appendElement("section").addClass("file");
        file.appendElement("h2").addClass("file-name").text(v.item().file().getFileName().toString());
        file.appendElement("p").addClass("folder").text(String.valueOf(v.item().folder()));
        Element covers = file.appendElement("div").addClass("covers");
        for (int page : v.coverPages()) {
            covers.appendElement("img").attr("src", base + "/cover/" + v.item().key() + "/" + page)
                    .attr("alt", page == 0 ? "page 1 of the file" : "the page marked FrontCover")
                    .addClass("file-cover");
        }
        file.appendElement("p").addClass("status").text(v.item().status().equals("no-match")
                ? "Nothing in Metron matched this file." : "Metronome could not tell these candidates apart.");
        Element reasons = file.appendElement("ul").addClass("reasons");
        v.item().reasons().forEach(r -> reasons.appendElement("li").text(r));
        candidates(main, v);
        actions(main, v);
        return doc.outerHtml();
    }

    /** The page once every file is settled. */
    String empty(String message) {
        Document doc = shell("Review: nothing left");
        header(doc.body(), 0, message);
        doc.body().appendElement("main").addClass("done").appendElement("p")
                .text("Nothing is left to review. Files that later runs leave undecided will appear here.");
        return doc.outerHtml();
    }

    private Document shell(String title) {
        Document doc = Document.createShell("");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.head().appendElement("meta").attr("name", "referrer").attr("content", "same-origin");
        doc.title(title);
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", base + "/review.css");
        doc.head().appendElement("script").attr("src", base + "/review.js").attr("defer", "defer");
        return doc;
    }

    private static void header(Element body, int total, String message) {
        Element header = body.appendElement("header");
        header.appendElement("h1").text("Metronome review");
        header.appendElement("span").addClass("left").attr("id", "left").text(total + " left");
        if (message != null && !message.isBlank()) {
            body.appendElement("p").addClass("message").attr("id", "message").attr("role", "status").text(message);
        }
    }

    private void link(Element nav, String key, String accessKey, String text) {
        if (key == null) {
            nav.appendElement("span").addClass("disabled").text(text);
        } else {
            nav.appendElement("a").attr("href", base + "/file/" + key).attr("data-key", accessKey).text(text);
        }
    }

    private void candidates(Element main, View v) {
        Element section = main.appendElement("section").addClass("candidates");
        section.appendElement("h2").text(v.searched() ? "Search results" : "Candidates");
        if (v.candidates().isEmpty()) {
            section.appendElement("p").addClass("none").text(v.searched() ? "Metron found nothing for this search."
                    : "No candidates: search Metron, or enter an issue id.");
            return;
        }
        Element form = section.appendElement("form").attr("method", "post")
                .attr("action", base + "/file/" + v.item().key() + "/choose").addClass("choose");
        Element rest = form.appendElement("label").addClass("rest");
        rest.appendElement("input").attr("type", "checkbox").attr("name", "rest").attr("value", "1")
                .attr("id", "rest");
        rest.appendText(" apply to the rest of this folder");
        Element grid = form.appendElement("div").addClass("grid");
        int n = 0;
        for (ReviewCandidate c : v.candidates()) {
            n++;
            Element card = grid.appendElement("div").addClass("candidate").attr("data-issue", Long.toString(c.issueId()));
            if (c.image() != null) {
                card.appendElement("img").attr("src", base + "/metron/" + c.issueId()).attr("alt",
                        "Metron cover of issue " + c.issueId()).addClass("metron-cover");
            } else {
                card.appendElement("div").addClass("no-cover").text("no cover in Metron");
            }
            Element facts = card.appendElement("dl");
            fact(facts, "Series", c.series());
            fact(facts, "Volume", c.volume() == null ? "" : c.volume().toString());
            fact(facts, "Years", c.years());
            fact(facts, "Number", c.number());
            fact(facts, "Cover date", c.coverDate() == null ? "" : c.coverDate().toString());
            fact(facts, "Score", c.score() == null ? "" : String.format(Locale.ROOT, "%.2f", c.score()));
            fact(facts, "Cover hash distance", c.hashDistance() == null ? "" : c.hashDistance()
                    + (c.hashDistance() <= Reviewer.SAME_COVER ? " (same cover)" : ""));
            fact(facts, "Metron id", Long.toString(c.issueId()));
            Element button = card.appendElement("button").attr("type", "submit").attr("name", "issue")
                    .attr("value", Long.toString(c.issueId())).addClass("choose-button");
            if (n <= 9) {
                button.attr("data-key", Integer.toString(n));
                button.appendElement("kbd").text(Integer.toString(n));
                button.appendText(" ");
            }
            button.appendText("Choose");
        }
    }

    private static void fact(Element dl, String name, String value) {
        if (value != null && !value.isBlank()) {
            dl.appendElement("dt").text(name);
            dl.appendElement("dd").text(value);
        }
    }

    private void actions(Element main, View v) {
        Element section = main.appendElement("section").addClass("actions");
        String file = base + "/file/" + v.item().key();
        Element search = section.appendElement("form").attr("method", "get").attr("action", file).addClass("search");
        search.appendElement("h3").text("Search Metron (/)");
        String[] q = v.query();
        String name = q != null ? q[0] : v.hint().map(NameHint::series).orElse("");
        String number = q != null ? q[1] : v.hint().map(NameHint::number).orElse("");
        String year = q != null ? q[2] : v.hint().flatMap(NameHint::year).map(String::valueOf).orElse("");
        input(search, "name", "search-name", "Series", name, "text");
        input(search, "number", "search-number", "Number", number, "text");
        input(search, "year", "search-year", "Year began", year, "number");
        search.appendElement("button").attr("type", "submit").attr("id", "search-button").text("Search");

        Element byId = section.appendElement("form").attr("method", "post").attr("action", file + "/choose")
                .addClass("by-id");
        byId.appendElement("h3").text("Enter a Metron issue id");
        input(byId, "issue", "issue-id", "Issue id", "", "number");
        byId.appendElement("button").attr("type", "submit").attr("id", "id-button").text("Use this issue");

        Element other = section.appendElement("div").addClass("other");
        other.appendElement("form").attr("method", "post").attr("action", file + "/skip")
                .appendElement("button").attr("type", "submit").attr("id", "skip").attr("data-key", "s")
                .text("Skip (s)");
        other.appendElement("form").attr("method", "post").attr("action", file + "/not-in-metron")
                .appendElement("button").attr("type", "submit").attr("id", "not-in-metron").text("Not in Metron");
    }

    private static void input(Element form, String name, String id, String label, String value, String type) {
        form.appendElement("label").attr("for", id).text(label);
        form.appendElement("input").attr("type", type).attr("name", name).attr("id", id).attr("value", value)
                .attr("autocomplete", "off");
    }
}
