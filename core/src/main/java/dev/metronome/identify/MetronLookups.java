package dev.metronome.identify;

import dev.metronome.cache.MetronCache;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronJson;
import dev.metronome.metron.ResponseStore;
import dev.metronome.metron.SeriesFilter;
import dev.metronome.metron.SyncService;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every Metron question the identifier asks, answered once per run (concurrent askers of one question wait for the
 * one request), and from the cache when the cache is known to be current:
 * <ul>
 *   <li>for a name with a start year (a {@code Series (2016)} folder): one {@code issue/?series_name=&series_year_began=}
 *       listing that finds the series and lists its issues at once;</li>
 *   <li>else a series search per normalized name (the ranking by year and volume is local), none for a name
 *       misspelt by two swapped letters once the right spelling was searched;</li>
 *   <li>a series' issue list fetched once and mapped by number locally (long series: a few
 *       {@code series_id+number} queries first, the whole list once it is cheaper);</li>
 *   <li>issue details: from the cache without a request when the run's one {@code modified_gt} query says the issue
 *       did not change since the last run, else conditionally;</li>
 *   <li>the series each 12-digit UPC belongs to, learned from the details seen, so a barcode maps to a series
 *       without a search.</li>
 * </ul>
 */
public final class MetronLookups {

    /**
     * One request at a time: the rate limit makes parallel requests pointless, and with one request in flight the
     * limiter's knowledge of the window (from each response's headers) is always exact.
     */
    private static final java.util.concurrent.locks.ReentrantLock REQUESTS = new java.util.concurrent.locks.ReentrantLock(true);

    /** The client behind the request lock. */
    private record SerialClient(Supplier<MetronClient> client) {
        <T> T call(java.util.function.Function<MetronClient, T> call) {
            REQUESTS.lock();
            try {
                return call.apply(client.get());
            } finally {
                REQUESTS.unlock();
            }
        }
    }

    /** The cache's sync resource recording when identification last ran. */
    public static final String SYNC_RESOURCE = "tagging-issues";

    private static final Logger LOG = LoggerFactory.getLogger(MetronLookups.class);
    private static final int MAX_SEARCH_PAGES = 3;
    private static final int MAX_CHANGED_PAGES = 20;
    private static final int MAX_LISTING_PAGES = 3;
    /** How many per-file answers (issue details, number queries) are kept in memory. */
    static final int MEMO_PER_FILE = 2048;

    private final Supplier<SerialClient> client;
    private final MetronCache cache;
    private final URI baseUrl;
    private final SeriesMemory memory;
    private final StaleIdGuard staleIds;
    // one entry per file at most: bounded, so that a run over a big library (or a daemon) does not grow with it
    private final Memo<Long, Optional<IssueDetail>> details = new Memo<>(MEMO_PER_FILE);
    private final Memo<String, List<SeriesListItem>> searches = new Memo<>();
    private final Memo<String, List<SeriesListItem>> altSearches = new Memo<>();
    private final Memo<Integer, Map<String, IssueListItem>> seriesLists = new Memo<>();
    private final Memo<String, Optional<IssueListItem>> seriesNumbers = new Memo<>(MEMO_PER_FILE);
    private final Memo<String, List<IssueListItem>> issueQueries = new Memo<>(MEMO_PER_FILE);
    private final Memo<String, Optional<List<SeriesListItem>>> listings = new Memo<>();
    private final Map<Integer, AtomicInteger> numberQueries = new ConcurrentHashMap<>();
    private final Map<String, Integer> seriesByUpc = new ConcurrentHashMap<>();
    private final Map<String, Integer> expectedFiles = new ConcurrentHashMap<>();
    private final Map<String, List<SeriesListItem>> answeredSearches = new ConcurrentHashMap<>();
    private volatile Set<Long> changed = Set.of();
    /** The series names (keys) of the issues that changed since the last run. */
    private volatile Set<String> changedSeries = Set.of();
    /** Whether cached details not in {@link #changed} are known current (a modified_gt query was made). */
    private volatile boolean trustworthy;
    /** Whether this run may be recorded as the new sync point. */
    private volatile boolean recordable;

    /**
     * Creates the lookups.
     *
     * @param client  the client, created on first use (so a run that needs no request needs no credentials)
     * @param cache   the persistent cache, or null
     * @param baseUrl the API root (to find cached responses)
     */
    public MetronLookups(Supplier<MetronClient> client, MetronCache cache, URI baseUrl) {
        this(client, cache, baseUrl, java.time.Clock.systemUTC());
    }

    /**
     * Creates the lookups.
     *
     * @param client  the client, created on first use (so a run that needs no request needs no credentials)
     * @param cache   the persistent cache, or null
     * @param baseUrl the API root (to find cached responses)
     * @param clock   the clock (how long stale carried ids are skipped)
     */
    public MetronLookups(Supplier<MetronClient> client, MetronCache cache, URI baseUrl, java.time.Clock clock) {
        this.staleIds = new StaleIdGuard(clock);
        this.client = () -> new SerialClient(client);
        this.cache = cache;
        this.baseUrl = baseUrl;
        this.memory = new SeriesMemory(cache);
    }

    /**
     * Whether this run's {@code modified_gt} query showed the issue unchanged on Metron since the last run (so a
     * file tagged with it then still holds current metadata). False on a first run, or without a cache.
     */
    public boolean unchangedSinceLastRun(long issueId) {
        return cache != null && trustworthy && !changed.contains(issueId);
    }

    /** The persistent cache, if there is one. */
    public Optional<MetronCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** Which series the names of each folder and of the batch were identified as (kept for these lookups' life). */
    SeriesMemory memory() {
        return memory;
    }

    /**
     * Learns which issues changed since the last run, with one paged {@code issue/?modified_gt=} walk, so that
     * cached details of unchanged issues are used without a request. Does nothing on a first run.
     *
     * @return the time to record with {@link #recordRun} when the run completes
     * @param now the run's start
     */
    public OffsetDateTime prepare(OffsetDateTime now) {
        if (cache == null) {
            return now;
        }
        Optional<OffsetDateTime> last = cache.lastSync(SYNC_RESOURCE);
        if (last.isEmpty()) {
            recordable = true;
            return now;
        }
        IssueFilter since = IssueFilter.create().modifiedGt(last.get().minus(SyncService.OVERLAP));
        var page = client.get().call(c -> c.issuePage(since));
        int pages = page.count() == null ? 1 : (page.count() + 99) / 100;
        if (pages > MAX_CHANGED_PAGES) {
            LOG.info("{} issues changed since {}: every cached detail is revalidated", page.count(), last.get());
            return now;
        }
        List<IssueListItem> items = new java.util.ArrayList<>(page.results() == null ? List.of() : page.results());
        if (page.hasNext()) {
            items = client.get().call(c -> c.issues(page, MAX_CHANGED_PAGES));
        }
        Set<Long> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (IssueListItem item : items) {
            ids.add(item.id().longValue());
            if (item.series() != null && item.series().name() != null) {
                names.add(SeriesNames.key(item.series().name()));
            }
            // a changed issue's cached body is stale for this run and every later one, until fetched again
            String url = detailUrl(item.id());
            cache.get(url).ifPresent(r -> cache.put(url,
                    new ResponseStore.CachedResponse(r.body(), r.lastModified(), Instant.EPOCH)));
        }
        changed = ids;
        changedSeries = names;
        trustworthy = true;
        recordable = true;
        LOG.debug("{} issues changed since {}", ids.size(), last.get());
        return now;
    }

    /** Records a completed run, so the next one asks only for what changed after it. */
    public void recordRun(OffsetDateTime start) {
        if (cache != null && recordable) {
            cache.recordSync(SYNC_RESOURCE, start);
        }
    }

    /** The issue remembered for an archive fingerprint. */
    public Optional<Long> rememberedIssue(String fingerprint) {
        if (cache == null || fingerprint == null) {
            return Optional.empty();
        }
        return cache.issueForFingerprint(fingerprint).map(Integer::longValue);
    }

    /**
     * Keeps an archive's outcome for the review page: an undecided one joins the queue, a decided one leaves it.
     *
     * @param file        the archive
     * @param fingerprint its fingerprint, or null
     * @param report      what the run concluded, as JSON, or null when it was decided
     */
    public void rememberForReview(Path file, String fingerprint, String report) {
        if (cache == null || file == null) {
            return;
        }
        String path = file.toAbsolutePath().normalize().toString();
        if (report == null) {
            cache.forgetReview(path);
        } else {
            cache.rememberForReview(path, fingerprint, report);
        }
    }

    /**
     * Records that a file of a folder, named this way, is an issue of a series (a choice made on the review page),
     * so that its neighbours and later runs read the name the same way; the neighbours' earlier undecided outcomes
     * are forgotten so that they are decided again.
     *
     * @param folder       the folder
     * @param name         the series name the file gives
     * @param seriesId     the series chosen
     * @param fingerprints the fingerprints of the folder's undecided archives
     */
    public void rememberSeriesInFolder(Path folder, String name, int seriesId, List<String> fingerprints) {
        memory.record(folder, name, seriesId);
        if (cache != null) {
            fingerprints.stream().filter(java.util.Objects::nonNull).forEach(cache::forgetUndecided);
        }
    }

    /** Remembers the issue of an archive fingerprint. */
    public void remember(String fingerprint, long issueId) {
        if (cache != null && fingerprint != null) {
            cache.rememberFingerprint(fingerprint, (int) issueId);
            cache.forgetUndecided(fingerprint);
        }
    }

    /**
     * What an earlier run concluded about an archive it could not decide, when the archive's evidence is the same
     * (same digest) and this run's {@code modified_gt} query shows that nothing the outcome rests on changed: none of
     * its candidates, and no issue of a series with one of its names. Empty on a first run, or when it must be
     * decided again.
     *
     * @param ev       the archive's evidence
     * @param evidence the digest of its evidence ({@link UndecidedOutcome#digest})
     * @return the earlier outcome
     */
    public Optional<Identification> undecidedBefore(Evidence ev, String evidence) {
        if (cache == null || !trustworthy || ev.fingerprint() == null || rememberedIssue(ev.fingerprint()).isPresent()) {
            return Optional.empty();
        }
        Optional<UndecidedOutcome> stored = cache.undecided(ev.fingerprint(), evidence).flatMap(json -> {
            try {
                return Optional.of(MetronJson.mapper().readValue(json, UndecidedOutcome.class));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        UndecidedOutcome outcome = stored.get();
        boolean candidateChanged = outcome.candidates().stream().anyMatch(c -> changed.contains(c.issueId()));
        boolean seriesChanged = outcome.names().stream().anyMatch(name -> changedSeries.stream()
                .anyMatch(key -> related(SeriesNames.key(name), key)));
        if (candidateChanged || seriesChanged || outcome.broad() && !changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(outcome.identification());
    }

    /** Whether a changed series (key) could answer a name (key): every word of the name in it, or nearly the same. */
    private static boolean related(String name, String changedKey) {
        if (name.isEmpty()) {
            return false;
        }
        boolean everyWord = java.util.Arrays.stream(name.split(" ")).allMatch(changedKey::contains);
        return everyWord || SeriesNames.similarity(name, changedKey) >= 0.75;
    }

    /**
     * Remembers what was concluded about an archive that could not be decided (see {@link #undecidedBefore}).
     *
     * @param ev       the archive's evidence
     * @param evidence the digest of its evidence
     * @param id       the undecided outcome
     */
    public void rememberUndecided(Evidence ev, String evidence, Identification id) {
        if (cache == null || ev.fingerprint() == null || id.matched()
                || id.reasons().stream().anyMatch(r -> r.contains(StaleIdGuard.NOT_CHECKED))) {
            // a carried id skipped for now is asked about on the next run: not an outcome to remember
            return;
        }
        try {
            cache.rememberUndecided(ev.fingerprint(), evidence,
                    MetronJson.mapper().writeValueAsString(UndecidedOutcome.of(ev, id)));
        } catch (IOException e) {
            LOG.debug("Cannot remember an undecided outcome: {}", e.getMessage());
        }
    }

    /**
     * Whether an issue id carried by an archive (its tags, or its remembered fingerprint) must not be asked about
     * now: after a few stale ids in a row, carried ids are skipped for a while ({@link StaleIdGuard}), so that a
     * batch of stale ids never comes near Metron's ban for 404s. An id already answered in this run is never skipped.
     *
     * @param id the carried id
     * @return true when the id must be skipped (and it is counted as skipped)
     */
    boolean skipCarriedId(long id) {
        return details.peek(id) == null && !staleIds.mayProbe();
    }

    /**
     * The detail of an issue id carried by an archive, its 404 counted by the stale-id guard.
     *
     * @param id the carried id
     * @return the detail; empty when Metron has no such issue
     */
    Optional<IssueDetail> carriedIssue(long id) {
        boolean asked = details.peek(id) == null;
        Optional<IssueDetail> detail = issue(id);
        if (asked) {
            staleIds.answered(detail.isPresent());
        }
        return detail;
    }

    /** How many carried ids were skipped to stay clear of Metron's 404 ban. */
    public long skippedCarriedIds() {
        return staleIds.skipped();
    }

    /**
     * An issue's detail; empty when Metron has no such issue.
     *
     * @param id the Metron issue id
     * @return the detail
     */
    public Optional<IssueDetail> issue(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return details.get(id, () -> {
            Optional<IssueDetail> cached = cachedUnchanged(id);
            if (cached.isPresent()) {
                return cached;
            }
            try {
                IssueDetail detail = client.get().call(c -> c.issue((int) id));
                learnUpc(detail);
                return Optional.of(detail);
            } catch (MetronException e) {
                if (e.kind() == MetronException.Kind.NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private Optional<IssueDetail> cachedUnchanged(long id) {
        if (cache == null || !trustworthy || changed.contains(id)) {
            return Optional.empty();
        }
        Optional<ResponseStore.CachedResponse> stored = cache.get(detailUrl((int) id));
        if (stored.isEmpty() || stored.get().fetched().equals(Instant.EPOCH)) {
            return Optional.empty();
        }
        try {
            IssueDetail detail = MetronJson.mapper().readValue(stored.get().body(), IssueDetail.class);
            learnUpc(detail);
            return Optional.of(detail);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String detailUrl(int id) {
        return baseUrl.resolve("issue/" + id + "/").toString();
    }

    private void learnUpc(IssueDetail detail) {
        if (detail.upc() != null && detail.upc().length() >= 12 && detail.series() != null
                && detail.series().id() != null) {
            seriesByUpc.putIfAbsent(detail.upc().substring(0, 12), detail.series().id());
        }
    }

    /** The series a 12-digit UPC (title code) belongs to, if a detail seen in this run told. */
    public Optional<Integer> seriesOfUpc(String upc12) {
        return Optional.ofNullable(upc12 == null || upc12.length() < 12 ? null : seriesByUpc.get(upc12.substring(0, 12)));
    }

    /**
     * The series whose names contain every word (one search per word list per run).
     *
     * @param words the words, normalized
     * @return the series found (at most a few pages)
     */
    public List<SeriesListItem> searchSeries(List<String> words) {
        String key = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (key.isBlank()) {
            return List.of();
        }
        List<SeriesListItem> found = searches.get(key,
                () -> client.get().call(c -> c.series(SeriesFilter.create().name(key), MAX_SEARCH_PAGES)));
        if (!found.isEmpty()) {
            answeredSearches.putIfAbsent(key, found);
        }
        return found;
    }

    /**
     * The series with an alternative name containing this text ({@code TMNT}, {@code Marvelman}), one search per
     * text per run: for a name no series is called.
     *
     * @param text the name as written
     * @return the series found (at most a few pages)
     */
    public List<SeriesListItem> searchAltNames(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (key.isBlank()) {
            return List.of();
        }
        return altSearches.get(key,
                () -> client.get().call(c -> c.series(SeriesFilter.create().altNames(key), MAX_SEARCH_PAGES)));
    }

    /** Whether these words were searched in this run already (so asking again costs nothing). */
    public boolean searched(List<String> words) {
        return searches.peek(String.join(" ", words).toLowerCase(Locale.ROOT)) != null;
    }

    /**
     * The series named with these words that began in this year, each with its whole issue list, from one paged
     * {@code issue/?series_name=&series_year_began=} listing: a series search and its issue list in one request
     * (twins of one name and year, such as a print and a digital edition, come in the same answer). Each series'
     * issues are then known to this run as its list. Empty when the listing is longer than three pages, or when
     * its items do not carry their series' id (responses before 2026-07): then the series is searched.
     *
     * @param words     the words, normalized
     * @param yearBegan the start year
     * @return the series found, possibly none
     */
    public Optional<List<SeriesListItem>> seriesBeganIn(List<String> words, int yearBegan) {
        String name = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (name.isBlank()) {
            return Optional.empty();
        }
        return listings.get(name + "#" + yearBegan, () -> {
            IssueFilter filter = IssueFilter.create().seriesName(name).seriesYearBegan(yearBegan);
            var first = client.get().call(c -> c.issuePage(filter));
            int count = first.count() == null ? 0 : first.count();
            if (count > MAX_LISTING_PAGES * 100) {
                return Optional.empty();
            }
            List<IssueListItem> items = first.hasNext()
                    ? client.get().call(c -> c.issues(first, MAX_LISTING_PAGES))
                    : first.results() == null ? List.of() : first.results();
            if (items.size() < count || items.stream().anyMatch(i -> i.series() == null || i.series().id() == null)) {
                return Optional.empty();
            }
            Map<Integer, List<IssueListItem>> bySeries = new java.util.LinkedHashMap<>();
            items.forEach(i -> bySeries.computeIfAbsent(i.series().id(), k -> new java.util.ArrayList<>()).add(i));
            List<SeriesListItem> found = new java.util.ArrayList<>();
            bySeries.forEach((id, issues) -> {
                seriesLists.put(id, byNumber(issues));
                found.add(seriesOf(issues));
            });
            // not an answer to a search: only the series that began that year (a typo must not see it as one)
            return Optional.of(List.copyOf(found));
        });
    }

    /** A series as a search would list it, from all its issues. */
    private static SeriesListItem seriesOf(List<IssueListItem> issues) {
        IssueListItem any = issues.get(0);
        // the display text is the issue's without its number: "Name TPB (2005)", "Name (2014) Digital"
        String display = any.issue() == null ? any.series().name() + " (" + any.series().yearBegan() + ")"
                : any.issue().replaceFirst("\\s+(Chapter\\s+)?#\\S*$", "");
        Integer end = issues.stream().map(IssueListItem::coverDate).filter(java.util.Objects::nonNull)
                .map(java.time.LocalDate::getYear).max(Integer::compare).orElse(null);
        return new SeriesListItem(any.series().id(), display, any.series().volume(), any.series().yearBegan(), end,
                issues.size(), null);
    }

    /**
     * The answer of an earlier search of this run whose words are these with two neighbouring letters of one word
     * swapped ({@code spiedr} for {@code spider}, the commonest typo), so that a name misspelt that way costs no
     * request once the right spelling was searched.
     *
     * @param words the words, normalized
     * @return the earlier answer, or empty
     */
    public List<SeriesListItem> transposedSearch(List<String> words) {
        String key = String.join(" ", words).toLowerCase(Locale.ROOT);
        if (answeredSearches.containsKey(key)) {
            return List.of();
        }
        for (Map.Entry<String, List<SeriesListItem>> earlier : answeredSearches.entrySet()) {
            if (SeriesNames.oneTransposition(key, earlier.getKey())) {
                return earlier.getValue();
            }
        }
        return List.of();
    }

    /**
     * The answer of an earlier search of this run whose words are nearly these (one or two letters apart, the
     * same digits), for a name Metron did not find as written.
     *
     * @param words the words that found nothing
     * @return the nearest earlier answer, if near enough
     */
    public List<SeriesListItem> nearestSearch(List<String> words) {
        String key = String.join(" ", words).toLowerCase(Locale.ROOT);
        String digits = key.replaceAll("\\D", "");
        String best = null;
        double bestSimilarity = 0;
        for (String earlier : answeredSearches.keySet()) {
            double similarity = SeriesNames.similarity(key, earlier);
            if (similarity > bestSimilarity && earlier.replaceAll("\\D", "").equals(digits)) {
                best = earlier;
                bestSimilarity = similarity;
            }
        }
        return best != null && bestSimilarity >= 0.85 ? answeredSearches.get(best) : List.of();
    }

    /**
     * Tells how many files of the batch seem to belong to each series name, so that a long series is listed whole
     * at once when enough of its issues are coming.
     *
     * @param counts normalized series name to number of files
     */
    public void expect(Map<String, Integer> counts) {
        expectedFiles.putAll(counts);
    }

    /** How many files of the batch seem to belong to a series name. */
    public int expected(String seriesName) {
        return expectedFiles.getOrDefault(SeriesNames.key(seriesName), 0);
    }

    /**
     * The issue with this number in a series, if any. A series of one page is listed whole at once; a longer one
     * is asked number by number until listing it whole is cheaper.
     *
     * @param seriesId   the series
     * @param number     the normalized number
     * @param issueCount the series' issue count, if known (0 when not)
     * @return the issue
     */
    public Optional<IssueListItem> issueInSeries(int seriesId, String number, int issueCount) {
        return issueInSeries(seriesId, number, issueCount, 0);
    }

    /**
     * The issue with this number in a series, if any, knowing how many files of the batch seem to be of it.
     *
     * @param seriesId   the series
     * @param number     the normalized number
     * @param issueCount the series' issue count, if known (0 when not)
     * @param expected   files of the batch that seem to belong to it
     * @return the issue
     */
    public Optional<IssueListItem> issueInSeries(int seriesId, String number, int issueCount, int expected) {
        Map<String, IssueListItem> listed = seriesLists.peek(seriesId);
        if (listed != null) {
            return Optional.ofNullable(listed.get(number));
        }
        int pages = issueCount <= 0 ? 1 : (issueCount + 99) / 100;
        int asked = numberQueries.computeIfAbsent(seriesId, k -> new AtomicInteger()).get();
        if (pages <= 1 || asked >= pages || expected >= 2 * pages) {
            return Optional.ofNullable(list(seriesId).get(number));
        }
        return seriesNumbers.get(seriesId + "#" + number, () -> {
            numberQueries.get(seriesId).incrementAndGet();
            List<IssueListItem> found = client.get().call(c -> c.issues(IssueFilter.create().seriesId(seriesId).number(number), 1));
            return found.stream().filter(i -> number.equalsIgnoreCase(IssueNumbers.normalize(i.number())))
                    .findFirst();
        });
    }

    /** Whether a series' issue list is already loaded in this run. */
    public boolean listed(int seriesId) {
        return seriesLists.peek(seriesId) != null;
    }

    private Map<String, IssueListItem> list(int seriesId) {
        return seriesLists.get(seriesId, () -> byNumber(client.get().call(c -> c.seriesIssues(seriesId, 0))));
    }

    /** A series' issues by normalized number (the first of a number wins). */
    private static Map<String, IssueListItem> byNumber(List<IssueListItem> issues) {
        Map<String, IssueListItem> byNumber = new HashMap<>();
        issues.forEach(i -> byNumber.putIfAbsent(IssueNumbers.normalize(i.number()), i));
        return byNumber;
    }

    /**
     * The issues matching a filter, asked once per run (e.g. {@code upc=}, {@code cv_id=}).
     *
     * @param filter   the filter
     * @param maxPages the page cap
     * @return the issues
     */
    public List<IssueListItem> issues(IssueFilter filter, int maxPages) {
        return issueQueries.get(filter.query(), () -> client.get().call(c -> c.issues(filter, maxPages)));
    }
}
