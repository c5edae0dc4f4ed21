package dev.metronome.organize;

/** A name template that cannot be used; the message is one line that points at the bad part. */
public final class TemplateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final int column;

    TemplateException(String template, int column, String problem) {
        super("bad template \"" + template + "\": " + problem + " at column " + (column + 1));
        this.column = column;
    }

    /** The 0-based position of the bad part in the template. */
    public int column() {
        return column;
    }
}
