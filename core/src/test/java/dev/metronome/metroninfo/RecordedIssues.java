package dev.metronome.metroninfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.api.ComicMetadata;
import dev.metronome.metron.MetronJson;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.tagging.IssueMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The recorded Metron issue details (JSON) and their models through the production {@link IssueMapper}, to prove
 * the mapping, the model and both writers carry everything a Metron issue holds.
 */
final class RecordedIssues {

    static final List<Long> IDS = List.of(1L, 8118L, 31047L, 36860L, 46182L, 49622L, 51658L, 156270L);

    private RecordedIssues() {
    }

    static JsonNode json(long id) {
        try (InputStream in = RecordedIssues.class.getResourceAsStream("/metroninfo-api-responses/issue-detail-" + id + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production mapping of the recorded detail: {@link IssueMapper} over the typed response. */
    static ComicMetadata metadata(long id) {
        try (InputStream in = RecordedIssues.class.getResourceAsStream("/metroninfo-api-responses/issue-detail-" + id + ".json")) {
            return IssueMapper.toModel(MetronJson.mapper().readValue(in, IssueDetail.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
