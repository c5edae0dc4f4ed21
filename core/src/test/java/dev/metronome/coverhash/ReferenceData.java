package dev.metronome.coverhash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the tab-separated reference files under {@code src/test/resources/coverhash}. */
final class ReferenceData {

    private ReferenceData() {
    }

    static byte[] bytes(String relativeToCoverhash) {
        String path = relativeToCoverhash.startsWith("../") ? "/" + relativeToCoverhash.substring(3)
                : "/coverhash/" + relativeToCoverhash;
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
