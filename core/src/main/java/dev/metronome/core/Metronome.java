package dev.metronome.core;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Decision;
import dev.metronome.api.FileResult;
import dev.metronome.api.TagOptions;
import dev.metronome.api.Tagger;
import dev.metronome.cache.MetronCache;
import dev.metronome.cache.SharedRateLimiter;
import dev.metronome.identify.MetronLookups;
import dev.metronome.metron.LocalRateLimiter;
import dev.metronome.metron.MetronClient;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.RateLimiter;
import dev.metronome.metron.RequestStats;
import dev.metronome.metron.ResponseStore;
import dev.metronome.metron.QuotaWait;
import dev.metronome.metron.Sleeper;
import dev.metronome.metron.StatefulRateLimiter;
import dev.metronome.tagging.CandidateScore;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.GivenMetadataWrite;
import dev.metronome.tagging.IssueMapper;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.TaggingListener;
import dev.metronome.tagging.TaggingOptions;
import dev.metronome.tagging.TaggingRun;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: identifies archives in Metron and writes their metadata. One instance holds the one client (and so
 * the one rate limiter) for its account, and the cache. Build it with {@link #builder()}; close it when done.
 *
 * <p>Credentials may be absent: everything that needs no request (cached answers, ids in archives with a warm
 * cache) still works, and the first request that is needed fails with a clear {@link MetronException}.
 */
public final class Metronome implements Tagger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Metronome.class);

    /** The message when a request is needed and no credentials were given. */
    public static final String NO_CREDENTIALS = "no Metron credentials: set METRON_USER/METRON_PASS or METRON_TOKEN";

    /**
     * What the rate limiter knows of the account's budget (from the last response's headers).
     *
     * @param burstRemaining requests left in the burst window
     * @param dailyRemaining requests left today
     * @param burstReset     when the burst window frees up
     */
    public record Budget(OptionalInt burstRemaining, OptionalInt dailyRemaining, Optional<Instant> burstReset) {
    }

    private final MetronSettings settings;
    private final MetronCredentials credentials;
    private final MetronCache cache;
    private final Clock clock;
    private final Sleeper sleeper;
    private final QuotaWait quotaWait;
    private final int jobs;
    private final boolean strictComicInfo;
    private final Duration pauseWhenUnavailable;
    private final RequestStats stats = new RequestStats();
    private final BudgetWatch budget;
    private volatile MetronClient client;
    private volatile MetronLookups shared;
    private volatile Instant sharedSince = Instant.EPOCH;

    /** How long a long-lived host's shared lookups live before they are renewed after a sync. */
    public static final Duration RENEW_SHARED_AFTER = Duration.ofHours(24);

    private Metronome(Builder b) {
        this.settings = b.settings;
        this.credentials = b.credentials;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.jobs = b.jobs;
        this.strictComicInfo = b.strictComicInfo;
        this.pauseWhenUnavailable = b.pauseWhenUnavailable;
        this.cache = b.cacheDir == null ? null : MetronCache.open(b.cacheDir, b.clock);
        this.quotaWait = b.quotaWait;
        StatefulRateLimiter limiter = cache != null && credentials != null
                ? new SharedRateLimiter(cache, credentials.accountKey(), settings, clock, sleeper)
                : new LocalRateLimiter(settings, clock, sleeper);
        limiter.quotaWait(quotaWait);
        this.budget = new BudgetWatch(limiter);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The client, created on the first request; fails clearly without credentials. */
    private MetronClient client() {
        MetronClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    if (credentials == null) {
                        throw new MetronException(MetronException.Kind.CONFIGURATION, 0, NO_CREDENTIALS);
                    }
                    client = MetronClient.builder().settings(settings).credentials(credentials).clock(clock)
                            .sleeper(sleeper).stats(stats).rateLimiter(budget).quotaWait(quotaWait)
                            .pauseWhenUnavailable(pauseWhenUnavailable)
                            .responseStore(cache != null ? cache : ResponseStore.NONE).build();
                }
                c = client;
            }
        }
        return c;
    }

    private MetronLookups newLookups() {
        return new MetronLookups(this::client, cache, settings.baseUrl(), clock);
    }

    /**
     * A batch run.
     *
     * @param options  what to do ({@code jobs} 0 or less: the engine's)
     * @param listener progress, or null
     * @return the run; call {@link TaggingRun#run}
     */
    public TaggingRun newRun(TaggingOptions options, TaggingListener listener) {
        TaggingOptions effective = options == null ? TaggingOptions.defaults().withJobs(jobs) : options;
        return new TaggingRun(newLookups(), stats, clock, effective, listener);
    }

    /** The requests sent so far, by endpoint and outcome. */
    public RequestStats requestStats() {
        return stats;
    }

    /** What the limiter knows of the remaining budget. */
    public Budget budget() {
        return budget.budget();
    }

    /** The cache, if one is open. */
    public Optional<MetronCache> cache() {
        return Optional.ofNullable(cache);
    }

    /**
     * The lookups a long-lived host shares between its one-file calls. What they memoise (name searches, listings,
     * the series memory) is renewed every {@link #RENEW_SHARED_AFTER}, after one {@code modified_gt} sync, so a
     * daemon finds series and issues added to Metron after it started without a restart.
     */
    private MetronLookups sharedLookups() {
        synchronized (this) {
            Instant now = clock.instant();
            if (shared == null || !now.isBefore(sharedSince.plus(RENEW_SHARED_AFTER))) {
                MetronLookups fresh = newLookups();
                if (shared != null) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                    try {
                        fresh.prepare(at);
                        fresh.recordRun(at);
                    } catch (RuntimeException e) {
                        LOG.info("The daily sync with Metron failed ({}); cached details will be revalidated",
                                e.getMessage());
                    }
                }
                shared = fresh;
                sharedSince = now;
            }
            return shared;
        }
    }

    /**
     * The lookups this engine shares between its one-file calls (details, searches, the series memory), for a host
     * such as the review page that asks Metron on the user's behalf through the same client, limiter and cache.
     *
     * @return the shared lookups
     */
    public MetronLookups lookups() {
        return sharedLookups();
    }

    @Override
    public Decision identify(Path archive) {
        RunReport report = new TaggingRun(sharedLookups(), stats, clock,
                TaggingOptions.defaults().withIdentifyOnly(true).withJobs(1), null).withoutSync()
                .run(List.of(archive));
        return report.files().isEmpty() ? new Decision(Decision.Status.ERROR, null, 0, List.of(),
                List.of(archive + ": not a comic archive")) : decision(report.files().get(0));
    }

    @Override
    public ComicMetadata metadata(long metronIssueId) {
        return sharedLookups().issue(metronIssueId).map(IssueMapper::toModel)
                .orElseThrow(() -> new IllegalArgumentException("Metron has no issue " + metronIssueId));
    }

    @Override
    public FileResult tag(Path archive, TagOptions options) {
        TagOptions o = options == null ? TagOptions.DEFAULTS : options;
        TaggingOptions run = TaggingOptions.defaults().withJobs(1).withDryRun(o.dryRun()).withConvert(o.convertToCbz())
                .withStrictComicInfo(strictComicInfo);
        if (o.issueId() != null) {
            run = run.withForcedIssueId(o.issueId());
        }
        RunReport report = new TaggingRun(sharedLookups(), stats, clock, run, null).withoutSync()
                .run(List.of(archive));
        if (report.files().isEmpty()) {
            return new FileResult(archive, FileResult.Outcome.SKIPPED, null, "not a comic archive");
        }
        FileReport f = report.files().get(0);
        Path file = f.writtenPath() == null ? archive : Path.of(f.writtenPath());
        String why = String.join("; ", f.evidence());
        return switch (f.status()) {
            case FileReport.MATCHED -> f.error() != null
                    ? new FileResult(file, FileResult.Outcome.FAILED, f.issueId(), f.error())
                    : new FileResult(file, f.written() ? FileResult.Outcome.TAGGED : FileResult.Outcome.UNCHANGED,
                    f.issueId(), f.written() ? "tagged as issue " + f.issueId() : "already current or dry run");
            case FileReport.AMBIGUOUS -> new FileResult(file, FileResult.Outcome.AMBIGUOUS, null, why);
            case FileReport.NO_MATCH -> new FileResult(file, FileResult.Outcome.NO_MATCH, null, why);
            default -> new FileResult(file, FileResult.Outcome.FAILED, null, Objects.toString(f.error(), "failed"));
        };
    }

    /**
     * Writes metadata the caller already has into an archive, as a library server's adapter hands it (its series
     * name, its choices), merged with the file's own ComicInfo.xml by the re-tag rules (the user's fields are kept),
     * through the crash-safe write pipeline. Nothing is asked of Metron: the metadata must carry its Metron issue id.
     *
     * @param archive      the archive
     * @param metadata     what to write
     * @param convertToCbz whether a CBR/CB7 may be converted to CBZ (the returned path then changes)
     * @return {@code TAGGED}, {@code UNCHANGED} (the file already held exactly this) or {@code FAILED} with the reason
     */
    public FileResult write(Path archive, ComicMetadata metadata, boolean convertToCbz) {
        TaggingOptions options = TaggingOptions.defaults().withJobs(1).withConvert(convertToCbz)
                .withStrictComicInfo(strictComicInfo);
        return new GivenMetadataWrite(clock, options).write(archive, Objects.requireNonNull(metadata, "metadata"));
    }

    private static Decision decision(FileReport f) {
        Decision.Status status = switch (f.status()) {
            case FileReport.MATCHED -> Decision.Status.MATCHED;
            case FileReport.AMBIGUOUS -> Decision.Status.AMBIGUOUS;
            case FileReport.NO_MATCH -> Decision.Status.NO_MATCH;
            default -> Decision.Status.ERROR;
        };
        List<dev.metronome.api.Candidate> candidates = f.candidates().stream().map(Metronome::candidate).toList();
        List<String> reasons = f.error() == null ? f.evidence()
                : java.util.stream.Stream.concat(f.evidence().stream(), java.util.stream.Stream.of(f.error())).toList();
        return new Decision(status, f.issueId(), Math.max(0, Math.min(1, f.confidence())), candidates, reasons);
    }

    private static dev.metronome.api.Candidate candidate(CandidateScore c) {
        return new dev.metronome.api.Candidate(c.issueId(), c.label(), Math.max(0, Math.min(1, c.score())));
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }

    /** Builds a {@link Metronome}. */
    public static final class Builder {
        private MetronSettings settings = MetronSettings.defaults();
        private MetronCredentials credentials;
        private Path cacheDir;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private QuotaWait quotaWait = QuotaWait.STOP;
        private int jobs = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private boolean strictComicInfo;
        private Duration pauseWhenUnavailable;

        private Builder() {
        }

        /**
         * For a long-lived host: when Metron is unavailable (several requests in a row refused, timed out or 5xx),
         * send nothing for this long, then probe, instead of giving up (the default, right for one run). See
         * {@link dev.metronome.metron.Availability}.
         */
        public Builder pauseWhenUnavailable(Duration value) {
            this.pauseWhenUnavailable = value;
            return this;
        }

        /** Where and how to reach Metron. */
        public Builder settings(MetronSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** The account; may be null (then only cached answers are available). */
        public Builder credentials(MetronCredentials value) {
            this.credentials = value;
            return this;
        }

        /** The cache folder; null for no persistent cache. */
        public Builder cacheDir(Path value) {
            this.cacheDir = value;
            return this;
        }

        /** The clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * What to do when the daily quota is spent: stop (the default, {@link QuotaWait#STOP}), or wait for the daily
         * window to free and go on ({@link QuotaWait#waiting}, {@code --wait-for-quota}).
         */
        public Builder quotaWait(QuotaWait value) {
            this.quotaWait = Objects.requireNonNull(value, "quotaWait");
            return this;
        }

        /** How to wait for the rate limiter (tests move a clock instead of sleeping). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The default number of files handled at once. */
        public Builder jobs(int value) {
            this.jobs = Math.max(1, value);
            return this;
        }

        /** Whether {@link #tag} writes ComicInfo.xml strictly to the v2.0 schema (default: the v2.1 draft). */
        public Builder strictComicInfo(boolean value) {
            this.strictComicInfo = value;
            return this;
        }

        /** Builds the engine (opening the cache). */
        public Metronome build() {
            return new Metronome(this);
        }
    }
}
