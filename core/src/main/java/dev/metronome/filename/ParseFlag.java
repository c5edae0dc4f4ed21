package dev.metronome.filename;

/** Kinds of book a file or folder name can announce, independently of series and number. */
public enum ParseFlag {
    /** An annual ({@code Annual}, or a {@code '95}-style annual number). */
    ANNUAL,
    /** A special ({@code Special}, {@code Special Edition}). */
    SPECIAL,
    /** A one-shot ({@code One-Shot}, {@code One Shot}, {@code Oneshot}). */
    ONE_SHOT,
    /** A trade paperback ({@code TPB}, {@code Trade Paperback}). */
    TPB,
    /** A hardcover ({@code HC}, {@code Hardcover}). */
    HC,
    /** A graphic novel ({@code GN}, {@code OGN}, {@code Graphic Novel}). */
    GN,
    /** An omnibus ({@code Omnibus}). */
    OMNIBUS,
    /** A digital release ({@code (Digital)}, {@code (digital-Empire)}, {@code (Webrip)}). */
    DIGITAL,
    /** A cover-to-cover scan ({@code c2c}). */
    C2C,
    /** A Free Comic Book Day book ({@code FCBD}, {@code Free Comic Book Day}). */
    FCBD
}
