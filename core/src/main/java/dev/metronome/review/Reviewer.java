package dev.metronome.review;

import dev.metronome.api.PageType;
import dev.metronome.archive.ArchiveEntry;
import dev.metronome.archive.ArchiveException;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.core.Metronome;
import dev.metronome.core.Problems;
import dev.metronome.coverhash.CoverHash;
import dev.metronome.coverhash.CoverImageReader;
import dev.metronome.identify.Evidence;
import dev.metronome.identify.EvidenceCollector;
import dev.metronome.identify.NameHint;
import dev.metronome.metron.IssueFilter;
import dev.metronome.metron.model.IssueDetail;
import dev.metronome.metron.model.IssueListItem;
import dev.metronome.tagging.CandidateScore;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the review page does: shows a file's candidates as Metron describes them, searches Metron, and settles files.
 * Every question to Metron goes through the engine's one client, rate limiter and cache; every write goes through
 * the engine's tagging pipeline (a temp file, verified, synced, renamed), which also remembers the archive's
 * fingerprint, so later runs decide the same pages without asking.
 */
public final class Reviewer {

    /** The width the file's cover is scaled to on the page. */
    static final int COVER_WIDTH = 480;
    /** Cover-hash distances up to this are worth pointing out as the same picture. */
    public static final int SAME_COVER = 10;

    /**
     * What an action did.
     *
     * @param ok      whether the file was settled
     * @param message one line for the user
     * @param settled the files settled, this one first (with "apply to the rest of this folder", its siblings)
     */
    public record Outcome(boolean ok, String message, List<String> settled) {
        /** Copies the list. */
        public Outcome {
            settled = List.copyOf(settled);
        }
    }

    private final Metronome engine;
    private final ReviewQueue queue;
    private final CoverStore covers;
    private final ChoiceWriter writer;
    private final EvidenceCollector collector = new EvidenceCollector();
    private final CoverImageReader images = new CoverImageReader();
    private final Map<String, Optional<Evidence>> evidence = new ConcurrentHashMap<>();
    /** The issues shown on the page so far: only their covers are served. */
    private final Map<Long, ReviewCandidate> shown = new ConcurrentHashMap<>();
    /** Each file's candidates, once worked out. */
    private final Map<String, List<ReviewCandidate>> listed = new ConcurrentHashMap<>();

    /**
     * A reviewer.
     *
     * @param engine the engine (its client, limiter, cache and tagging pipeline)
     * @param queue  the files to review
     * @param covers where Metron's covers are kept
     */
    public Reviewer(Metronome engine, ReviewQueue queue, CoverStore covers) {
        this(engine, queue, covers, ChoiceWriter.files(engine, false));
    }

    /**
     * A reviewer whose choices go somewhere else than into the archive (a library server's adapter), or are written
     * with conversion.
     *
     * @param engine the engine (its client, limiter and cache)
     * @param queue  the files to review
     * @param covers where Metron's covers are kept
     * @param writer where a choice goes
     */
    public Reviewer(Metronome engine, ReviewQueue queue, CoverStore covers, ChoiceWriter writer) {
        this.engine = engine;
        this.queue = queue;
        this.covers = covers;
        this.writer = writer;
    }

    /** The queue. */
    public ReviewQueue queue() {
        return queue;
    }

    /** The archive's evidence (read once per file). */
    Optional<Evidence> evidence(ReviewItem item) {
        return evidence.computeIfAbsent(item.key(), k -> {
            try {
                return Optional.of(collector.collect(item.file(), true));
            } catch (ArchiveException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The series, number and year the file's name or metadata give (to fill the search form). */
    public Optional<NameHint> hint(ReviewItem item) {
        return evidence(item).flatMap(ev -> ev.hints().stream().findFirst());
    }

    /**
     * The file's candidates as Metron describes them (one detail each, cached), with the cover-hash distance: the
     * engine's, and the other issues of the file's name and number ({@link PlausibleCandidates}, one issue search per
     * file), best first, at most nine. Worked out once per file.
     *
     * @param item the file
     * @return the candidates, best first
     */
    public List<ReviewCandidate> candidates(ReviewItem item) {
        List<ReviewCandidate> known = listed.get(item.key());
        if (known != null) {
            return known;
        }
        Optional<Evidence> ev = evidence(item);
        List<ReviewCandidate> engineList = new ArrayList<>();
        for (CandidateScore c : item.candidates()) {
            engineList.add(detail(c.issueId()).map(d -> fromDetail(d, c.score(), ev.orElse(null)))
                    .orElseGet(() -> new ReviewCandidate(c.issueId(), null, c.label(), null, "", "", null, c.score(),
                            null, null)));
        }
        List<ReviewCandidate> found = PlausibleCandidates.query(item.file().getFileName().toString(),
                hint(item).orElse(null)).map(q -> {
            try {
                return found(item, q.series(), q.number(), null);
            } catch (RuntimeException e) {
                return List.<ReviewCandidate>of();
            }
        }).orElse(List.of());
        List<ReviewCandidate> out = PlausibleCandidates.merge(item.file().getFileName().toString(), engineList, found);
        out.forEach(c -> shown.put(c.issueId(), c));
        listed.put(item.key(), out);
        return out;
    }

    private Optional<IssueDetail> detail(long issueId) {
        try {
            return engine.lookups().issue(issueId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Searches Metron for issues by series name, number and the year the series began (one {@code issue/} query,
     * asked once per session).
     *
     * @param item   the file the search is for (for the cover-hash distances)
     * @param name   series name words
     * @param number the issue number, or blank
     * @param year   the series' start year, or null
     * @return the issues found (at most one page)
     */
    public List<ReviewCandidate> search(ReviewItem item, String name, String number, Integer year) {
        List<ReviewCandidate> out = found(item, name, number, year);
        out.forEach(c -> shown.put(c.issueId(), c));
        return out;
    }

    private List<ReviewCandidate> found(ReviewItem item, String name, String number, Integer year) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        IssueFilter filter = IssueFilter.create().seriesName(name.strip());
        if (number != null && !number.isBlank()) {
            filter = filter.number(number.strip());
        }
        if (year != null) {
            filter = filter.seriesYearBegan(year);
        }
        Evidence ev = evidence(item).orElse(null);
        List<ReviewCandidate> out = new ArrayList<>();
        for (IssueListItem found : engine.lookups().issues(filter, 1)) {
            if (found.id() == null) {
                continue;
            }
            String series = found.series() == null ? found.issue() : found.series().name();
            Integer began = found.series() == null ? null : found.series().yearBegan();
            ReviewCandidate candidate = new ReviewCandidate(found.id(),
                    found.series() == null ? null : found.series().id(), series,
                    found.series() == null ? null : found.series().volume(), began == null ? "" : began + "–",
                    found.number(), found.coverDate(), null, distance(ev, found.coverHash()), found.image());
            out.add(candidate);
        }
        return out;
    }

    private static ReviewCandidate fromDetail(IssueDetail d, double score, Evidence ev) {
        var s = d.series();
        Integer began = s == null ? null : s.yearBegan();
        return new ReviewCandidate(d.id(), s == null ? null : s.id(), s == null ? "?" : s.name(),
                s == null ? null : s.volume(), began == null ? "" : began + "–", d.number(), d.coverDate(), score,
                distance(ev, d.coverHash()), d.image());
    }

    private static Integer distance(Evidence ev, String hash) {
        if (ev == null || hash == null || hash.isBlank()) {
            return null;
        }
        try {
            return ev.coverDistance(CoverHash.parse(hash)).orElse(null);
        } catch (IllegalArgumentException notAHash) {
            return null;
        }
    }

    /**
     * Settles a file as an issue: writes its metadata through the tagging pipeline, takes it out of the queue and
     * remembers the choice (the fingerprint, and the series for the other files of the folder).
     *
     * @param item       the file
     * @param issueId    the issue chosen (or typed)
     * @param restOfFolder also settle the other files of the folder that the choice makes unambiguous: those with
     *                   exactly one candidate in the chosen series
     * @return what happened
     */
    public synchronized Outcome choose(ReviewItem item, long issueId, boolean restOfFolder) {
        Optional<IssueDetail> detail = detail(issueId);
        if (detail.isEmpty()) {
            return new Outcome(false, "Metron has no issue " + issueId, List.of());
        }
        Optional<String> failed = write(item, issueId);
        if (failed.isPresent()) {
            return new Outcome(false, item.file().getFileName() + ": " + failed.get(), List.of());
        }
        List<String> settled = new ArrayList<>(List.of(item.file().getFileName().toString()));
        Integer seriesId = detail.get().series() == null ? null : detail.get().series().id();
        List<ReviewItem> siblings = queue.siblings(item);
        if (seriesId != null) {
            String name = hint(item).map(NameHint::series).filter(n -> !n.isBlank())
                    .orElse(detail.get().series().name());
            engine.lookups().rememberSeriesInFolder(item.folder(), name, seriesId,
                    siblings.stream().map(ReviewItem::fingerprint).toList());
        }
        int failures = 0;
        if (restOfFolder && seriesId != null) {
            for (ReviewItem sibling : siblings) {
                List<ReviewCandidate> same = candidates(sibling).stream()
                        .filter(c -> seriesId.equals(c.seriesId())).toList();
                if (same.size() == 1) {
                    if (write(sibling, same.get(0).issueId()).isEmpty()) {
                        settled.add(sibling.file().getFileName().toString());
                    } else {
                        failures++;
                    }
                }
            }
        }
        String label = detail.get().series() == null ? "#" + detail.get().number()
                : detail.get().series().name() + " #" + detail.get().number();
        String message = settled.size() == 1 ? settled.get(0) + " tagged as " + label + " (issue " + issueId + ")"
                : settled.size() + " files of the folder tagged (" + settled.get(0) + " as " + label + ")";
        return new Outcome(true, failures == 0 ? message : message + "; " + failures + " could not be written",
                settled);
    }

    /**
     * Applies a choice through the writer; empty when done, else the reason it was not. A file settled leaves the
     * queue (the cache's too) and its fingerprint is remembered, whichever way the choice went.
     */
    private Optional<String> write(ReviewItem item, long issueId) {
        Optional<String> failed;
        try {
            failed = writer.apply(item.file(), issueId);
        } catch (RuntimeException e) {
            failed = Optional.of(Problems.describe(e));
        }
        if (failed.isPresent()) {
            return failed;
        }
        queue.settled(item.key());
        engine.lookups().rememberForReview(item.file(), null, null);
        engine.lookups().remember(item.fingerprint(), issueId);
        return Optional.empty();
    }

    /** Puts a file at the end of the queue. */
    public void skip(ReviewItem item) {
        queue.skipped(item.key());
    }

    /**
     * Marks a file as not in Metron: it leaves the queue, and the cache keeps the mark (later runs leave it off the
     * page).
     *
     * @param item the file
     * @return what happened
     */
    public Outcome notInMetron(ReviewItem item) {
        engine.cache().ifPresent(c -> c.markReview(item.file().toString(), "not-in-metron"));
        queue.settled(item.key());
        return new Outcome(true, item.file().getFileName() + " marked as not in Metron", List.of());
    }

    /**
     * The Metron cover of an issue shown on the page, from the local store (fetched by the server the first time).
     *
     * @param issueId the issue
     * @return the image, or empty for an issue not shown or without a cover
     */
    public Optional<byte[]> metronCover(long issueId) {
        ReviewCandidate c = shown.get(issueId);
        return c == null || c.image() == null ? Optional.empty() : covers.cover(issueId, c.image());
    }

    /** How many covers were fetched from Metron's image host. */
    public long coversFetched() {
        return covers.fetched();
    }

    /** The pages that may be the file's cover: page 0, and the page its ComicInfo marks FrontCover. */
    public List<Integer> coverPages(ReviewItem item) {
        List<Integer> pages = new ArrayList<>(List.of(0));
        evidence(item).flatMap(Evidence::comicInfo).ifPresent(m -> m.pages().stream()
                .filter(p -> p.types().contains(PageType.FRONT_COVER)).map(p -> p.index()).findFirst()
                .filter(i -> i > 0).ifPresent(pages::add));
        return pages;
    }

    /**
     * A page of the file, scaled to {@link #COVER_WIDTH} pixels wide, as a JPEG.
     *
     * @param item the file
     * @param page one of {@link #coverPages}
     * @return the image, or empty when the page cannot be read
     */
    public Optional<byte[]> fileCover(ReviewItem item, int page) {
        if (!coverPages(item).contains(page)) {
            return Optional.empty();
        }
        try (ComicArchive archive = Archives.open(item.file())) {
            List<ArchiveEntry> pages = archive.pages();
            if (page >= pages.size()) {
                return Optional.empty();
            }
            ArchiveEntry entry = pages.get(page);
            Optional<BufferedImage> image = images.read(archive.read(entry, 64 * 1024 * 1024), entry.name(),
                    COVER_WIDTH).image();
            return image.map(Reviewer::scaledJpeg);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] scaledJpeg(BufferedImage image) {
        int width = Math.min(COVER_WIDTH, image.getWidth());
        int height = Math.max(1, (int) Math.round(image.getHeight() * (width / (double) image.getWidth())));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(scaled, "jpg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
