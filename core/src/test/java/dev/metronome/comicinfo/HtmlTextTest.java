package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsBreaksAndListsAreKept() {
        assertThat(HtmlText.clean("<p>One <i>two</i>.</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul><div>end &amp; done</div>"))
                .isEqualTo("One two.\n\nThree\nfour\n\na\nb\n\nend & done");
    }

    @Test
    void comicVineStyleTableBecomesLines() {
        assertThat(HtmlText.clean("<p>Story.</p><h4>List of covers</h4><table><tr><td>Cover</td><td>Jim Lee</td></tr></table>"))
                .isEqualTo("Story.\n\nList of covers\n\nCover Jim Lee");
    }

    @Test
    void plainTextIsOnlyTidied() {
        assertThat(HtmlText.clean("  Line one  \r\n\r\n\r\n\r\nLine   two <3  ")).isEqualTo("Line one\n\nLine two <3");
        assertThat(HtmlText.looksLikeHtml("a < b and c > d")).isFalse();
        assertThat(HtmlText.clean(null)).isEmpty();
    }

    @Test
    void scriptsAndImagesLeaveNoTrace() {
        assertThat(HtmlText.clean("<p>Text<img src=x onerror=alert(1)></p>")).isEqualTo("Text");
    }
}
