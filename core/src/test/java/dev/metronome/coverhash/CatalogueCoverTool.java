package dev.metronome.coverhash;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metronome.fixtures.metron.IssueCovers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/**
 * Regenerates the bundled fake-Metron catalogue's cover data so that it carries no null the real Metron never sends
 * (see the catalogue's README, "Cover data"):
 * <ul>
 *   <li>every issue's {@code cover_hash} is the phash (this module's exact port of {@code imagehash.phash}) of the
 *       JPEG the fake serves at its {@code image} URL ({@link IssueCovers}); one synthetic issue in a hundred has no
 *       cover ({@code image} null, {@code cover_hash ""}); real records keep their real hashes, and their covers are
 *       drawn to have them;</li>
 *   <li>every variant's {@code image} is a URL on Metron's image host, which the fake serves;</li>
 *   <li>every imprint names its publisher (four synthetic publishers are added for the parents the sample lacks).</li>
 * </ul>
 * Idempotent. Run it through {@link CatalogueCoverToolRun} (see there for the command).
 * {@code --check N} only verifies N issues and writes nothing.
 */
public final class CatalogueCoverTool {

    /** First synthetic issue id (below it the records are real Metron data). */
    static final int FIRST_SYNTHETIC_ISSUE = 500_000;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Synthetic publishers for imprints whose parent the sample lacks (ids continue the synthetic range). */
    private static final List<String[]> ADDED_PUBLISHERS = List.of(
            new String[] {"5004", "Titan Comics", "UK"},
            new String[] {"5005", "Scout Comics", "US"},
            new String[] {"5006", "Malibu Comics", "US"},
            new String[] {"5007", "Scholastic", "US"});

    /** Imprint id to its parent publisher's id, for the imprints the sample left without one. */
    private static final Map<Integer, Integer> IMPRINT_PUBLISHER = Map.ofEntries(
            Map.entry(12, 20), Map.entry(13, 20), Map.entry(17, 2), Map.entry(18, 5007), Map.entry(19, 20),
            Map.entry(21, 5004), Map.entry(22, 54), Map.entry(23, 54), Map.entry(24, 5005), Map.entry(25, 5005),
            Map.entry(26, 5005), Map.entry(27, 4), Map.entry(28, 5005), Map.entry(29, 5006), Map.entry(30, 9),
            Map.entry(31, 48), Map.entry(32, 147), Map.entry(33, 13), Map.entry(34, 4), Map.entry(35, 2),
            Map.entry(36, 5006), Map.entry(37, 133), Map.entry(38, 136), Map.entry(39, 6), Map.entry(40, 3),
            Map.entry(42, 5006), Map.entry(44, 6));

    private CatalogueCoverTool() {
    }

    /**
     * Fixes the catalogue folder in place, or checks a sample.
     *
     * @param args the folder, then optionally {@code --check N}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        ArrayNode issues = read(dir, "issues");
        if (args.length > 2 && "--check".equals(args[1])) {
            int n = Integer.parseInt(args[2]);
            long start = System.nanoTime();
            AtomicInteger bad = new AtomicInteger();
            IntStream.range(0, n).parallel().forEach(i -> {
                ObjectNode issue = (ObjectNode) issues.get((int) ((long) i * issues.size() / n));
                String expected = String.format(Locale.ROOT, "%016x", IssueCovers.designHash(issue));
                String actual = servedHash(issue);
                if (!expected.equals(actual)) {
                    bad.incrementAndGet();
                    System.out.println("issue " + issue.path("id") + ": design " + expected + " served " + actual
                            + " distance " + CoverHash.distance(expected, actual));
                }
            });
            System.out.printf(Locale.ROOT, "%d of %d differ; %.1f ms per cover%n", bad.get(), n,
                    (System.nanoTime() - start) / 1e6 / n);
            return;
        }
        ArrayNode publishers = read(dir, "publishers");
        ArrayNode imprints = read(dir, "imprints");
        fixPublishers(publishers, imprints);
        List<String> problems = fixIssues(issues);
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            throw new IllegalStateException(problems.size() + " issues cannot be given a faithful cover; nothing "
                    + "written");
        }
        write(dir, "publishers", publishers);
        write(dir, "imprints", imprints);
        write(dir, "issues", issues);
    }

    private static void fixPublishers(ArrayNode publishers, ArrayNode imprints) {
        Set<Integer> ids = new HashSet<>();
        publishers.forEach(p -> ids.add(p.path("id").asInt()));
        for (String[] added : ADDED_PUBLISHERS) {
            if (ids.add(Integer.parseInt(added[0]))) {
                ObjectNode node = publishers.addObject();
                node.put("id", Integer.parseInt(added[0])).put("name", added[1]).putNull("founded")
                        .put("country", added[2]);
                node.putArray("alt_names");
                node.put("desc", "").putNull("image").putNull("cv_id").putNull("gcd_id")
                        .put("resource_url", "https://metron.cloud/publisher/"
                                + added[1].toLowerCase(Locale.ROOT).replace(' ', '-') + "/")
                        .put("modified", "2024-01-01T01:37:16.857029-05:00");
            }
        }
        for (JsonNode imprint : imprints) {
            if (imprint.path("publisher").isNull() || imprint.path("publisher").isMissingNode()) {
                Integer parent = IMPRINT_PUBLISHER.get(imprint.path("id").asInt());
                if (parent == null) {
                    throw new IllegalStateException("imprint " + imprint.path("id") + " has no known publisher");
                }
                JsonNode publisher = null;
                for (JsonNode p : publishers) {
                    if (p.path("id").asInt() == parent) {
                        publisher = p;
                    }
                }
                ((ObjectNode) imprint).putObject("publisher").put("id", parent)
                        .put("name", publisher.path("name").asText());
            }
        }
    }

    private static List<String> fixIssues(ArrayNode issues) {
        Set<String> paths = new HashSet<>();
        for (JsonNode issue : issues) {
            if (issue.path("image").isTextual()) {
                paths.add(issue.path("image").asText());
            }
        }
        for (JsonNode issue : issues) {
            int index = 0;
            for (JsonNode variant : issue.path("variants")) {
                if (!variant.path("image").isTextual()) {
                    ((ObjectNode) variant).put("image", variantUrl(issue, index, paths));
                }
                index++;
            }
            int id = issue.path("id").asInt();
            if (id >= FIRST_SYNTHETIC_ISSUE && issue.path("cover_hash").isNull() && Math.floorMod(mix(id), 100) == 0) {
                ((ObjectNode) issue).putNull("image");
                ((ObjectNode) issue).put("cover_hash", "");
            }
        }
        List<String> problems = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, issues.size()).parallel().forEach(i -> {
            ObjectNode issue = (ObjectNode) issues.get(i);
            if (!IssueCovers.hasCover(issue)) {
                if (!issue.path("cover_hash").isTextual() || !issue.path("cover_hash").asText().isEmpty()) {
                    issue.put("cover_hash", "");
                }
                return;
            }
            String design = String.format(Locale.ROOT, "%016x", IssueCovers.designHash(issue));
            String served = servedHash(issue);
            if (!design.equals(served)) {
                synchronized (problems) {
                    problems.add("issue " + issue.path("id") + ": stored/designed " + issue.path("cover_hash")
                            + "/" + design + ", served cover hashes to " + served);
                }
            } else if (!issue.path("cover_hash").isTextual()) {
                issue.put("cover_hash", served);
            }
            if (done.incrementAndGet() % 2000 == 0) {
                System.out.println(done.get() + " covers");
            }
        });
        return problems;
    }

    /** The phash of the JPEG the fake serves for this issue, decoded as a client would. */
    static String servedHash(JsonNode issue) {
        byte[] jpeg = IssueCovers.jpeg(IssueCovers.cover(issue));
        try {
            return CoverHash.of(ImageIO.read(new ByteArrayInputStream(jpeg))).hex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A variant image URL in Metron's style: the issue's image date and name, a letter per variant. */
    private static String variantUrl(JsonNode issue, int index, Set<String> taken) {
        String image = issue.path("image").asText("");
        String stem;
        String date;
        int media = image.indexOf("/media/issue/");
        if (media >= 0 && image.endsWith(".jpg")) {
            String rest = image.substring(media + "/media/issue/".length(), image.length() - 4);
            int slash = rest.lastIndexOf('/');
            date = rest.substring(0, slash);
            stem = rest.substring(slash + 1);
        } else {
            date = "2024/01/01";
            stem = "issue-" + issue.path("id").asInt();
        }
        for (int attempt = 0; ; attempt++) {
            String url = IssueCovers.MEDIA_ORIGIN + "/media/variants/" + date + "/" + stem
                    + (char) ('b' + index % 25) + (attempt == 0 && index < 25 ? "" : "-" + index + "-" + attempt)
                    + ".jpg";
            if (taken.add(url)) {
                return url;
            }
        }
    }

    private static long mix(long seed) {
        long z = seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }

    private static ArrayNode read(Path dir, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".json.gz")))) {
            return (ArrayNode) JSON.readTree(in);
        }
    }

    /** Writes a JSON array with one record per line, gzipped, as the sample's files are. */
    private static void write(Path dir, String name, ArrayNode records) throws IOException {
        Path target = dir.resolve(name + ".json.gz");
        Path temp = dir.resolve(name + ".json.gz.tmp");
        try (OutputStream file = Files.newOutputStream(temp);
             GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16) {
                 {
                     def.setLevel(9);
                 }
             };
             Writer out = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < records.size(); i++) {
                out.write(JSON.writeValueAsString(records.get(i)));
                out.write(i + 1 < records.size() ? ",\n" : "\n");
            }
            out.write("]\n");
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

}
