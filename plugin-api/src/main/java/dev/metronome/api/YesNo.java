package dev.metronome.api;

/** A flag that may be unknown (ComicInfo's {@code YesNo}). */
public enum YesNo {
    UNKNOWN, NO, YES;

    /** {@link #YES} or {@link #NO}. */
    public static YesNo of(boolean value) {
        return value ? YES : NO;
    }
}
