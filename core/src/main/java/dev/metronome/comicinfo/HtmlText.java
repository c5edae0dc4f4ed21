package dev.metronome.comicinfo;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns descriptions that contain HTML (Comic Vine summaries, some Metron descriptions) into clean text:
 * tags gone, entities decoded, paragraphs separated by one blank line, line breaks kept, list items on their
 * own lines. Text without HTML is only tidied (line ends, surrounding blanks).
 */
public final class HtmlText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "</?(p|br|div|i|b|em|strong|a|ul|ol|li|h[1-6]|span|blockquote|table|tr|td|th|hr|sup|sub|u|s|font|img|figure|section)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK = Pattern.compile(
            "p|div|h[1-6]|blockquote|ul|ol|table|figure|section|article|header|footer|pre|hr", Pattern.CASE_INSENSITIVE);

    private HtmlText() {
    }

    /** Whether the text contains HTML tags. */
    public static boolean looksLikeHtml(String text) {
        return text != null && LOOKS_LIKE_HTML.matcher(text).find();
    }

    /** The clean text of a description; {@code null} becomes {@code ""}. */
    public static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String plain = looksLikeHtml(text) ? render(text) : text;
        return tidy(plain);
    }

    private static String render(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    out.append(textNode.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("li") || tag.equals("tr")) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    } else if (BLOCK.matcher(tag).matches()) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCK.matcher(element.normalName()).matches()) {
                    out.append("\n\n");
                }
            }
        }, body);
        return out.toString();
    }

    private static String tidy(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n", -1)) {
            out.append(line.strip().replaceAll("[ \\t]{2,}", " ")).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
