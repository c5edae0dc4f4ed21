package dev.metronome.archive;

/**
 * The container formats Metronome reads, as detected from a file's content (never its extension).
 */
public enum ArchiveFormat {
    /** ZIP (CBZ): readable and writable in place. */
    CBZ("cbz", true),
    /** RAR 1.5-7 (CBR): read-only; can be converted to CBZ. */
    CBR("cbr", false),
    /** 7z (CB7): read-only; can be converted to CBZ. */
    CB7("cb7", false),
    /** tar (CBT): read-only; can be converted to CBZ. */
    CBT("cbt", false);

    private final String extension;
    private final boolean writable;

    ArchiveFormat(String extension, boolean writable) {
        this.extension = extension;
        this.writable = writable;
    }

    /** The usual file extension, without a dot ({@code cbz}). */
    public String extension() {
        return extension;
    }

    /** Whether entries can be added or replaced in place (only ZIP). */
    public boolean writable() {
        return writable;
    }
}
