package dev.metronome.komga;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A test double for the core's {@link Tagger}: each file name stands for one issue, with metadata given by the test. */
final class MapTagger implements Tagger {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Map<Long, ComicMetadata> issues = new ConcurrentHashMap<>();

    MapTagger issue(String fileName, long id, ComicMetadata metadata) {
        ids.put(fileName, id);
        issues.put(id, metadata);
        return this;
    }

    @Override
    public Decision identify(Path archive) {
        Long id = ids.get(archive.getFileName().toString());
        return id == null ? Decision.noMatch("unknown file") : Decision.matched(id, 0.99, "file name");
    }

    @Override
    public ComicMetadata metadata(long id) {
        return issues.get(id);
    }

    @Override
    public FileResult tag(Path archive, TagOptions options) {
        throw new UnsupportedOperationException();
    }
}
