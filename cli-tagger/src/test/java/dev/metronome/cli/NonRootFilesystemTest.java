package dev.metronome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.archive.Archives;
import dev.metronome.archive.ComicArchive;
import dev.metronome.fixtures.metron.FakeMetronServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's filesystem cases that only a non-root user meets (root ignores permission bits): a read-only folder, a
 * read-only (0444) archive and an unreadable (0000) one. The command runs as a child JVM as a real non-root user: when
 * the tests run as root (as here and in CI), under {@code setpriv} as {@code nobody} (65534), on a copy of the class
 * path that user can read; otherwise as the current user. Skipped, with one line saying why, only if neither is
 * possible.
 */
class NonRootFilesystemTest {

    private static final int NOBODY = 65534;
    private static final String MAIN = "dev.metronome.cli.MetronomeCommand";

    @TempDir
    Path dir;

    /** The class path copied once for the class, where the dropped user can read it. */
    @TempDir
    static Path shared;

    private FakeMetronServer metron;
    private Path library;
    private Path saga;

    /** How the child is started: a prefix (setpriv …) and whether files must be handed over to that user. */
    private record RunAs(List<String> prefix, boolean dropped) {
    }

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        metron = FakeMetronServer.builder().account("nobody", "nobody-pass").burst(1000, Duration.ofSeconds(10)).start();
        library = Files.createDirectories(dir.resolve("library"));
        SampleLibrary.create(library);
        Files.delete(library.resolve("broken.cbz"));
        saga = library.resolve("Saga (2012)");
    }

    @AfterEach
    void stop() throws IOException {
        metron.close();
        // the folders and files made unreadable or read-only are given back, so that the temp dir can be cleaned
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
    }

    private Path sagaFile(int n) {
        return saga.resolve(String.format("Saga %03d (2012) (Digital) (Zone-Empire).cbz", n));
    }

    @Test
    void aReadOnlyFolderAndAReadOnlyArchiveAreOneLineEachTheBatchGoesOnAndForceWritesTheArchive() throws Exception {
        RunAs user = nonRootUser();
        Path readOnlyFolder = Files.createDirectories(library.resolve("read-only"));
        Path inReadOnlyFolder = Files.move(sagaFile(3), readOnlyFolder.resolve(sagaFile(3).getFileName()));
        Path readOnlyArchive = sagaFile(5);
        handOver(user);
        Files.setPosixFilePermissions(readOnlyFolder, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(readOnlyArchive, PosixFilePermissions.fromString("r--r--r--"));
        String folderFileHash = TagCommandTest.sha256(inReadOnlyFolder);
        String readOnlyHash = TagCommandTest.sha256(readOnlyArchive);

        Run run = run(user, "tag", library.toString());

        String why = run.out() + run.err();
        assertThat(run.exitCode()).as("README: 1 = some files not tagged; " + why).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(oneLineNaming(run, inReadOnlyFolder)).as(why).containsAnyOf("permission denied", "not writable");
        assertThat(oneLineNaming(run, readOnlyArchive)).as(why).contains("read-only").contains("--force");
        assertThat(TagCommandTest.sha256(inReadOnlyFolder)).as("byte-identical").isEqualTo(folderFileHash);
        assertThat(TagCommandTest.sha256(readOnlyArchive)).as("byte-identical").isEqualTo(readOnlyHash);
        try (Stream<Path> left = Files.list(readOnlyFolder)) {
            assertThat(left.toList()).as("no temp file left").containsExactly(inReadOnlyFolder);
        }
        for (Path other : List.of(sagaFile(1), sagaFile(2), sagaFile(4), sagaFile(6), library.resolve("scan0007.cbz"))) {
            assertThat(tagged(other)).as("the batch went on: " + other + "; " + why).isTrue();
        }
        assertThat(run.out()).contains("errors           2");

        Run forced = run(user, "tag", "--force", readOnlyArchive.toString());

        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isEqualTo(ExitCode.OK);
        assertThat(tagged(readOnlyArchive)).isTrue();
    }

    @Test
    void anUnreadableArchiveIsOneLineAndTheOthersAreTagged() throws Exception {
        RunAs user = nonRootUser();
        Path unreadable = sagaFile(4);
        handOver(user);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        String hash = TagCommandTest.sha256(unreadable);

        Run run = run(user, "tag", library.toString());

        String why = run.out() + run.err();
        assertThat(run.exitCode()).as(why).isEqualTo(ExitCode.SOME_NOT_TAGGED);
        assertThat(oneLineNaming(run, unreadable)).as(why).contains("permission denied");
        assertThat(TagCommandTest.sha256(unreadable)).isEqualTo(hash);
        for (int n : new int[] {1, 2, 3, 5, 6}) {
            assertThat(tagged(sagaFile(n))).as("tagged: " + sagaFile(n) + "; " + why).isTrue();
        }
    }

    /** The one stderr line naming the file, which names it once. */
    private static String oneLineNaming(Run run, Path file) {
        String name = file.getFileName().toString();
        List<String> lines = run.err().lines().filter(l -> l.contains(name)).toList();
        assertThat(lines).as("one line for " + name + " in:\n" + run.err()).hasSize(1);
        assertThat(lines.get(0)).containsOnlyOnce(name);
        return lines.get(0);
    }

    /** Whether the archive holds a ComicInfo.xml that names its Metron issue, as Metronome writes it. */
    private static boolean tagged(Path file) throws IOException {
        try (ComicArchive archive = Archives.open(file)) {
            return archive.readMetadata("ComicInfo.xml").map(b -> new String(b, StandardCharsets.UTF_8))
                    .filter(xml -> xml.contains("metron.cloud/issue/")).isPresent();
        }
    }

    // ---- running as a non-root user ---------------------------------------------------------------------------------

    /** The current user if it is not root; else nobody through setpriv; else the test is skipped with one line. */
    private RunAs nonRootUser() throws Exception {
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        if (uid != 0) {
            return new RunAs(List.of(), false);
        }
        Optional<Path> setpriv = onPath("setpriv");
        Assumptions.assumeTrue(setpriv.isPresent(), "running as root and setpriv is not installed (util-linux):"
                + " cannot drop to a non-root user, and root ignores the permission bits these cases are about");
        List<String> prefix = List.of(setpriv.get().toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups");
        List<String> probe = new ArrayList<>(prefix);
        probe.addAll(List.of("id", "-u"));
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && said.equals("" + NOBODY),
                "running as root and setpriv cannot drop to uid " + NOBODY + " here: " + said);
        return new RunAs(prefix, true);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** Gives the temp dir to the dropped user, who must write the library and cache, and lets it read the class path. */
    private void handOver(RunAs user) throws IOException {
        if (!user.dropped()) {
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!Files.isDirectory(shared.resolve("classpath"))) {
            copyClassPath(shared.resolve("classpath"));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
    }

    /** The test's class path copied where the dropped user can read it (root's Maven repository is private). */
    private static void copyClassPath(Path to) throws IOException {
        Files.createDirectories(to);
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            Path target = to.resolve(n++ + "-" + from.getFileName());
            if (Files.isDirectory(from)) {
                try (Stream<Path> tree = Files.walk(from)) {
                    for (Path p : tree.toList()) {
                        Path copy = target.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(copy);
                        } else {
                            Files.copy(p, copy);
                        }
                    }
                }
            } else if (Files.isRegularFile(from)) {
                Files.copy(from, target);
            }
        }
        try (Stream<Path> copied = Files.walk(to)) { // readable by all, whatever the umask
            for (Path p : copied.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
    }

    private String classPath(RunAs user) throws IOException {
        if (!user.dropped()) {
            return System.getProperty("java.class.path");
        }
        try (Stream<Path> entries = Files.list(shared.resolve("classpath"))) {
            return String.join(File.pathSeparator, entries.map(Path::toString).sorted().toList());
        }
    }

    private Run run(RunAs user, String... args) throws Exception {
        List<String> command = new ArrayList<>(user.prefix());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(user), MAIN));
        command.addAll(List.of(args));
        Path home = Files.createDirectories(dir.resolve("home"));
        if (user.dropped()) {
            Files.setAttribute(home, "unix:uid", NOBODY);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("METRON_URL", metron.baseUrl());
        builder.environment().put("METRON_USER", "nobody");
        builder.environment().put("METRON_PASS", "nobody-pass");
        builder.environment().put("METRONOME_CACHE_DIR", home.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
