package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;


import dev.metronome.fixtures.metron.FakeMetronServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tag} and {@code identify} in-process against the fake Metron server. */
class TagCommandTest {

    @TempDir
    Path home;

    private FakeMetronServer metron;
    private Map<String, String> env;
    private Path library;
    private Map<Path, Long> archives;

    @BeforeEach
    void start() throws Exception {
        metron = FakeMetronServer.builder().account("tagger", "tagger-pass").burst(1000, Duration.ofSeconds(10)).start();
        env = Map.of("METRON_URL", metron.baseUrl(), "METRON_USER", "tagger", "METRON_PASS", "tagger-pass",
                "METRONOME_CACHE_DIR", home.resolve("cache").toString());
        library = Files.createDirectories(home.resolve("library"));
        archives = SampleLibrary.create(library);
    }

    @AfterEach
    void stop() {
        metron.close();
    }

    private Map<Path, String> hashes() throws Exception {
        Map<Path, String> hashes = new HashMap<>();
        try (var files = Files.walk(library)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(file, sha256(file));
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void identifyDecidesWithoutWritingAndPrintsTheJsonReport() throws Exception {
        Map<Path, String> before = hashes();
        Cli.Run run = Cli.run(env, home, "identify", "--json", library.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.SOME_NOT_TAGGED);
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("files")).hasSize(archives.size());
        JsonNode first = report.get("files").get(0);
        assertThat(iterable(first.fieldNames())).contains("path", "status", "issue_id", "confidence", "candidates", "evidence", "written");
        assertThat(iterable(report.get("summary").fieldNames()))
                .contains("files", "matched", "ambiguous", "no_match", "errors", "requests", "elapsed_ms");
        assertThat(report.at("/summary/requests/total").asInt()).isPositive();
        assertThat(hashes()).isEqualTo(before);
        for (JsonNode file : report.get("files")) {
            assertThat(file.get("written").asBoolean()).isFalse();
        }
    }

    /** The issue detail requests ({@code issue/N/}) the fake received. */
    private long detailRequests() {
        return metron.requestLog().stream().filter(e -> e.pathAndQuery().matches("/api/issue/\\d+/")).count();
    }

    @Test
    void identifyFetchesIssueDetailsOnlyWithDetails() throws Exception {
        Cli.Run plain = Cli.run(env, home, "identify", "--json", library.toString());
        JsonNode report = Json.mapper().readTree(plain.out());
        long matched = 0;
        for (JsonNode file : report.get("files")) {
            if (file.get("status").asText().equals("matched")) {
                matched++;
                assertThat(file.get("evidence").toString()).doesNotContain("details: ");
            }
        }
        assertThat(matched).isPositive();
        long withoutDetails = detailRequests();

        Cli.Run detailed = Cli.run(env.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getKey().equals("METRONOME_CACHE_DIR") ? home.resolve("cache2").toString() : e.getValue())),
                home, "identify", "--details", "--json", library.toString());
        JsonNode again = Json.mapper().readTree(detailed.out());
        for (JsonNode file : again.get("files")) {
            if (file.get("status").asText().equals("matched")) {
                assertThat(file.get("evidence").toString()).as(file.toString()).contains("details: ");
            }
        }
        // without --details only files whose evidence is a detail (a carried id, a UPC) cost one; with it, every
        // matched file does
        assertThat(detailRequests() - withoutDetails).isGreaterThanOrEqualTo(matched);
        assertThat(withoutDetails).isLessThan(matched);
    }

    @Test
    void tagWritesMatchedFilesReportsTheRestAndSettlesWithId() throws Exception {
        Path reportFile = home.resolve("report.json");
        Cli.Run run = Cli.run(env, home, "tag", "--report", reportFile.toString(), library.toString());
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.out()).contains("Summary").contains("matched");
        JsonNode report = Json.mapper().readTree(Files.readString(reportFile));
        int written = 0;
        for (JsonNode file : report.get("files")) {
            if (file.get("status").asText().equals("matched")) {
                assertThat(file.get("written").asBoolean()).as(file.toString()).isTrue();
                assertThat(file.get("issue_id").asLong()).isEqualTo(archives.get(Path.of(file.get("path").asText())));
                Path path = Path.of(file.hasNonNull("written_path") ? file.get("written_path").asText() : file.get("path").asText());
                try (ComicArchive archive = Archives.open(path)) {
                    assertThat(new String(archive.readMetadata("ComicInfo.xml").orElseThrow()))
                            .contains("[issue_id:" + file.get("issue_id").asLong() + "]");
                }
                written++;
            }
        }
        assertThat(written).isEqualTo(7);
        assertThat(run.out()).contains("broken.cbz");
        JsonNode ambiguous = null;
        for (JsonNode file : report.get("files")) {
            if (file.get("status").asText().equals("ambiguous")) {
                ambiguous = file;
            }
        }
        if (ambiguous != null) {
            assertThat(run.out()).contains("settle: metronome tag --id");
            long id = ambiguous.at("/candidates/0/issue_id").asLong();
            Cli.Run settle = Cli.run(env, home, "tag", "--id", String.valueOf(id), ambiguous.get("path").asText());
            assertThat(settle.exitCode()).as(settle.out() + settle.err()).isZero();
        }
        assertThat(run.exitCode()).as("the broken file is not tagged").isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(1);
    }

    @Test
    void strictComicInfoComesFromTheConfigFileAndTheFlagOverridesIt() throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/metronome")).resolve("config.properties");
        Files.writeString(config, "comicinfo.strict = true\n");
        Path file = archives.keySet().stream().filter(p -> p.toString().endsWith("Saga 001 (2012) (Digital) (Zone-Empire).cbz"))
                .findFirst().orElseThrow();
        Cli.Run strict = Cli.run(env, home, "tag", "--id", "51658", file.toString());
        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isZero();
        byte[] strictXml = comicInfo(file);
        assertThat(new String(strictXml)).doesNotContain("<GTIN>");
        assertThat(dev.metronome.comicinfo.ComicInfoSchemas.validate(strictXml, dev.metronome.comicinfo.ComicInfoVersion.V2_0)).isEmpty();

        Cli.Run draft = Cli.run(env, home, "tag", "--no-strict-comicinfo", "--id", "51658", file.toString());
        assertThat(draft.exitCode()).as(draft.out() + draft.err()).isZero();
        byte[] draftXml = comicInfo(file);
        assertThat(new String(draftXml)).contains("<GTIN>75960609036504711</GTIN>");
        assertThat(dev.metronome.comicinfo.ComicInfoSchemas.validate(draftXml, dev.metronome.comicinfo.ComicInfoVersion.V2_1)).isEmpty();

        Files.writeString(config, "comicinfo.strict = maybe\n");
        assertThat(Cli.run(env, home, "tag", "--id", "51658", file.toString()).exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    }

    @Test
    void fixExtensionsRenamesAZipNamedCbrToCbzAndSaysSo() throws Exception {
        Path cbz = archives.keySet().stream().filter(p -> p.toString().endsWith("Saga 002 (2012) (Digital) (Zone-Empire).cbz"))
                .findFirst().orElseThrow();
        Path cbr = Files.move(cbz, cbz.resolveSibling("Saga 002.cbr"));
        Cli.Run run = Cli.run(env, home, "tag", "--fix-extensions", "--id", "516882", cbr.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(cbr).doesNotExist();
        assertThat(cbr.resolveSibling("Saga 002.cbz")).exists();
        assertThat(run.err()).contains("renamed Saga 002.cbr to Saga 002.cbz (its content is a ZIP)");
        assertThat(new String(comicInfo(cbr.resolveSibling("Saga 002.cbz")))).contains("[issue_id:516882]");
    }

    private static byte[] comicInfo(Path file) throws Exception {
        try (ComicArchive archive = Archives.open(file)) {
            return archive.readMetadata("ComicInfo.xml").orElseThrow();
        }
    }

    @Test
    void dryRunWritesNothingAndMissingCredentialsAreAConfigurationError() throws Exception {
        Map<Path, String> before = hashes();
        Cli.Run dry = Cli.run(env, home, "tag", "--dry-run", "--quiet", library.toString());
        assertThat(dry.exitCode()).isIn(ExitCode.OK, ExitCode.SOME_NOT_TAGGED);
        assertThat(hashes()).isEqualTo(before);

        Cli.Run noAccount = Cli.run(Map.of("METRON_URL", metron.baseUrl(), "METRONOME_CACHE_DIR",
                home.resolve("cache2").toString()), home, "tag", library.toString());
        assertThat(noAccount.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(noAccount.err()).contains("credentials");
        Cli.Run missing = Cli.run(env, home, "tag", home.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(missing.out()).contains("no such file or folder");
    }

    @Test
    void plainProgressLinesWhenNotATerminal() {
        Cli.Run run = Cli.run(env, home, "identify", library.toString());
        assertThat(run.err()).contains("files to do").containsPattern("\\[1/\\d+\\] ");
        assertThat(run.err()).doesNotContain("\r");
    }

    private static Set<String> iterable(java.util.Iterator<String> names) {
        Set<String> set = new java.util.HashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }
}
