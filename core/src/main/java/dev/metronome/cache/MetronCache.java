package dev.metronome.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.metronome.metron.MetronJson;
import dev.metronome.metron.RateLimitState;
import dev.metronome.metron.ResponseStore;
import dev.metronome.metron.ScrobbleLedger;
import dev.metronome.metron.SyncStore;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.metron.model.SeriesListItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The persistent cache, one SQLite file ({@value #FILE_NAME}) in the cache folder: Metron responses with their
 * Last-Modified, resolved series, archive fingerprints, sync state, synced deltas, and the shared rate-limit state.
 *
 * <p>Several processes may open the same folder: the database runs in WAL mode with a busy timeout, and the rate
 * limit state is read and written inside one {@code BEGIN IMMEDIATE} transaction, so every process sees one limiter
 * per account. A file that is not a database, or fails its integrity check, is moved aside ({@code .corrupt-<time>})
 * and rebuilt, with a warning; a busy or full cache stops the run with one clear line instead. Failures during use are logged and treated as cache misses, never as crashes. Credentials are never
 * stored: URLs carry none, and the account key is the username or a digest of the token.
 */
public final class MetronCache implements ResponseStore, SyncStore, ScrobbleLedger, AutoCloseable {

    /** The database file name. */
    public static final String FILE_NAME = "metronome-cache.db";

    private static final Logger LOG = LoggerFactory.getLogger(MetronCache.class);
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Clock clock;
    private final Connection connection;

    private MetronCache(Path file, Clock clock, Connection connection) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the cache in a folder.
     *
     * @param dir   the cache folder
     * @param clock the clock for fetch times
     * @return the cache
     * @throws UncheckedIOException when the folder cannot be created or the database cannot be opened even fresh
     */
    public static MetronCache open(Path dir, Clock clock) {
        return open(dir, clock, file -> connect(file, Duration.ofSeconds(1)), file -> connect(file, BUSY_WAIT));
    }

    /** How long to wait for another process that holds the cache's write lock before giving up. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(30);

    /** Opens a connection to the cache file (tests inject failures). */
    @FunctionalInterface
    interface Connector {
        Connection connect(Path file) throws SQLException;
    }

    /**
     * Opens the cache: a first quick try, then (when another process holds the database) a patient one after
     * saying so. Only a file that is not a database, or a database that fails its integrity check, is set aside
     * and rebuilt, and never while another process has it open. A busy, full or failing disk stops with one
     * clear line and leaves the cache as it is.
     */
    static MetronCache open(Path dir, Clock clock, Connector quick, Connector patient) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the cache folder " + dir + ": " + e.getMessage(), e);
        }
        SqliteNative.useCopyIn(dir);
        Path file = dir.resolve(FILE_NAME);
        try {
            return new MetronCache(file, clock, openPatiently(file, quick, patient));
        } catch (SQLException e) {
            CacheFailure failure = CacheFailure.of(e);
            if (!failure.damaged()) {
                throw new UncheckedIOException(failure.message(file, BUSY_WAIT), new IOException(e));
            }
            if (CacheFailure.inUseByAnotherProcess(file)) {
                throw new UncheckedIOException("The cache " + file + " fails its integrity check, but another"
                        + " Metronome process has it open; it was left as it is. Stop the other process and run"
                        + " again, or use another --cache-dir.", new IOException(e));
            }
            Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + clock.millis());
            LOG.warn("The cache {} is unreadable or damaged ({}); moving it to {} and starting a new one.", file,
                    e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path companion = file.resolveSibling(FILE_NAME + suffix);
                    if (Files.exists(companion)) {
                        Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return new MetronCache(file, clock, patient.connect(file));
            } catch (IOException | SQLException again) {
                throw new UncheckedIOException("Cannot rebuild the cache " + file + ": " + again.getMessage(),
                        again instanceof IOException io ? io : new IOException(again));
            }
        }
    }

    private static Connection openPatiently(Path file, Connector quick, Connector patient) throws SQLException {
        try {
            Connection c = quick.connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000"); // in use, other processes' short writes are waited for
            }
            return c;
        } catch (SQLException e) {
            if (!CacheFailure.of(e).busy()) {
                throw e;
            }
            LOG.warn("The cache {} is in use by another Metronome process; waiting up to {} s for it.", file,
                    BUSY_WAIT.toSeconds());
            return patient.connect(file);
        }
    }

    /**
     * The scrobble ledger, one per Metron account ({@code account} {@code ""} is the host's own account). A cache
     * made before accounts were kept has the table without the column: its rows were all sent by the own account,
     * and are kept as such.
     */
    private static void scrobbleTable(Statement s) throws SQLException {
        boolean before = false;
        boolean current = false;
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(scrobble)")) {
            while (columns.next()) {
                before = true;
                current |= "account".equals(columns.getString("name"));
            }
        }
        if (before && !current) {
            s.execute("ALTER TABLE scrobble RENAME TO scrobble_before_accounts");
        }
        s.execute("CREATE TABLE IF NOT EXISTS scrobble (account TEXT NOT NULL, issue_id INTEGER NOT NULL,"
                + " read_key TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (account, issue_id, read_key))");
        boolean leftover;
        try (ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                + " AND name = 'scrobble_before_accounts'")) {
            leftover = t.next();
        }
        if (leftover) {
            // also after a crash between the rename and the copy: the old rows are the own account's
            s.execute("INSERT OR IGNORE INTO scrobble (account, issue_id, read_key, state)"
                    + " SELECT '', issue_id, read_key, state FROM scrobble_before_accounts");
            s.execute("DROP TABLE scrobble_before_accounts");
        }
    }

    static Connection connect(Path file, Duration busyTimeout) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            try (ResultSet check = s.executeQuery("PRAGMA quick_check")) {
                if (!check.next() || !"ok".equalsIgnoreCase(check.getString(1))) {
                    throw new SQLException("integrity check failed", "XX001", CacheFailure.INTEGRITY);
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS response (url TEXT PRIMARY KEY, body BLOB NOT NULL,"
                    + " last_modified TEXT NOT NULL, fetched INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS resolved_series (name TEXT NOT NULL, year INTEGER NOT NULL,"
                    + " series_id INTEGER NOT NULL, PRIMARY KEY (name, year))");
            s.execute("CREATE TABLE IF NOT EXISTS fingerprint (fingerprint TEXT PRIMARY KEY,"
                    + " issue_id INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS folder_series (folder TEXT NOT NULL, name TEXT NOT NULL,"
                    + " series_id INTEGER NOT NULL, PRIMARY KEY (folder, name, series_id))");
            s.execute("CREATE TABLE IF NOT EXISTS undecided (fingerprint TEXT PRIMARY KEY, evidence TEXT NOT NULL,"
                    + " outcome TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS sync_state (resource TEXT PRIMARY KEY, last_sync TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS synced_issue (id INTEGER PRIMARY KEY, series_id INTEGER,"
                    + " modified TEXT, json TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS synced_series (id INTEGER PRIMARY KEY, modified TEXT,"
                    + " json TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS rate_limit (account TEXT PRIMARY KEY, state TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS library_book (server TEXT NOT NULL, book_id TEXT NOT NULL,"
                    + " state TEXT NOT NULL, PRIMARY KEY (server, book_id))");
            s.execute("CREATE TABLE IF NOT EXISTS file_state (path TEXT PRIMARY KEY, state TEXT NOT NULL)");
            scrobbleTable(s);
            s.execute("CREATE TABLE IF NOT EXISTS review (path TEXT PRIMARY KEY, fingerprint TEXT,"
                    + " state TEXT NOT NULL, outcome TEXT NOT NULL)");
            s.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '" + SCHEMA_VERSION + "')");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    // ---- responses ----

    @Override
    public synchronized Optional<CachedResponse> get(String url) {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT body, last_modified, fetched FROM response WHERE url = ?")) {
            p.setString(1, url);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return Optional.of(new CachedResponse(r.getBytes(1), r.getString(2),
                            Instant.ofEpochMilli(r.getLong(3))));
                }
            }
        } catch (SQLException e) {
            LOG.warn("Cache read failed for a response ({}); treating it as a miss.", e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void put(String url, CachedResponse response) {
        update("INSERT OR REPLACE INTO response (url, body, last_modified, fetched) VALUES (?, ?, ?, ?)",
                url, response.body(), response.lastModified(), response.fetched().toEpochMilli());
    }

    // ---- resolved series and fingerprints ----

    /** The series id remembered for a name (normalized) and start year (null: any). */
    public synchronized Optional<Integer> resolvedSeries(String name, Integer year) {
        return queryInt("SELECT series_id FROM resolved_series WHERE name = ? AND year = ?",
                SeriesKey.normalize(name), year == null ? -1 : year);
    }

    /** Remembers which series a name and year resolved to. */
    public synchronized void rememberSeries(String name, Integer year, int seriesId) {
        update("INSERT OR REPLACE INTO resolved_series (name, year, series_id) VALUES (?, ?, ?)",
                SeriesKey.normalize(name), year == null ? -1 : year, seriesId);
    }

    /**
     * The series that archives of a folder, named so, were identified as.
     *
     * @param folder the folder's absolute path
     * @param name   the series name, normalized
     * @return the series ids
     */
    public synchronized List<Integer> seriesInFolder(String folder, String name) {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT series_id FROM folder_series WHERE folder = ? AND name = ?")) {
            bind(p, folder, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
        } catch (SQLException e) {
            LOG.warn("Cache read failed ({}); treating it as a miss.", e.getMessage());
        }
        return ids;
    }

    /** Remembers that an archive of a folder, named so, was identified as an issue of a series. */
    public synchronized void rememberSeriesInFolder(String folder, String name, int seriesId) {
        update("INSERT OR IGNORE INTO folder_series (folder, name, series_id) VALUES (?, ?, ?)", folder, name,
                seriesId);
    }

    /**
     * The outcome remembered for an archive that could not be decided, if its evidence is still the same.
     *
     * @param fingerprint the archive's fingerprint
     * @param evidence    a digest of everything the decision was made from
     * @return the outcome, as stored
     */
    public synchronized Optional<String> undecided(String fingerprint, String evidence) {
        return queryText("SELECT outcome FROM undecided WHERE fingerprint = ? AND evidence = ?", fingerprint, evidence);
    }

    /** Remembers the outcome of an archive that could not be decided, with a digest of its evidence. */
    public synchronized void rememberUndecided(String fingerprint, String evidence, String outcome) {
        update("INSERT OR REPLACE INTO undecided (fingerprint, evidence, outcome) VALUES (?, ?, ?)", fingerprint,
                evidence, outcome);
    }

    /** Forgets the outcome of an archive that was decided since. */
    public synchronized void forgetUndecided(String fingerprint) {
        update("DELETE FROM undecided WHERE fingerprint = ?", fingerprint);
    }

    /** The issue id remembered for an archive fingerprint. */
    public synchronized Optional<Integer> issueForFingerprint(String fingerprint) {
        return queryInt("SELECT issue_id FROM fingerprint WHERE fingerprint = ?", fingerprint);
    }

    /** Remembers the issue an archive was identified as. */
    public synchronized void rememberFingerprint(String fingerprint, int issueId) {
        update("INSERT OR REPLACE INTO fingerprint (fingerprint, issue_id) VALUES (?, ?)", fingerprint, issueId);
    }

    /** What the library-server sync recorded for a book of a server (an opaque text), if anything. */
    public synchronized Optional<String> libraryBook(String server, String bookId) {
        return queryText("SELECT state FROM library_book WHERE server = ? AND book_id = ?", server, bookId);
    }

    /** Records what the library-server sync did with a book, so that a restart does nothing twice. */
    public synchronized void rememberLibraryBook(String server, String bookId, String state) {
        update("INSERT OR REPLACE INTO library_book (server, book_id, state) VALUES (?, ?, ?)", server, bookId, state);
    }

    /** What a run recorded of an archive at a path (an opaque text: size, time, issue...), if anything. */
    public synchronized Optional<String> fileState(String path) {
        return queryText("SELECT state FROM file_state WHERE path = ?", path);
    }

    /** Records what a run knows of the archive at a path, so that an unchanged file need not be opened again. */
    public synchronized void rememberFileState(String path, String state) {
        update("INSERT OR REPLACE INTO file_state (path, state) VALUES (?, ?)", path, state);
    }

    // ---- the review queue ----

    /**
     * Puts an undecided archive in the review queue (or refreshes what is known of it). A file the user marked
     * "not in Metron" keeps that mark.
     *
     * @param path        the archive's absolute path
     * @param fingerprint its content fingerprint, or null
     * @param outcome     the run's report of it (JSON)
     */
    public synchronized void rememberForReview(String path, String fingerprint, String outcome) {
        update("INSERT INTO review (path, fingerprint, state, outcome) VALUES (?, ?, 'open', ?) ON CONFLICT(path)"
                + " DO UPDATE SET fingerprint = excluded.fingerprint, outcome = excluded.outcome", path, fingerprint,
                outcome);
    }

    /** Takes an archive out of the review queue (it was decided). */
    public synchronized void forgetReview(String path) {
        update("DELETE FROM review WHERE path = ?", path);
    }

    /** Marks an archive of the review queue (e.g. {@code not-in-metron}); it then leaves the open queue. */
    public synchronized void markReview(String path, String state) {
        update("UPDATE review SET state = ? WHERE path = ?", state, path);
    }

    /**
     * The review queue's open archives, by path.
     *
     * @return path, fingerprint (may be null) and the run's report (JSON) of each, in path order
     */
    public synchronized List<String[]> openReviews() {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT path, fingerprint, outcome FROM review WHERE state = 'open' ORDER BY path")) {
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                }
            }
        } catch (SQLException e) {
            LOG.warn("Cache read failed ({}); treating it as a miss.", e.getMessage());
        }
        return out;
    }

    /** The review state of an archive ({@code open}, {@code not-in-metron}), if it is in the queue. */
    public synchronized Optional<String> reviewState(String path) {
        return queryText("SELECT state FROM review WHERE path = ?", path);
    }

    // ---- scrobbles sent ----

    @Override
    public Optional<ScrobbleLedger.State> state(int issueId, String readKey) {
        return scrobbleState("", issueId, readKey);
    }

    @Override
    public void record(int issueId, String readKey, ScrobbleLedger.State state) {
        recordScrobble("", issueId, readKey, state);
    }

    @Override
    public void forget(int issueId, String readKey) {
        forgetScrobble("", issueId, readKey);
    }

    /**
     * The ledger of another Metron account than the host's own (whose ledger is this cache itself), so that a read is
     * sent at most once to each account.
     *
     * @param account the account's non-secret key ({@code MetronCredentials.accountKey()})
     * @return the account's ledger
     */
    public ScrobbleLedger scrobbleLedger(String account) {
        if (account == null || account.isEmpty()) {
            return this;
        }
        return new ScrobbleLedger() {
            @Override
            public Optional<State> state(int issueId, String readKey) {
                return scrobbleState(account, issueId, readKey);
            }

            @Override
            public void record(int issueId, String readKey, State state) {
                recordScrobble(account, issueId, readKey, state);
            }

            @Override
            public void forget(int issueId, String readKey) {
                forgetScrobble(account, issueId, readKey);
            }
        };
    }

    private synchronized Optional<ScrobbleLedger.State> scrobbleState(String account, int issueId, String readKey) {
        return queryText("SELECT state FROM scrobble WHERE account = ? AND issue_id = ? AND read_key = ?", account,
                issueId, readKey).map(ScrobbleLedger.State::valueOf);
    }

    private synchronized void recordScrobble(String account, int issueId, String readKey, ScrobbleLedger.State state) {
        update("INSERT OR REPLACE INTO scrobble (account, issue_id, read_key, state) VALUES (?, ?, ?, ?)", account,
                issueId, readKey, state.name());
    }

    private synchronized void forgetScrobble(String account, int issueId, String readKey) {
        update("DELETE FROM scrobble WHERE account = ? AND issue_id = ? AND read_key = ?", account, issueId, readKey);
    }

    // ---- sync ----

    @Override
    public synchronized Optional<OffsetDateTime> lastSync(String resource) {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT last_sync FROM sync_state WHERE resource = ?")) {
            p.setString(1, resource);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(OffsetDateTime.parse(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cache read failed for the sync state ({}); treating it as never synced.", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void recordSync(String resource, OffsetDateTime at) {
        update("INSERT OR REPLACE INTO sync_state (resource, last_sync) VALUES (?, ?)", resource, at.toString());
    }

    @Override
    public synchronized void storeIssues(List<IssueListItem> items) {
        inTransaction(() -> {
            for (IssueListItem item : items) {
                update("INSERT OR REPLACE INTO synced_issue (id, series_id, modified, json) VALUES (?, ?, ?, ?)",
                        item.id(), item.series() == null ? null : item.series().id(),
                        item.modified() == null ? null : item.modified().toString(), json(item));
            }
        });
    }

    @Override
    public synchronized void storeSeries(List<SeriesListItem> items) {
        inTransaction(() -> {
            for (SeriesListItem item : items) {
                update("INSERT OR REPLACE INTO synced_series (id, modified, json) VALUES (?, ?, ?)", item.id(),
                        item.modified() == null ? null : item.modified().toString(), json(item));
            }
        });
    }

    /** A synced issue list item. */
    public synchronized Optional<IssueListItem> syncedIssue(int id) {
        try (PreparedStatement p = connection.prepareStatement("SELECT json FROM synced_issue WHERE id = ?")) {
            p.setInt(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(MetronJson.mapper().readValue(r.getString(1), IssueListItem.class))
                        : Optional.empty();
            }
        } catch (SQLException | IOException e) {
            LOG.warn("Cache read failed for a synced issue ({}).", e.getMessage());
            return Optional.empty();
        }
    }

    /** How many issues and series the syncs stored. */
    public synchronized long syncedCount(String resource) {
        String table = "series".equals(resource) ? "synced_series" : "synced_issue";
        return queryInt("SELECT COUNT(*) FROM " + table).orElse(0);
    }

    // ---- shared rate limit ----

    /**
     * Reads, changes and writes one account's rate-limit state in one {@code BEGIN IMMEDIATE} transaction, so
     * processes sharing this cache see each other's reservations.
     *
     * @param account the account key (never a secret)
     * @param change  what to do with the state; its result is returned
     * @param <T>     the result type
     * @return the result of {@code change}
     */
    public synchronized <T> T withRateLimitState(String account, Function<RateLimitState, T> change) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                RateLimitState state = new RateLimitState();
                try (PreparedStatement p = connection.prepareStatement(
                        "SELECT state FROM rate_limit WHERE account = ?")) {
                    p.setString(1, account);
                    try (ResultSet r = p.executeQuery()) {
                        if (r.next()) {
                            state = MetronJson.mapper().readValue(r.getString(1), RateLimitState.class);
                        }
                    }
                } catch (IOException e) {
                    LOG.warn("The shared rate-limit state was unreadable; starting from the local budget.");
                }
                T result = change.apply(state);
                update("INSERT OR REPLACE INTO rate_limit (account, state) VALUES (?, ?)", account, json(state));
                s.execute("COMMIT");
                return result;
            } catch (RuntimeException | SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The shared rate-limit state in " + file + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the cache failed: {}", e.getMessage());
        }
    }

    // ---- helpers ----

    private static String json(Object value) {
        try {
            return MetronJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private void inTransaction(Runnable body) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                body.run();
                s.execute("COMMIT");
            } catch (RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("Cache write failed ({}); the data will be fetched again next time.", e.getMessage());
        }
    }

    private Optional<Integer> queryInt(String sql, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warn("Cache read failed ({}); treating it as a miss.", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> queryText(String sql, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warn("Cache read failed ({}); treating it as a miss.", e.getMessage());
            return Optional.empty();
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            bind(p, args);
            p.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Cache write failed ({}); the data will be fetched again next time.", e.getMessage());
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    /** The clock this cache stamps with. */
    Clock clock() {
        return clock;
    }
}
