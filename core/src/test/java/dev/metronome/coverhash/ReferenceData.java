package dev.metronome.coverhash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads test resources: images, and the tab-separated reference files under {@code coverhash/}. */
public final class ReferenceData {

    private ReferenceData() {
    }

    static byte[] bytes(String relativeToCoverhash) {
        return resource(relativeToCoverhash.startsWith("../") ? "/" + relativeToCoverhash.substring(3)
                : "/coverhash/" + relativeToCoverhash);
    }

    /**
     * Reads a test resource by absolute class-path name.
     *
     * @param path e.g. {@code /images/cover.jpg}
     * @return its bytes
     */
    public static byte[] resource(String path) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** file name -> value, in file order, skipping comment lines. */
    static Map<String, String> table(String resource) {
        String text = new String(bytes(resource), StandardCharsets.UTF_8);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            rows.put(parts[0], parts[1].trim());
        }
        return rows;
    }
}
