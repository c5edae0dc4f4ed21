package dev.metronome.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A healthy cache is never thrown away because it is busy or the disk is full. */
class CacheFailureTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    private Path database() {
        return dir.resolve(MetronCache.FILE_NAME);
    }

    private void assertNothingSetAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".corrupt-"));
        }
    }

    @Test
    void aCacheBusyWithAnotherWriterIsWaitedForThenLeftAsItIsWithOneClearLine() throws Exception {
        MetronCache.open(dir, clock).close();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO meta (key, value) VALUES ('holder', 'was here')");

            assertThatThrownBy(() -> MetronCache.open(dir, clock, f -> MetronCache.connect(f, Duration.ofMillis(50)),
                    f -> MetronCache.connect(f, Duration.ofMillis(200))))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("in use by another Metronome process").hasMessageNotContaining("\n");
            assertNothingSetAside();
            s.execute("COMMIT");
        }
        try (MetronCache cache = MetronCache.open(dir, clock);
             Connection check = DriverManager.getConnection("jdbc:sqlite:" + database());
             ResultSet rs = check.createStatement().executeQuery("SELECT value FROM meta WHERE key = 'holder'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("was here");
        }
    }

    @Test
    void aFullDiskStopsClearlyAndKeepsTheCache() throws Exception {
        MetronCache.open(dir, clock).close();
        long size = Files.size(database());
        MetronCache.Connector full = f -> {
            throw new SQLiteException("[SQLITE_FULL] database or disk is full", SQLiteErrorCode.SQLITE_FULL);
        };

        assertThatThrownBy(() -> MetronCache.open(dir, clock, full, full))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk is full");

        assertNothingSetAside();
        assertThat(Files.size(database())).isEqualTo(size);
    }

    @Test
    void aDamagedCacheIsSetAsideOnlyWhenNoOtherProcessHasItOpen() throws Exception {
        MetronCache.open(dir, clock).close();
        MetronCache.Connector damaged = f -> {
            throw new SQLException("integrity check failed", "XX001", CacheFailure.INTEGRITY);
        };
        Path holderSource = Files.writeString(dir.resolve("HoldCache.java"), """
                import java.sql.Connection;
                import java.sql.DriverManager;
                public class HoldCache {
                    public static void main(String[] args) throws Exception {
                        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
                            c.createStatement().executeQuery("SELECT count(*) FROM meta").close();
                            System.out.println("open");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                holderSource.toString(), database().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream()));
            String line;
            do {
                line = out.readLine(); // past whatever the child logs
            } while (line != null && !line.equals("open"));
            assertThat(line).isEqualTo("open");

            assertThatThrownBy(() -> MetronCache.open(dir, clock, damaged, damaged))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("another Metronome process");
            assertNothingSetAside();
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        MetronCache.open(dir, clock, damaged, f -> MetronCache.connect(f, Duration.ofSeconds(1))).close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(".corrupt-"));
        }
    }
}
