package dev.metronome.api;

import java.util.Locale;
import java.util.Optional;

/** The kind of a page, as ComicInfo.xml names it. */
public enum PageType {
    FRONT_COVER("FrontCover"),
    INNER_COVER("InnerCover"),
    ROUNDUP("Roundup"),
    STORY("Story"),
    ADVERTISEMENT("Advertisement"),
    EDITORIAL("Editorial"),
    LETTERS("Letters"),
    PREVIEW("Preview"),
    BACK_COVER("BackCover"),
    OTHER("Other"),
    DELETED("Deleted");

    private final String xmlName;

    PageType(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name used in ComicInfo.xml ({@code FrontCover}). */
    public String xmlName() {
        return xmlName;
    }

    /** Finds a type by its ComicInfo name, ignoring case. */
    public static Optional<PageType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (PageType type : values()) {
            if (type.xmlName.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
