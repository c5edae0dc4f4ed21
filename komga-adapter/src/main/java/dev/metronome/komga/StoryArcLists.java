package dev.metronome.komga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.api.StoryArc;
import dev.metronome.spi.ServerException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Story arcs as Komga read lists (patch mode; Komga itself makes them from ComicInfo's StoryArc in file mode): one
 * ordered list per arc, named as the arc, its books in the order of their numbers in the arc. Books whose place is
 * unknown (added by someone else) keep their order.
 */
final class StoryArcLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KomgaClient client;
    /** Arc name (lower-case) to book id to the book's number in the arc. */
    private final Map<String, Map<String, Double>> places = new HashMap<>();

    StoryArcLists(KomgaClient client) {
        this.client = client;
    }

    /**
     * Puts a book in the read list of each of its arcs, creating the list when there is none.
     *
     * @param bookId the book
     * @param arcs   the story arcs
     * @throws ServerException when Komga refuses
     */
    synchronized void add(String bookId, List<StoryArc> arcs) throws ServerException {
        for (StoryArc arc : arcs) {
            if (arc.name().isBlank()) {
                continue;
            }
            Map<String, Double> known = places.computeIfAbsent(arc.name().toLowerCase(Locale.ROOT), k -> new HashMap<>());
            known.put(bookId, number(arc.number()));
            Optional<JsonNode> list = find(arc.name());
            if (list.isEmpty()) {
                ObjectNode body = JSON.createObjectNode().put("name", arc.name()).put("summary", "").put("ordered", true);
                body.putArray("bookIds").add(bookId);
                client.postJson("/api/v1/readlists", body);
                continue;
            }
            List<String> ids = new ArrayList<>();
            list.get().path("bookIds").forEach(id -> ids.add(id.asText()));
            if (ids.contains(bookId)) {
                continue;
            }
            double place = known.get(bookId);
            int at = ids.size();
            for (int i = 0; i < ids.size(); i++) {
                Double other = known.get(ids.get(i));
                if (other != null && other > place) {
                    at = i;
                    break;
                }
            }
            ids.add(at, bookId);
            ObjectNode body = JSON.createObjectNode();
            ids.forEach(body.putArray("bookIds")::add);
            client.patchJson("/api/v1/readlists/" + list.get().path("id").asText(), body);
        }
    }

    private Optional<JsonNode> find(String name) throws ServerException {
        JsonNode page = client.getJson("/api/v1/readlists?unpaged=true&search="
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        for (JsonNode l : page.path("content")) {
            if (l.path("name").asText().equalsIgnoreCase(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return Double.MAX_VALUE; // no number: after the numbered ones
        }
    }
}
