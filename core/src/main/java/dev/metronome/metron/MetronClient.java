package dev.metronome.metron;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.metron.model.Arc;
import dev.metronome.metron.model.Character;
import dev.metronome.metron.model.Creator;
import dev.metronome.metron.model.Imprint;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.ModifiedRef;
import dev.metronome.metron.model.Page;
import dev.metronome.metron.model.Publisher;
import dev.metronome.metron.model.ScrobbleResult;
import dev.metronome.metron.model.SeriesDetail;
import dev.metronome.metron.model.SeriesListItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Typed calls to the Metron API. Thread-safe: share one client per account so every thread goes through the one
 * rate limiter. Every call passes through the layers: conditional requests, the overall give-up
 * ({@link Availability}), retries, the rate limiter, counting, authentication and the JDK transport.
 */
public final class MetronClient {

    private static final Logger LOG = LoggerFactory.getLogger(MetronClient.class);

    private final MetronSettings settings;
    private final Exchange exchange;
    private final RequestStats stats;

    private MetronClient(MetronSettings settings, Exchange exchange, RequestStats stats) {
        this.settings = settings;
        this.exchange = exchange;
        this.stats = stats;
    }

    /** Starts a client builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The requests sent so far, by endpoint and outcome. */
    public RequestStats stats() {
        return stats;
    }

    /** The settings in use. */
    public MetronSettings settings() {
        return settings;
    }

    // ---- issues ----

    /** {@code issue/{id}/}, conditional. */
    public IssueDetail issue(int id) {
        return get("issue/" + id + "/", "issue/{id}/", true, type(IssueDetail.class), "issue " + id);
    }

    /** The first page of {@code issue/?filters}. */
    public Page<IssueListItem> issuePage(IssueFilter filter) {
        return page("issue/", filter.query(), "issue/", false, IssueListItem.class);
    }

    /** Every result of {@code issue/?filters}, walking at most {@code maxPages} pages (0: no cap). */
    public List<IssueListItem> issues(IssueFilter filter, int maxPages) {
        return walk(issuePage(filter), "issue/", false, IssueListItem.class, maxPages);
    }

    /** Every result of an {@code issue/} query whose first page is in hand, walking at most {@code maxPages} pages. */
    public List<IssueListItem> issues(Page<IssueListItem> first, int maxPages) {
        return walk(first, "issue/", false, IssueListItem.class, maxPages);
    }

    /** {@code series/{id}/issue_list/}, conditional, every page up to the cap (0: none). */
    public List<IssueListItem> seriesIssues(int seriesId, int maxPages) {
        return walk(page("series/" + seriesId + "/issue_list/", "", "series/{id}/issue_list/", true,
                IssueListItem.class), "series/{id}/issue_list/", true, IssueListItem.class, maxPages);
    }

    /** {@code character/{id}/issue_list/}, conditional, every page up to the cap (0: none). */
    public List<IssueListItem> characterIssues(int characterId, int maxPages) {
        return walk(page("character/" + characterId + "/issue_list/", "", "character/{id}/issue_list/", true,
                IssueListItem.class), "character/{id}/issue_list/", true, IssueListItem.class, maxPages);
    }

    /** {@code arc/{id}/issue_list/}, conditional, every page up to the cap (0: none). */
    public List<IssueListItem> arcIssues(int arcId, int maxPages) {
        return walk(page("arc/" + arcId + "/issue_list/", "", "arc/{id}/issue_list/", true, IssueListItem.class),
                "arc/{id}/issue_list/", true, IssueListItem.class, maxPages);
    }

    // ---- series ----

    /** {@code series/{id}/}, conditional. */
    public SeriesDetail series(int id) {
        return get("series/" + id + "/", "series/{id}/", true, type(SeriesDetail.class), "series " + id);
    }

    /** The first page of {@code series/?filters}. */
    public Page<SeriesListItem> seriesPage(SeriesFilter filter) {
        return page("series/", filter.query(), "series/", false, SeriesListItem.class);
    }

    /** Every result of {@code series/?filters}, up to the page cap (0: none). */
    public List<SeriesListItem> series(SeriesFilter filter, int maxPages) {
        return walk(seriesPage(filter), "series/", false, SeriesListItem.class, maxPages);
    }

    /** {@code publisher/{id}/series_list/}, every page up to the cap (0: none). */
    public List<SeriesListItem> publisherSeries(int publisherId, int maxPages) {
        return walk(page("publisher/" + publisherId + "/series_list/", "", "publisher/{id}/series_list/", false,
                SeriesListItem.class), "publisher/{id}/series_list/", false, SeriesListItem.class, maxPages);
    }

    // ---- publishers, imprints, arcs, characters, creators ----

    /** {@code publisher/{id}/}, conditional. */
    public Publisher publisher(int id) {
        return get("publisher/" + id + "/", "publisher/{id}/", true, type(Publisher.class), "publisher " + id);
    }

    /** {@code publisher/?filters}, up to the page cap (0: none). */
    public List<ModifiedRef> publishers(NameFilter filter, int maxPages) {
        return named("publisher/", filter, maxPages);
    }

    /** {@code imprint/{id}/}, conditional. */
    public Imprint imprint(int id) {
        return get("imprint/" + id + "/", "imprint/{id}/", true, type(Imprint.class), "imprint " + id);
    }

    /** {@code imprint/?filters}, up to the page cap (0: none). */
    public List<ModifiedRef> imprints(NameFilter filter, int maxPages) {
        return named("imprint/", filter, maxPages);
    }

    /** {@code arc/{id}/}, conditional. */
    public Arc arc(int id) {
        return get("arc/" + id + "/", "arc/{id}/", true, type(Arc.class), "arc " + id);
    }

    /** {@code arc/?filters}, up to the page cap (0: none). */
    public List<ModifiedRef> arcs(NameFilter filter, int maxPages) {
        return named("arc/", filter, maxPages);
    }

    /** {@code character/{id}/}, conditional. */
    public Character character(int id) {
        return get("character/" + id + "/", "character/{id}/", true, type(Character.class), "character " + id);
    }

    /** {@code character/?filters}, up to the page cap (0: none). */
    public List<ModifiedRef> characters(NameFilter filter, int maxPages) {
        return named("character/", filter, maxPages);
    }

    /** {@code creator/{id}/}, conditional. */
    public Creator creator(int id) {
        return get("creator/" + id + "/", "creator/{id}/", true, type(Creator.class), "creator " + id);
    }

    /** {@code creator/?filters}, up to the page cap (0: none). */
    public List<ModifiedRef> creators(NameFilter filter, int maxPages) {
        return named("creator/", filter, maxPages);
    }

    // ---- collection ----

    /**
     * {@code POST collection/scrobble/}: marks an issue as read.
     *
     * @param issueId  the Metron issue id
     * @param dateRead when it was read, or null for now
     * @param rating   1 to 5, or null
     * @return the collection item
     */
    public ScrobbleResult scrobble(int issueId, OffsetDateTime dateRead, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new MetronException(MetronException.Kind.BAD_REQUEST, 0, "A rating must be between 1 and 5.");
        }
        ObjectNode body = MetronJson.mapper().createObjectNode().put("issue_id", issueId);
        if (dateRead != null) {
            body.put("date_read", MetronJson.format(dateRead));
        }
        if (rating != null) {
            body.put("rating", rating);
        }
        byte[] json;
        try {
            json = MetronJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a scrobble", e);
        }
        Request request = Request.postJson(resolve("collection/scrobble/", ""), "collection/scrobble/", json);
        return read(send(request, "the scrobble of issue " + issueId), type(ScrobbleResult.class), request);
    }

    // ---- plumbing ----

    private List<ModifiedRef> named(String path, NameFilter filter, int maxPages) {
        return walk(page(path, filter.query(), path, false, ModifiedRef.class), path, false, ModifiedRef.class,
                maxPages);
    }

    private static JavaType type(Class<?> type) {
        return MetronJson.mapper().constructType(type);
    }

    private <T> T get(String path, String endpoint, boolean conditional, JavaType type, String what) {
        Request request = Request.get(resolve(path, ""), endpoint, conditional);
        return read(send(request, what), type, request);
    }

    private <T> Page<T> page(String path, String query, String endpoint, boolean conditional, Class<T> item) {
        Request request = Request.get(resolve(path, query), endpoint, conditional);
        return read(send(request, endpoint), MetronJson.pageOf(item), request);
    }

    private <T> List<T> walk(Page<T> first, String endpoint, boolean conditional, Class<T> item, int maxPages) {
        List<T> all = new ArrayList<>(first.results() == null ? List.of() : first.results());
        Page<T> current = first;
        int pages = 1;
        while (current.hasNext() && (maxPages <= 0 || pages < maxPages)) {
            URI next = URI.create(current.next());
            Request request = Request.get(resolve(stripApiRoot(next.getRawPath()), next.getRawQuery()), endpoint,
                    conditional);
            current = read(send(request, endpoint), MetronJson.pageOf(item), request);
            if (current.results() != null) {
                all.addAll(current.results());
            }
            pages++;
        }
        if (current.hasNext()) {
            LOG.debug("Stopped after {} pages of {} ({} results in all)", pages, endpoint, first.count());
        }
        return all;
    }

    /** Turns a server path ({@code /api/issue/}) into one relative to the base URL ({@code issue/}). */
    private String stripApiRoot(String rawPath) {
        String root = settings.baseUrl().getRawPath();
        return rawPath.startsWith(root) ? rawPath.substring(root.length()) : rawPath.replaceFirst("^/", "");
    }

    /**
     * Builds a URL on the configured base. Next-page URLs from the server are rebased too, so credentials only
     * ever go to the configured host.
     */
    private URI resolve(String relativePath, String rawQuery) {
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return settings.baseUrl().resolve(relativePath + query);
    }

    private Response send(Request request, String what) {
        Response response;
        try {
            response = exchange.send(request);
        } catch (IOException e) {
            throw new MetronException(MetronException.Kind.NETWORK, 0, "Could not reach Metron for " + what + ".", e);
        }
        int status = response.status();
        if (response.ok()) {
            return response;
        }
        String detail = detail(response);
        switch (status) {
            case 404 -> throw new MetronException(MetronException.Kind.NOT_FOUND, 404,
                    "Metron has no " + what + " (404).");
            case 400 -> throw new MetronException(MetronException.Kind.BAD_REQUEST, 400,
                    "Metron rejected the request for " + what + " (400: " + detail + ").");
            case 403 -> throw new MetronException(MetronException.Kind.FORBIDDEN, 403,
                    "Metron refused " + what + " (403: " + detail + ").");
            case 429 -> throw new MetronException(MetronException.Kind.RATE_LIMITED, 429,
                    "Metron throttled the request for " + what + " (429).");
            default -> {
                if (status >= 500) {
                    throw new MetronException(MetronException.Kind.SERVER, status, "Metron answered " + status
                            + " for " + what + (request.idempotent() ? " after " + settings.maxServerRetries()
                            + " retries." : "."));
                }
                throw new MetronException(MetronException.Kind.PROTOCOL, status,
                        "Metron answered an unexpected " + status + " for " + what + ".");
            }
        }
    }

    /** The {@code detail} text of an error body, shortened; never the request. */
    private static String detail(Response response) {
        try {
            JsonNode node = MetronJson.mapper().readTree(response.body());
            String text = node != null && node.has("detail") ? node.get("detail").asText()
                    : node == null ? "" : node.toString();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (IOException e) {
            return "no details";
        }
    }

    private <T> T read(Response response, JavaType type, Request request) {
        try {
            T value = MetronJson.mapper().readValue(response.body(), type);
            return Objects.requireNonNull(value, "empty body");
        } catch (IOException | NullPointerException e) {
            throw new MetronException(MetronException.Kind.PROTOCOL, response.status(),
                    "Metron sent a response that is not the expected JSON for " + request.endpoint() + ".", e);
        }
    }

    /** Builds a {@link MetronClient}. */
    public static final class Builder {
        private MetronSettings settings = MetronSettings.defaults();
        private MetronCredentials credentials;
        private ResponseStore responseStore = ResponseStore.NONE;
        private RateLimiter rateLimiter;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Exchange transport;
        private RequestStats stats = new RequestStats();
        private QuotaWait quotaWait = QuotaWait.STOP;
        private Duration pauseWhenUnavailable;

        private Builder() {
        }

        /**
         * What to do when Metron is unavailable (see {@link Availability}): null (the default) gives up, so a run
         * stops; a duration pauses that long, then probes, as a long-lived host must.
         */
        public Builder pauseWhenUnavailable(Duration value) {
            this.pauseWhenUnavailable = value;
            return this;
        }

        /**
         * What to do when the daily quota is spent (default {@link QuotaWait#STOP}); also given to a default rate
         * limiter. A limiter passed in gets its own policy.
         */
        public Builder quotaWait(QuotaWait value) {
            this.quotaWait = Objects.requireNonNull(value);
            return this;
        }

        /** Where and how (default {@link MetronSettings#defaults()}). */
        public Builder settings(MetronSettings value) {
            this.settings = Objects.requireNonNull(value);
            return this;
        }

        /** The account (required). */
        public Builder credentials(MetronCredentials value) {
            this.credentials = Objects.requireNonNull(value);
            return this;
        }

        /** Where conditional responses are kept (default: nowhere). */
        public Builder responseStore(ResponseStore value) {
            this.responseStore = Objects.requireNonNull(value);
            return this;
        }

        /** The account's limiter (default: a new in-process one). Share it between clients of one account. */
        public Builder rateLimiter(RateLimiter value) {
            this.rateLimiter = Objects.requireNonNull(value);
            return this;
        }

        /** The clock (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** How to wait (default real sleeping). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** The bottom layer (default {@link JdkTransport}); tests may put a fake here. */
        public Builder transport(Exchange value) {
            this.transport = Objects.requireNonNull(value);
            return this;
        }

        /** Where requests are counted (default a new one). */
        public Builder stats(RequestStats value) {
            this.stats = Objects.requireNonNull(value);
            return this;
        }

        /** Assembles the layers. */
        public MetronClient build() {
            if (credentials == null) {
                throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                        "No Metron credentials: set METRON_TOKEN, or METRON_USER and METRON_PASS.");
            }
            Exchange bottom = transport != null ? transport
                    : new JdkTransport(settings.connectTimeout(), settings.requestTimeout());
            RateLimiter limiter = rateLimiter;
            if (limiter == null) {
                LocalRateLimiter local = new LocalRateLimiter(settings, clock, sleeper);
                local.quotaWait(quotaWait);
                limiter = local;
            }
            Exchange stack = new ConditionalLayer(responseStore, clock,
                    new Availability(settings, clock, pauseWhenUnavailable,
                            new RetryLayer(settings, clock, sleeper, quotaWait,
                                    new RateLimitLayer(limiter,
                                            new CountingLayer(stats,
                                                    new AuthLayer(credentials, settings.userAgent(), bottom))))));
            return new MetronClient(settings, stack, stats);
        }
    }
}
