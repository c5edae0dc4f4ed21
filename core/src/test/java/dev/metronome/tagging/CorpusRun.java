package dev.metronome.tagging;

import dev.metronome.core.Metronome;
import dev.metronome.fixtures.corpus.LabelledArchive;
import dev.metronome.fixtures.metron.FakeMetronServer;
import dev.metronome.fixtures.metron.MutableClock;
import dev.metronome.fixtures.metron.RequestLogEntry;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test wiring shared by the corpus test and the accuracy benchmark: a fake Metron server on a hand-moved clock
 * (the rate limiter's waits move the clock instead of sleeping), an engine against it, and the scoring of a run
 * against the corpus' truth.
 */
public final class CorpusRun implements AutoCloseable {

    static final String USER = "corpus";
    static final String PASSWORD = "corpus-pass-123";

    /** The hand-moved clock shared by the fake and the engine. */
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    /** The fake server. */
    public final FakeMetronServer server;

    /** Starts the fake with Metron's default limits (20 a minute, 5,000 a day). */
    public CorpusRun() {
        this.server = FakeMetronServer.builder().clock(clock).account(USER, PASSWORD).start();
    }

    /** Starts the fake on a given catalogue, with Metron's default limits. */
    public CorpusRun(dev.metronome.fixtures.metron.Catalogue catalogue) {
        this.server = FakeMetronServer.builder().catalogue(catalogue).clock(clock).account(USER, PASSWORD).start();
    }

    /** An engine against the fake, with this cache folder. */
    public Metronome engine(Path cacheDir, int jobs) {
        return Metronome.builder().settings(MetronSettings.defaults().withBaseUrl(URI.create(server.baseUrl())))
                .credentials(MetronCredentials.basic(USER, PASSWORD)).cacheDir(cacheDir).clock(clock)
                .sleeper(d -> clock.advance(d)).jobs(jobs).build();
    }

    /** Moves the clock (e.g. a day between runs). */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** The fake's request log. */
    public List<RequestLogEntry> log() {
        return server.requestLog();
    }

    /** How many requests were answered while the burst window was already spent (must be 0). */
    public long sentWhileExhausted() {
        return log().stream().filter(e -> e.burstRemainingBefore() <= 0 || e.status() == 429).count();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Deletes a folder and everything in it (benchmark clean-up). */
    public static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The figures of a run against the truth.
     *
     * @param files       archives
     * @param matched     matched files
     * @param correct     matched to the true issue
     * @param ambiguous   ambiguous files
     * @param noMatch     no-match files
     * @param errors      error files
     * @param undecidable files that cannot be decided by design
     * @param correctDecidable correct matches among the files that can be decided
     * @param requests    requests sent
     * @param wrong       descriptions of the wrong matches
     */
    public record Score(int files, int matched, int correct, int ambiguous, int noMatch, int errors, int undecidable,
                        int correctDecidable, long requests, List<String> wrong) {

        /** Correct matches over all matches. */
        public double precision() {
            return matched == 0 ? 1.0 : (double) correct / matched;
        }

        /** Correct matches over all files. */
        public double recall() {
            return files == 0 ? 0 : (double) correct / files;
        }

        /** Correct matches over the files that can be decided. */
        public double decidableRecall() {
            return files == undecidable ? 0 : (double) correctDecidable / (files - undecidable);
        }

        /** Requests per file. */
        public double requestsPerFile() {
            return files == 0 ? 0 : (double) requests / files;
        }

        /** One line of figures. */
        public String line() {
            return String.format(Locale.ROOT, "files=%d precision=%.4f recall=%.4f recall(decidable)=%.4f "
                            + "ambiguous=%.4f no-match=%d errors=%d requests=%d requests/file=%.3f", files, precision(),
                    recall(), decidableRecall(), files == 0 ? 0 : (double) ambiguous / files, noMatch, errors,
                    requests, requestsPerFile());
        }
    }

    /** Scores a report against the truth. */
    public static Score score(List<LabelledArchive> truth, RunReport report) {
        Map<String, LabelledArchive> byPath = new HashMap<>();
        truth.forEach(t -> byPath.put(t.path().toString(), t));
        int matched = 0;
        int correct = 0;
        int correctDecidable = 0;
        int ambiguous = 0;
        int noMatch = 0;
        int errors = 0;
        List<String> wrong = new java.util.ArrayList<>();
        for (FileReport f : report.files()) {
            LabelledArchive t = byPath.get(f.path());
            switch (f.status()) {
                case FileReport.MATCHED -> {
                    matched++;
                    if (t != null && f.issueId() != null && f.issueId() == t.trueIssueId()) {
                        correct++;
                        correctDecidable += t.undecidable() ? 0 : 1;
                    } else {
                        wrong.add(f.path() + " -> " + f.issueId() + " (true " + (t == null ? "?" : t.trueIssueId())
                                + ", " + (t == null ? "?" : t.kind()) + ") " + f.evidence());
                    }
                }
                case FileReport.AMBIGUOUS -> ambiguous++;
                case FileReport.NO_MATCH -> noMatch++;
                default -> errors++;
            }
        }
        int undecidable = (int) truth.stream().filter(LabelledArchive::undecidable).count();
        Object total = report.summary().requests().get("total");
        return new Score(report.files().size(), matched, correct, ambiguous, noMatch, errors, undecidable,
                correctDecidable, ((Number) total).longValue(), wrong);
    }

    /** The files not matched correctly, with their kind and evidence (for diagnosis). */
    public static List<String> misses(List<LabelledArchive> truth, RunReport report) {
        Map<String, FileReport> byPath = new HashMap<>();
        report.files().forEach(f -> byPath.put(f.path(), f));
        return truth.stream().filter(t -> {
            FileReport f = byPath.get(t.path().toString());
            return f == null || f.issueId() == null || f.issueId() != t.trueIssueId();
        }).map(t -> {
            FileReport f = byPath.get(t.path().toString());
            return t.kind() + " " + t.path().getFileName() + " true=" + t.trueIssueId() + " -> "
                    + (f == null ? "missing" : f.status() + " " + f.issueId() + " " + f.evidence() + " "
                    + (f.error() == null ? "" : f.error()));
        }).toList();
    }

    /**
     * The truth of the cover-only archives, as honest as the API allows: one is "must match" only when its cover
     * pages' hashes are exactly one issue's {@code cover_hash} in the world, that issue being the true one (Metron
     * can only be asked for an exact hash); the others are marked {@link LabelledArchive#NOT_SINGLED_OUT}.
     *
     * @param truth     the corpus
     * @param catalogue the world the fake serves
     * @return the corpus, relabelled
     */
    public static List<LabelledArchive> coverOnlyTruth(List<LabelledArchive> truth,
                                                       dev.metronome.fixtures.metron.Catalogue catalogue) {
        Map<String, List<Long>> byHash = new HashMap<>();
        for (var issue : catalogue.issues()) {
            String hash = issue.path("cover_hash").asText("");
            if (!hash.isEmpty()) {
                byHash.computeIfAbsent(hash.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                        .add(issue.path("id").asLong());
            }
        }
        dev.metronome.identify.EvidenceCollector collector = new dev.metronome.identify.EvidenceCollector();
        return truth.stream().map(t -> {
            if (t.baseKind() != dev.metronome.fixtures.corpus.CorpusKind.COVER_ONLY) {
                return t;
            }
            try {
                java.util.Set<Long> found = new java.util.HashSet<>();
                collector.collect(t.path(), true).coverHashes()
                        .forEach(h -> found.addAll(byHash.getOrDefault(h.hex(), List.of())));
                return found.equals(java.util.Set.of(t.trueIssueId())) ? t : t.notSingledOut();
            } catch (java.io.IOException | RuntimeException e) {
                return t.notSingledOut();
            }
        }).toList();
    }

    /** The cover-only archives on their own: how many, how many findable by their cover, matched, right. */
    public static String coverOnly(List<LabelledArchive> truth, RunReport report) {
        Map<String, FileReport> byPath = new HashMap<>();
        report.files().forEach(f -> byPath.put(f.path(), f));
        int files = 0;
        int findable = 0;
        int matched = 0;
        int right = 0;
        int rightFindable = 0;
        for (LabelledArchive t : truth) {
            if (t.baseKind() != dev.metronome.fixtures.corpus.CorpusKind.COVER_ONLY) {
                continue;
            }
            files++;
            findable += t.undecidable() ? 0 : 1;
            FileReport f = byPath.get(t.path().toString());
            if (f != null && FileReport.MATCHED.equals(f.status())) {
                matched++;
                boolean ok = f.issueId() != null && f.issueId() == t.trueIssueId();
                right += ok ? 1 : 0;
                rightFindable += ok && !t.undecidable() ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "%d files, %d singled out by an exact cover hash; matched %d, right %d "
                + "(precision %.4f, recall on the singled-out %.4f)", files, findable, matched, right,
                matched == 0 ? 1.0 : (double) right / matched, findable == 0 ? 1.0 : (double) rightFindable / findable);
    }

    /** Precision and recall per kind of file (naming template), one line each. */
    public static List<String> byKind(List<LabelledArchive> truth, RunReport report) {
        Map<String, FileReport> byPath = new HashMap<>();
        report.files().forEach(f -> byPath.put(f.path(), f));
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (LabelledArchive t : truth) {
            int[] c = counts.computeIfAbsent(t.kind(), k -> new int[3]);
            FileReport f = byPath.get(t.path().toString());
            c[0]++;
            if (f != null && FileReport.MATCHED.equals(f.status())) {
                c[1]++;
                c[2] += f.issueId() != null && f.issueId() == t.trueIssueId() ? 1 : 0;
            }
        }
        List<String> lines = new java.util.ArrayList<>();
        counts.forEach((kind, c) -> lines.add(String.format(Locale.ROOT, "%-20s files=%4d matched=%4d "
                + "precision=%.4f recall=%.4f", kind, c[0], c[1], c[1] == 0 ? 1.0 : (double) c[2] / c[1],
                (double) c[2] / c[0])));
        return lines;
    }

    /** Requests counted by kind (issue details, series details, listings, searches by filter...). */
    public static Map<String, Integer> requestKinds(List<RequestLogEntry> log) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (RequestLogEntry e : log) {
            String q = e.pathAndQuery();
            String kind;
            if (q.matches("/api/issue/\\d+/")) {
                kind = "issue detail";
            } else if (q.matches("/api/series/\\d+/")) {
                kind = "series detail";
            } else if (q.matches("/api/series/\\d+/issue_list/.*")) {
                kind = "series issue_list";
            } else if (q.startsWith("/api/issue/?")) {
                kind = "issue?" + filterKeys(q);
            } else if (q.startsWith("/api/series/?")) {
                kind = "series?" + filterKeys(q);
            } else {
                kind = q.replaceAll("\\d+", "N").replaceAll("\\?.*", "?...");
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }

    /** The sorted filter names of a list query, without {@code page}. */
    private static String filterKeys(String pathAndQuery) {
        List<String> keys = new java.util.ArrayList<>();
        for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!key.equals("page")) {
                keys.add(key);
            }
        }
        java.util.Collections.sort(keys);
        return String.join("&", keys);
    }

    /**
     * The matched files whose names left several candidates and whose cover hash decided: how many, and how many of
     * them right (listed separately, as the cover-hash path was unmeasured before covers had hashes).
     */
    public static String coverDecided(List<LabelledArchive> truth, RunReport report) {
        Map<String, LabelledArchive> byPath = new HashMap<>();
        truth.forEach(t -> byPath.put(t.path().toString(), t));
        int decided = 0;
        int right = 0;
        for (FileReport f : report.files()) {
            if (FileReport.MATCHED.equals(f.status()) && f.candidates().size() > 1
                    && f.evidence().stream().anyMatch(e -> e.startsWith("cover hash distance"))) {
                decided++;
                LabelledArchive t = byPath.get(f.path());
                right += t != null && f.issueId() != null && f.issueId() == t.trueIssueId() ? 1 : 0;
            }
        }
        return decided + " files, " + right + " right";
    }
}
