package dev.metronome.filename;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One shared parser gives every thread the same answers as a single thread does. */
class FilenameParserThreadSafetyTest {

    @Test
    void sharedParserIsThreadSafe() throws Exception {
        FilenameParser shared = new FilenameParser();
        List<String> names = ComicTaggerFilenamesTest.entries().stream()
                .map(e -> e.path("filename").asText()).collect(Collectors.toList());
        List<ParsedName> expected = names.stream().map(shared::parse).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParsedName>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> names.stream().map(shared::parse).collect(Collectors.toList())));
            }
            for (Future<List<ParsedName>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
