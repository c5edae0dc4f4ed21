package dev.metronome.archive;

/**
 * How to write metadata back.
 *
 * @param convert      convert a read-only format (CBR, CB7, CBT) to CBZ; without it, writing to them is refused
 * @param keepOriginal after a conversion, keep the original archive beside the new CBZ
 * @param openOptions  how to open the source (its password, limits)
 * @param force        also write a file whose permissions make it read-only (without it, such a file is refused)
 * @param refuseSymlinks refuse a symlinked archive instead of writing through to the link's target
 */
public record WriteOptions(boolean convert, boolean keepOriginal, OpenOptions openOptions, boolean force,
                           boolean refuseSymlinks) {

    /** In-place CBZ writes only; read-only formats and read-only files are refused. */
    public static final WriteOptions DEFAULT = new WriteOptions(false, false, OpenOptions.DEFAULT, false, false);

    /** These options with conversion to CBZ switched on or off. */
    public WriteOptions withConvert(boolean value) {
        return new WriteOptions(value, keepOriginal, openOptions, force, refuseSymlinks);
    }

    /** These options keeping (or removing) the original after a conversion. */
    public WriteOptions withKeepOriginal(boolean value) {
        return new WriteOptions(convert, value, openOptions, force, refuseSymlinks);
    }

    /** These options refusing (or writing through) symlinked archives. */
    public WriteOptions withRefuseSymlinks(boolean value) {
        return new WriteOptions(convert, keepOriginal, openOptions, force, value);
    }

    /** These options writing (or refusing) files that are read-only. */
    public WriteOptions withForce(boolean value) {
        return new WriteOptions(convert, keepOriginal, openOptions, value, refuseSymlinks);
    }
}
