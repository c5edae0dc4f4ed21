package dev.metronome.comicinfo;

import java.io.IOException;

/**
 * A metadata file ({@code ComicInfo.xml}, {@code MetronInfo.xml}) that cannot be read or written. Its message
 * is one clear sentence naming the file and the cause.
 */
public class MetadataException extends IOException {

    private static final long serialVersionUID = 1L;
    private final String source;

    /**
     * @param source names the file ({@code "Die 019.cbz!ComicInfo.xml"})
     * @param cause  what is wrong, as a sentence fragment without the file name
     */
    public MetadataException(String source, String cause) {
        this(source, cause, null);
    }

    /**
     * @param source     names the file
     * @param cause      what is wrong
     * @param underlying the exception that revealed it, or {@code null}
     */
    public MetadataException(String source, String cause, Throwable underlying) {
        super(source + ": " + cause, underlying);
        this.source = source;
    }

    /** The file concerned. */
    public String source() {
        return source;
    }
}
