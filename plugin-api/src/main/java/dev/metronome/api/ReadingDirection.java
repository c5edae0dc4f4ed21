package dev.metronome.api;

/** The direction pages are read in. ComicInfo's {@code Manga=YesAndRightToLeft} is {@link #RIGHT_TO_LEFT}. */
public enum ReadingDirection {
    UNKNOWN, LEFT_TO_RIGHT, RIGHT_TO_LEFT
}
