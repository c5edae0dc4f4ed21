package dev.metronome.api;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One page of the archive, as ComicInfo.xml's {@code <Page>} describes it.
 *
 * @param index      the 0-based position in reading order ({@code Image})
 * @param types      the page's types; empty means the default {@link PageType#STORY}
 * @param doublePage whether it is a two-page spread
 * @param size       the image's size in bytes, if known
 * @param key        ComicRack's page key, or {@code ""}
 * @param bookmark   the user's bookmark text, or {@code ""}
 * @param width      the image's width in pixels, if known
 * @param height     the image's height in pixels, if known
 */
public record PageInfo(int index, List<PageType> types, boolean doublePage, OptionalLong size, String key,
                       String bookmark, OptionalInt width, OptionalInt height) {

    /** Requires a non-negative index; the types are kept distinct, in enum order. */
    public PageInfo {
        if (index < 0) {
            throw new IllegalArgumentException("a page index is never negative: " + index);
        }
        types = Values.list(types).stream().distinct().sorted().toList();
        size = size == null ? OptionalLong.empty() : size;
        key = Values.text(key);
        bookmark = bookmark == null ? "" : bookmark;
        width = Values.optional(width);
        height = Values.optional(height);
    }

    /** A page with only its index. */
    public static PageInfo of(int index) {
        return new PageInfo(index, List.of(), false, OptionalLong.empty(), "", "", OptionalInt.empty(), OptionalInt.empty());
    }

    /** Whether the page has this type (a page without types is a {@link PageType#STORY} page). */
    public boolean is(PageType type) {
        return types.isEmpty() ? type == PageType.STORY : types.contains(type);
    }

    /** This page with other types. */
    public PageInfo withTypes(List<PageType> newTypes) {
        return new PageInfo(index, newTypes, doublePage, size, key, bookmark, width, height);
    }

    /** This page with another bookmark. */
    public PageInfo withBookmark(String newBookmark) {
        return new PageInfo(index, types, doublePage, size, key, newBookmark, width, height);
    }

    /** This page with another double-page flag. */
    public PageInfo withDoublePage(boolean newDoublePage) {
        return new PageInfo(index, types, newDoublePage, size, key, bookmark, width, height);
    }

    /** This page with another key. */
    public PageInfo withKey(String newKey) {
        return new PageInfo(index, types, doublePage, size, newKey, bookmark, width, height);
    }
}
