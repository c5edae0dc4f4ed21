package dev.metronome.spi;

import dev.metronome.api.ComicMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the host (the CLI's {@code serve}, or an embedding application) offers an adapter. Adapters never see the core
 * engine; when they need it, they call back through this interface.
 */
public interface HostServices {

    /**
     * Writes metadata into an archive on the local filesystem (ComicInfo.xml, atomically), as the host's core does.
     *
     * @param archive      the local archive
     * @param metadata     what to write
     * @param convertToCbz whether a read-only format (CBR, CB7) may be converted to CBZ; the path may then change
     * @return the file that now holds the metadata (the same path unless converted)
     * @throws IOException when the file cannot be written; the original is left intact
     */
    Path writeMetadata(Path archive, ComicMetadata metadata, boolean convertToCbz) throws IOException;

    /**
     * A host that cannot write files: {@link ApplyMode#FILE} then fails with a clear message.
     *
     * @return the host services
     */
    static HostServices readOnly() {
        return (archive, metadata, convert) -> {
            throw new IOException("This host cannot write files: " + archive);
        };
    }
}
