package dev.metronome.kavita;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metronome.fixtures.kavita.FakeKavitaServer;
import dev.metronome.fixtures.komga.OpenApiValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Holds the adapter's requests to Kavita's own OpenAPI description (test resource, GPL-3.0, never shipped). */
final class KavitaOpenApi {

    private static final OpenApiValidator VALIDATOR = load();

    private KavitaOpenApi() {
    }

    private static OpenApiValidator load() {
        try (InputStream in = KavitaOpenApi.class.getResourceAsStream("openapi.json")) {
            return new OpenApiValidator(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every request that breaks the spec: an undescribed path, or parameters and bodies the spec does not allow.
     *
     * @param calls the requests the fake received
     * @return one sentence per problem
     */
    static List<String> problems(List<FakeKavitaServer.Call> calls) {
        List<String> out = new ArrayList<>();
        for (FakeKavitaServer.Call c : calls) {
            if (!VALIDATOR.describes(c.method(), c.path())) {
                out.add(c.method() + " " + c.path() + ": not in Kavita's OpenAPI description");
                continue;
            }
            // .NET reads a DateTime without an offset, which is how Kavita writes its own dates (kavita-api.md §1.4);
            // JSON Schema's date-time wants one, so only that complaint is set aside
            VALIDATOR.validateRequest(c.method(), c.path(), c.query(), c.contentType(), c.body()).stream()
                    .filter(p -> !p.matches(".*'\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?' is not a valid date-time"))
                    .forEach(out::add);
        }
        return out;
    }
}
