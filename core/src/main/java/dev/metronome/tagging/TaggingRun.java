package dev.metronome.tagging;

import dev.metronome.api.Candidate;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.ArchiveLock;
import dev.metronome.archive.ArchiveWriter;
import dev.metronome.archive.ExtensionFixer;
import dev.metronome.comicinfo.MetadataException;
import dev.metronome.core.Problems;
import dev.metronome.identify.Evidence;
import dev.metronome.identify.EvidenceCollector;
import dev.metronome.identify.Identification;
import dev.metronome.identify.Identifier;
import dev.metronome.identify.MetronLookups;
import dev.metronome.identify.SeriesNames;
import dev.metronome.identify.UndecidedOutcome;
import dev.metronome.filename.FilenameParser;
import dev.metronome.filename.ParsedName;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.RequestStats;
import dev.metronome.metron.model.IssueDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One batch: finds the archives, orders them by folder and name (so one series lookup serves a folder), reads,
 * scans and hashes them in parallel on a bounded pool, identifies each through the one client, writes the metadata
 * of the matched ones, and reports every file. A bad file is a report, never an exception; only a credentials
 * problem, a spent daily quota or a Metron that looks like it banned us stops the run (as a {@link MetronException}).
 * A Metron that is unavailable (see {@link dev.metronome.metron.Availability}) stops it too, with a report: the
 * files that failed are errors, the files not reached are {@link FileReport#NOT_REACHED}, and
 * {@link RunReport#stopped()} says why.
 */
public final class TaggingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TaggingRun.class);
    private static final FilenameParser NAMES = new FilenameParser();
    /** Where {@code --replace-unreadable-metadata} keeps the ComicInfo.xml it replaced, inside the archive. */
    public static final String UNREADABLE_BACKUP = "ComicInfo.xml.unreadable";

    private final MetronLookups lookups;
    private final RequestStats stats;
    private final Clock clock;
    private final TaggingOptions options;
    private final TaggingListener listener;
    private final EvidenceCollector collector = new EvidenceCollector();
    private final Identifier identifier;
    private final UnchangedFiles unchangedFiles;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Why the run stopped before every file was looked at, when Metron became unavailable. */
    private final java.util.concurrent.atomic.AtomicReference<String> stopped =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** The threads handling a file now (for {@link #cancelNow}). */
    private final Set<Thread> working = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean syncing = true;
    /** Per folder, the names of the archives of this run in it (new neighbours may settle an undecided file). */
    private volatile Map<Path, String> neighbours = Map.of();

    /**
     * Creates a run (usually through {@code Metronome.newRun}).
     *
     * @param lookups  the run's Metron lookups
     * @param stats    the client's request counters
     * @param clock    the clock
     * @param options  what to do
     * @param listener progress
     */
    public TaggingRun(MetronLookups lookups, RequestStats stats, Clock clock, TaggingOptions options,
                      TaggingListener listener) {
        this.lookups = lookups;
        this.stats = stats;
        this.clock = clock;
        this.options = options == null ? TaggingOptions.defaults() : options;
        this.listener = listener == null ? TaggingListener.NONE : listener;
        this.identifier = new Identifier(lookups, this.options.fetchesDetails());
        this.unchangedFiles = new UnchangedFiles(lookups, writeProfile(this.options));
    }

    /** How this run writes: a file written by another version or with other options is looked at again. */
    private static String writeProfile(TaggingOptions options) {
        return "metronome " + dev.metronome.metron.MetronSettings.version() + (options.writeMetronInfo()
                ? " +metroninfo" : "");
    }

    /**
     * Makes this run skip the batch sync step (the {@code modified_gt} query before the files and the sync point
     * after them): for one-file calls of a long-lived host, where that query would cost one request per call.
     *
     * @return this run
     */
    public TaggingRun withoutSync() {
        syncing = false;
        return this;
    }

    /** Stops after the files in hand; {@link #run} then returns the report so far, the rest not reached. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Stops after the files in hand, saying why: the report's {@link RunReport#stopped()} holds the reason, and the
     * files not looked at are {@link FileReport#NOT_REACHED}.
     *
     * @param why one line, e.g. that the user interrupted the run
     * @param now whether to interrupt the files in hand too ({@link #cancelNow})
     */
    public void cancel(String why, boolean now) {
        stopped.compareAndSet(null, why);
        if (now) {
            cancelNow();
        } else {
            cancel();
        }
    }

    /**
     * Stops now: like {@link #cancel}, and the files in hand are interrupted in whatever they wait for (a request,
     * a back-off). A write cut short leaves its archive as it was (every write is a temp file renamed atomically).
     */
    public void cancelNow() {
        cancelled.set(true);
        working.forEach(Thread::interrupt);
    }

    /** Whether the run was stopped before every file was looked at (its report lists the rest as not reached). */
    public boolean cancelled() {
        return cancelled.get();
    }

    /**
     * Runs the batch.
     *
     * @param inputs files and folders (searched recursively)
     * @return the report
     * @throws MetronException for a credentials problem or a spent daily quota
     */
    public RunReport run(List<Path> inputs) {
        long started = System.nanoTime();
        Map<String, Map<String, Long>> before = stats.snapshot();
        List<FileReport> reports = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                reports.add(FileReport.error(input.toString(), input + ": no such file or folder"));
            } else {
                files.addAll(archivesUnder(input, reports));
            }
        }
        files.sort(Comparator.comparing((Path p) -> String.valueOf(p.toAbsolutePath().getParent()))
                .thenComparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)));
        listener.started(files.size() + reports.size());
        // each name is parsed once here, for the series counts and the order (no archive is opened)
        Map<Path, ParsedName> names = new java.util.HashMap<>();
        files.forEach(f -> names.put(f, NAMES.parse(EvidenceCollector.dotsAsSpaces(f))));
        lookups.expect(seriesCounts(names.values()));
        neighbours = neighbours(files);
        OffsetDateTime start = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        boolean needsMetron = syncing && (options.forcedIssueId().isEmpty() || options.writes());
        if (!files.isEmpty() && needsMetron) {
            prepare(start);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, files.size())),
                r -> {
                    Thread t = new Thread(r, "metronome-file");
                    t.setDaemon(true);
                    return t;
                });
        Map<Path, FileReport> done = new java.util.HashMap<>();
        try {
            // names without a year go last, once their neighbours have told which series each name is
            Map<Boolean, List<Path>> undated = files.stream().collect(java.util.stream.Collectors.partitioningBy(
                    f -> undatedName(f, names.get(f))));
            handleAll(pool, undated.get(false), done);
            handleAll(pool, undated.get(true), done);
        } finally {
            pool.shutdown();
            // also after Ctrl-C or a spent quota: what was fetched is current as of the start, so the next run
            // asks only for what changed since, and redoes nothing that was done
            if (needsMetron && !files.isEmpty()) {
                lookups.recordRun(start);
            }
        }
        String stop = stopped.get();
        for (Path file : files) {
            FileReport report = done.get(file);
            if (report != null) {
                reports.add(report);
            } else if (stop != null || cancelled.get()) {
                // Metron gave out, or the run was interrupted: the files not looked at are counted as such
                reports.add(FileReport.notReached(file.toString()));
            }
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new RunReport(reports, Summary.of(reports, before, stats.snapshot(), elapsed), stopped.get());
    }

    /**
     * The run's one {@code modified_gt} sync. A sync that fails after its retries (a 5xx, a network error, a bad
     * answer) only costs its savings: the run goes on, cached details are revalidated, and no sync point is
     * recorded; if Metron is really down, the next requests make it unavailable, and the run stops as it does
     * mid-run, with an honest summary. Metron found unavailable stops the run here: every file is not reached.
     */
    private void prepare(OffsetDateTime start) {
        try {
            lookups.prepare(start);
        } catch (MetronException e) {
            switch (e.kind()) {
                case UNAVAILABLE -> {
                    stopped.compareAndSet(null, e.getMessage());
                    cancelled.set(true);
                }
                case SERVER, NETWORK, PROTOCOL -> LOG.info("The sync with Metron failed ({}); cached details are"
                        + " revalidated", e.getMessage());
                default -> throw e;
            }
        }
    }

    /** Handles files on the pool, in order; rethrows the first fatal failure once the files in hand are done. */
    private void handleAll(ExecutorService pool, List<Path> files, Map<Path, FileReport> done) {
        RuntimeException fatal = null;
        List<Future<FileReport>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> handle(file)));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                FileReport report = futures.get(i).get();
                if (report != null) {
                    done.put(files.get(i), report);
                }
            } catch (ExecutionException e) {
                if (fatal == null && e.getCause() instanceof RuntimeException r) {
                    fatal = r;
                    cancelled.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
                break;
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    /** Whether a file's name and folder give a series but no year or volume (so same-named series may tie). */
    private static boolean undatedName(Path file, ParsedName name) {
        Path folder = file.getParent();
        boolean datedFolder = folder != null && folder.getFileName() != null
                && folder.getFileName().toString().matches(".*\\b(19|20)\\d\\d\\b.*");
        return name.series().present() && !name.year().present() && !name.volume().present() && !datedFolder;
    }

    private FileReport handle(Path file) {
        if (cancelled.get()) {
            return null;
        }
        listener.fileStarted(file);
        FileReport report;
        working.add(Thread.currentThread());
        try {
            report = handleCaught(file);
        } finally {
            working.remove(Thread.currentThread());
            Thread.interrupted(); // a stop that came as this file ended must not reach the next task
        }
        listener.fileFinished(report);
        return report;
    }

    /** One file, its failures turned into an error report (a fatal Metron failure is thrown). */
    private FileReport handleCaught(Path file) {
        FileReport report;
        try {
            Optional<FileReport> unchanged = options.forcedIssueId().isPresent() ? Optional.empty()
                    : unchangedFiles.unchanged(file);
            report = unchanged.isPresent() ? unchanged.get()
                    : options.writes() ? handleInHand(file) : handleFile(file);
        } catch (MetronException e) {
            if (e.kind() == MetronException.Kind.CANCELLED) {
                // Ctrl-C while waiting for the daily quota: this file was not looked at, as after any Ctrl-C
                cancelled.set(true);
                return null;
            }
            if (e.kind() == MetronException.Kind.UNAVAILABLE) {
                // Metron is down or failing: this file failed, the files not reached are reported as such
                stopped.compareAndSet(null, e.getMessage());
                cancelled.set(true);
            } else if (fatal(e)) {
                throw e;
            }
            report = FileReport.error(file.toString(), e.getMessage());
        } catch (ArchiveException e) {
            report = FileReport.error(file.toString(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Failed on {}", file, e);
            report = FileReport.error(file.toString(), Problems.describe(e));
        }
        return report;
    }

    /** Writes only to an archive no other process has in hand: a second run on the same folder skips it. */
    private FileReport handleInHand(Path file) throws IOException, MetadataException {
        Optional<ArchiveLock> lock = ArchiveLock.tryAcquire(file);
        if (lock.isEmpty()) {
            return FileReport.error(file.toString(), "is being tagged by another Metronome process; skipped");
        }
        try (ArchiveLock held = lock.get()) {
            FileReport report = handleFile(file);
            if (FileReport.MATCHED.equals(report.status()) && report.issueId() != null) {
                Path now = report.writtenPath() != null ? Path.of(report.writtenPath()) : file;
                unchangedFiles.remember(now, report.issueId(),
                        report.candidates().isEmpty() ? "" : report.candidates().get(0).label());
            }
            return report;
        }
    }

    private static boolean fatal(MetronException e) {
        return e.kind() == MetronException.Kind.AUTH || e.kind() == MetronException.Kind.RATE_LIMITED
                || e.kind() == MetronException.Kind.CONFIGURATION || e.kind() == MetronException.Kind.BLOCKED;
    }

    private FileReport handleFile(Path file) throws IOException, MetadataException {
        String unwritable = options.writes() ? unwritable(file) : null;
        Evidence ev;
        Identification id;
        if (options.forcedIssueId().isPresent()) {
            ev = collector.collect(file, false);
            long issueId = options.forcedIssueId().getAsLong();
            Optional<IssueDetail> detail = lookups.issue(issueId);
            if (detail.isEmpty()) {
                return FileReport.error(file.toString(), "Metron has no issue " + issueId);
            }
            id = new Identification(FileReport.MATCHED, issueId, 1.0,
                    List.of(new CandidateScore(issueId, 1.0, label(detail.get()))),
                    List.of("issue " + issueId + " given with --id"), detail);
        } else {
            ev = collector.collect(file, identifier::needsVisuals);
            String evidence = UndecidedOutcome.digest(ev, neighbours.get(file.toAbsolutePath().getParent()));
            Optional<Identification> before = lookups.undecidedBefore(ev, evidence);
            id = before.orElseGet(() -> identifier.identify(ev, unwritable == null));
            if (before.isEmpty() && !id.matched()) {
                lookups.rememberUndecided(ev, evidence, id);
            }
            if (FileReport.AMBIGUOUS.equals(id.status()) && options.chooser() != null) {
                id = ask(file, id);
            }
        }
        if (id.matched() && id.confidence() >= Identifier.ACCEPT) {
            lookups.remember(ev.fingerprint(), id.issueId());
        }
        boolean written = false;
        String writtenPath = null;
        String error = null;
        if (id.matched() && id.confidence() >= Identifier.ACCEPT && options.writes()) {
            if (ev.comicInfoUnreadable() && !options.replaceUnreadableMetadata()) {
                error = unreadableCause(ev) + "; it was left as is rather than overwritten"
                        + " (--replace-unreadable-metadata writes fresh metadata and keeps the old file in the archive)";
            } else {
                error = unwritable;
            }
            if (error == null) {
                long issueId = id.issueId();
                Optional<IssueDetail> detail = id.detail().or(() -> lookups.issue(issueId));
                if (detail.isEmpty()) {
                    error = "Metron has no issue " + id.issueId();
                } else {
                    try {
                        Optional<Path> result = write(file, ev, detail.get());
                        written = result.isPresent();
                        writtenPath = result.map(Path::toString).orElse(null);
                    } catch (ArchiveException e) {
                        error = e.getMessage();
                    }
                }
            }
        }
        List<String> reasons = id.reasons();
        if (options.identifyOnly() && options.details() && id.matched()) {
            long issueId = id.issueId();
            Optional<IssueDetail> detail = id.detail().or(() -> lookups.issue(issueId));
            reasons = new ArrayList<>(reasons);
            reasons.add(detail.map(TaggingRun::describe).orElse("Metron has no issue " + issueId + " any more"));
        }
        if (options.fixExtensions() && options.writes() && error == null && id.matched()
                && id.confidence() >= Identifier.ACCEPT) {
            ExtensionFixer.Outcome renamed = ExtensionFixer.fix(writtenPath == null ? file : Path.of(writtenPath));
            if (!renamed.message().isEmpty()) {
                reasons = new ArrayList<>(reasons);
                reasons.add(renamed.message());
                listener.renamed(renamed.from(), renamed.to(), renamed.message());
            }
            if (renamed.renamed()) {
                writtenPath = renamed.to().toString();
            }
        }
        // a matched file whose write failed is not done: an error, counted and listed with its cause
        String status = error != null ? FileReport.ERROR : id.status();
        FileReport report = new FileReport(file.toString(), status, id.matched() ? id.issueId() : null,
                id.confidence(), id.candidates(), reasons, written, writtenPath, error);
        keepForReview(file, ev, report);
        return report;
    }

    /** An undecided file joins the review queue kept in the cache; a decided one leaves it. */
    private void keepForReview(Path file, Evidence ev, FileReport report) {
        if (FileReport.MATCHED.equals(report.status())) {
            lookups.rememberForReview(file, null, null);
        } else if (FileReport.AMBIGUOUS.equals(report.status()) || FileReport.NO_MATCH.equals(report.status())) {
            try {
                lookups.rememberForReview(file, ev.fingerprint(),
                        dev.metronome.metron.MetronJson.mapper().writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.debug("Cannot keep {} for review: {}", file, e.getMessage());
            }
        }
    }

    /** One line of what Metron's details say about a matched issue (identify --details). */
    private static String describe(IssueDetail d) {
        StringBuilder line = new StringBuilder("details: ");
        if (d.series() != null) {
            line.append(d.series().name()).append(d.series().yearBegan() == null ? "" : " (" + d.series().yearBegan()
                    + ")");
        }
        line.append(" #").append(d.number());
        if (d.title() != null && !d.title().isBlank()) {
            line.append(" '").append(d.title()).append('\'');
        } else if (d.name() != null && !d.name().isEmpty()) {
            line.append(" '").append(d.name().get(0)).append('\'');
        }
        if (d.publisher() != null && d.publisher().name() != null) {
            line.append(", ").append(d.publisher().name());
        }
        if (d.coverDate() != null) {
            line.append(", cover date ").append(d.coverDate());
        }
        return line.toString();
    }

    private Identification ask(Path file, Identification id) {
        List<Candidate> candidates = id.candidates().stream()
                .map(c -> new Candidate(c.issueId(), c.label(), Math.max(0, Math.min(1, c.score())))).toList();
        OptionalLong chosen;
        synchronized (options.chooser()) {
            chosen = options.chooser().choose(file, candidates, id.reasons());
        }
        if (chosen.isEmpty()) {
            return id;
        }
        long issueId = chosen.getAsLong();
        Optional<IssueDetail> detail = lookups.issue(issueId);
        if (detail.isEmpty()) {
            return id;
        }
        List<String> reasons = new ArrayList<>(id.reasons());
        reasons.add("issue " + issueId + " chosen interactively");
        return new Identification(FileReport.MATCHED, issueId, 1.0, id.candidates(), reasons, detail);
    }

    /** Writes Metron's record merged with the file's metadata; empty when the file already holds exactly this. */
    private Optional<Path> write(Path file, Evidence ev, IssueDetail detail) throws ArchiveException,
            MetadataException {
        return GivenMetadataWrite.mergeAndWrite(file, ev, IssueMapper.toModel(detail), detail.id(), clock, options);
    }

    /**
     * Why the archive cannot take the write, known before its issue's details are fetched (a CB7 without
     * {@code --convert}, a read-only file without {@code --force}), or null: such a file costs no request.
     */
    private String unwritable(Path file) {
        try {
            ArchiveWriter.checkWritable(file, GivenMetadataWrite.writeOptions(options));
            return null;
        } catch (ArchiveException e) {
            return e.getMessage();
        }
    }

    /** The reader's own words on why the archive's ComicInfo.xml could not be read. */
    private static String unreadableCause(Evidence ev) {
        return ev.notes().stream().filter(n -> n.startsWith("ComicInfo.xml is unreadable")).findFirst()
                .orElse("ComicInfo.xml is unreadable");
    }

    private static String label(IssueDetail d) {
        return (d.series() == null ? "?" : d.series().name()) + " #" + d.number();
    }

    private static Map<Path, String> neighbours(List<Path> files) {
        Map<Path, List<String>> byFolder = new java.util.HashMap<>();
        for (Path file : files) {
            byFolder.computeIfAbsent(file.toAbsolutePath().getParent(), k -> new ArrayList<>())
                    .add(file.getFileName().toString());
        }
        Map<Path, String> out = new java.util.HashMap<>();
        byFolder.forEach((folder, names) -> out.put(folder, String.join("/", names.stream().sorted().toList())));
        return out;
    }

    /** How many files seem to belong to each series, from their names alone. */
    private static Map<String, Integer> seriesCounts(java.util.Collection<ParsedName> names) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (ParsedName name : names) {
            String series = name.series().orElse("");
            if (!series.isBlank()) {
                counts.merge(SeriesNames.key(series), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The archives under a path. When the run writes, what interrupted writes left (a conversion cut short between
     * its rename and the original's removal, stale temp files) is settled first, folder by folder, so that a
     * half-done conversion is finished rather than found twice.
     */
    private List<Path> archivesUnder(Path input, List<FileReport> reports) {
        if (Files.isRegularFile(input)) {
            if (options.writes() && input.toAbsolutePath().getParent() != null) {
                ArchiveWriter.recoverInterrupted(input.toAbsolutePath().getParent());
            }
            return Files.exists(input) ? List.of(input) : List.of();
        }
        try (Stream<Path> walk = Files.walk(input)) {
            List<Path> files = new ArrayList<>();
            Set<Path> interrupted = new java.util.HashSet<>();
            walk.filter(Files::isRegularFile).forEach(file -> {
                if (isArchiveName(file)) {
                    files.add(file);
                } else if (ArchiveWriter.isInterruptedWork(file)) {
                    interrupted.add(file.getParent());
                }
            });
            if (!options.writes() || interrupted.isEmpty()) {
                return files;
            }
            interrupted.forEach(ArchiveWriter::recoverInterrupted);
            return files.stream().filter(Files::exists).toList();
        } catch (IOException | RuntimeException e) {
            reports.add(FileReport.error(input.toString(), "cannot be listed (" + Problems.describe(e) + ")"));
            return List.of();
        }
    }

    private static boolean isArchiveName(Path path) {
        return dev.metronome.archive.Archives.isArchiveName(path.getFileName().toString());
    }
}
