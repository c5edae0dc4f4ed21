package dev.metronome.comicinfo;

import dev.metronome.api.MetadataMerger;
import dev.metronome.api.PageInfo;
import dev.metronome.api.PageType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Rebuilds ComicInfo's {@code <Pages>} from an archive's images: index, size, and width and height read from
 * each image's header ({@link ImageHeaders}, no decoding); the first page is the {@link PageType#FRONT_COVER};
 * a page wider than it is tall is a double page. {@link #rebuild} keeps the user's types, bookmarks and keys
 * on the same pages.
 */
public final class PagesBuilder {

    /** Opens one page's content. */
    @FunctionalInterface
    public interface Opener {
        /** A stream over the image; the builder closes it after reading the header. */
        InputStream open() throws IOException;
    }

    /**
     * One image of the archive, in reading order.
     *
     * @param index  the 0-based reading position
     * @param name   names the image in warnings (the archive entry's name)
     * @param size   its size in bytes, or -1 if unknown
     * @param opener opens its content
     */
    public record PageSource(int index, String name, long size, Opener opener) {
    }

    /**
     * The pages built, and the images whose header could not be read.
     *
     * @param pages    one per source, by index
     * @param warnings one sentence per image without a readable size
     */
    public record Result(List<PageInfo> pages, List<String> warnings) {

        /** Copies both lists. */
        public Result {
            pages = List.copyOf(pages);
            warnings = List.copyOf(warnings);
        }
    }

    private PagesBuilder() {
    }

    /** Builds the pages of these images. */
    public static Result build(List<PageSource> sources) {
        List<PageInfo> pages = new ArrayList<>(sources.size());
        List<String> warnings = new ArrayList<>();
        for (PageSource source : sources) {
            Optional<ImageHeaders.ImageSize> size = Optional.empty();
            try (InputStream in = source.opener().open()) {
                size = ImageHeaders.read(in);
                if (size.isEmpty()) {
                    warnings.add(source.name() + ": the image's size could not be read from its header");
                }
            } catch (IOException e) {
                warnings.add(source.name() + ": could not be read (" + e.getMessage() + ")");
            }
            OptionalInt width = size.map(s -> OptionalInt.of(s.width())).orElse(OptionalInt.empty());
            OptionalInt height = size.map(s -> OptionalInt.of(s.height())).orElse(OptionalInt.empty());
            boolean doublePage = size.isPresent() && size.get().width() > size.get().height();
            pages.add(new PageInfo(source.index(), source.index() == 0 ? List.of(PageType.FRONT_COVER) : List.of(),
                    doublePage, source.size() >= 0 ? OptionalLong.of(source.size()) : OptionalLong.empty(), "", "", width, height));
        }
        pages.sort(java.util.Comparator.comparingInt(PageInfo::index));
        return new Result(pages, warnings);
    }

    /**
     * Builds the pages of these images and keeps, on each page, the types, bookmark and key the user set in the
     * existing pages.
     */
    public static Result rebuild(List<PageSource> sources, List<PageInfo> existing) {
        Result built = build(sources);
        return new Result(MetadataMerger.mergePages(existing, built.pages()), built.warnings());
    }
}
