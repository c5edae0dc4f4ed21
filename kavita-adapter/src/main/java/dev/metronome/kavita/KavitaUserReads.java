package dev.metronome.kavita;

import com.fasterxml.jackson.databind.JsonNode;

import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.ServerException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Other Kavita users' finished reads, seen with the admin's key: Kavita's series and chapter DTOs carry only the
 * caller's progress, but {@code GET /api/Reader/all-chapter-progress?chapterId=} gives an admin every user's row for a
 * chapter. There is no cheaper per-user listing, so the chapters are swept a few at a time: each poll asks for the
 * progress of at most {@link #PER_POLL} chapters, and a new sweep starts (listing series and their volumes) once the
 * last one is done. A row of a named user with {@code pagesRead >= pages} is reported once per process as
 * {@link BookEvent.Type#READ_COMPLETED} with that user's name; the host remembers what it sent (per Metron account), so
 * a restart sends nothing twice.
 */
final class KavitaUserReads {

    /** Chapters whose progress one poll asks for. */
    static final int PER_POLL = 25;
    private static final int SERIES_PAGE = 50;

    /** One chapter to look at. */
    private record Chapter(int id, int pages, String libraryId) {
    }

    private final KavitaServer server;
    private final Set<String> users;
    private final Deque<Chapter> sweep = new ArrayDeque<>();
    private final Map<String, Boolean> reported = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 50_000;
        }
    };

    /**
     * @param server the server (its admin client)
     * @param users  the Kavita user names whose reads are reported (compared without case)
     */
    KavitaUserReads(KavitaServer server, Set<String> users) {
        this.server = server;
        this.users = users.stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** One step of the sweep: reports the named users' finished reads among the next chapters. */
    void poll(BookEventListener listener) throws ServerException {
        if (users.isEmpty()) {
            return;
        }
        if (sweep.isEmpty()) {
            refill();
        }
        for (int i = 0; i < PER_POLL && !sweep.isEmpty(); i++) {
            Chapter c = sweep.peekFirst();
            JsonNode rows = server.chapterProgress(c.id());
            sweep.removeFirst();
            for (JsonNode row : rows) {
                String user = row.path("userName").asText("");
                if (!users.contains(user.toLowerCase(Locale.ROOT)) || c.pages() <= 0
                        || row.path("pagesRead").asInt() < c.pages()) {
                    continue;
                }
                String key = c.id() + "|" + user.toLowerCase(Locale.ROOT) + "|" + row.path("lastModifiedUtc").asText();
                if (reported.put(key, Boolean.TRUE) == null) {
                    listener.onEvent(new BookEvent(BookEvent.Type.READ_COMPLETED, String.valueOf(c.id()), c.libraryId(),
                            user));
                }
            }
        }
    }

    /** Lists every chapter again (series by creation, then each series' volumes). */
    private void refill() throws ServerException {
        for (int page = 1; ; page++) {
            JsonNode series = KavitaServer.parse(server.listSeries(List.of(), 2, page, SERIES_PAGE).body());
            for (JsonNode s : series) {
                String libraryId = s.path("libraryId").asText(null);
                for (JsonNode v : server.volumes(s.path("id").asInt())) {
                    for (JsonNode ch : v.path("chapters")) {
                        sweep.add(new Chapter(ch.path("id").asInt(), ch.path("pages").asInt(), libraryId));
                    }
                }
            }
            if (series.size() < SERIES_PAGE) {
                return;
            }
        }
    }
}
