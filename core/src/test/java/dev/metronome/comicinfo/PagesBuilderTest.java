package dev.metronome.comicinfo;

import static dev.metronome.comicinfo.ImageHeadersTest.image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import dev.metronome.comicinfo.PagesBuilder.PageSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesBuilderTest {

    private static PageSource source(int index, byte[] bytes) {
        return new PageSource(index, "page" + index, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private List<PageSource> sources() throws IOException {
        return List.of(
                source(0, image("jpeg", 100, 150)),
                source(1, image("png", 100, 150)),
                source(2, image("jpeg", 300, 150)),
                source(3, TestFiles.bytes("/images/lossless.webp")));
    }

    @Test
    void buildsIndexSizeDimensionsCoverAndSpreads() throws IOException {
        List<PageSource> sources = sources();
        PagesBuilder.Result result = PagesBuilder.build(sources);
        assertThat(result.warnings()).isEmpty();
        List<PageInfo> pages = result.pages();
        assertThat(pages).extracting(PageInfo::index).containsExactly(0, 1, 2, 3);
        assertThat(pages.get(0).types()).containsExactly(PageType.FRONT_COVER);
        assertThat(pages.get(1).types()).isEmpty();
        assertThat(pages.get(0).size()).hasValue(sources.get(0).size());
        assertThat(pages.get(1).width()).hasValue(100);
        assertThat(pages.get(1).height()).hasValue(150);
        assertThat(pages.get(2).doublePage()).isTrue();
        assertThat(pages.get(0).doublePage()).isFalse();
        assertThat(pages.get(3).width()).isPresent();
    }

    @Test
    void unreadableImagesGetNoSizeAndAWarning() {
        PageSource broken = new PageSource(0, "broken.jpg", 5, () -> {
            throw new IOException("CRC error");
        });
        PageSource junk = source(1, new byte[] {1, 2, 3});
        PagesBuilder.Result result = PagesBuilder.build(List.of(broken, junk));
        assertThat(result.pages()).hasSize(2).allSatisfy(page -> assertThat(page.width()).isEmpty());
        assertThat(result.warnings()).containsExactly("broken.jpg: could not be read (CRC error)",
                "page1: the image's size could not be read from its header");
    }

    @Test
    void rebuildKeepsTheUsersTypesAndBookmarks() throws IOException {
        List<PageInfo> existing = List.of(
                PageInfo.of(0).withBookmark("my cover"),
                PageInfo.of(1).withTypes(List.of(PageType.INNER_COVER)),
                PageInfo.of(2).withKey("k2"),
                PageInfo.of(9).withBookmark("a page that no longer exists"));
        List<PageInfo> pages = PagesBuilder.rebuild(sources(), existing).pages();
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).bookmark()).isEqualTo("my cover");
        assertThat(pages.get(0).types()).containsExactly(PageType.FRONT_COVER);
        assertThat(pages.get(0).width()).hasValue(100);
        assertThat(pages.get(1).types()).containsExactly(PageType.INNER_COVER);
        assertThat(pages.get(2).key()).isEqualTo("k2");
    }
}
