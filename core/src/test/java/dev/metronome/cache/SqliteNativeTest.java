package dev.metronome.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached copy of sqlite-jdbc's native library: made once, used while it matches the jar, made again if not. */
class SqliteNativeTest {

    @Test
    void theCopyIsMadeOnceAndMadeAgainWhenItNoLongerMatches(@TempDir Path cache) throws Exception {
        Path library = SqliteNative.copyIn(cache).orElseThrow();
        assertThat(library).startsWith(cache.resolve("native")).isRegularFile();
        byte[] good = Files.readAllBytes(library);
        assertThat(good.length).isGreaterThan(100_000);
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library); // no temp file left
        }

        // a second start uses the copy as it is
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(SqliteNative.copyIn(cache)).contains(library);
        assertThat(Files.getLastModifiedTime(library).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));

        // a damaged copy (same size, one byte changed) is not loaded: it is written again
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x5A;
        Files.write(library, damaged);
        assertThat(SqliteNative.copyIn(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(good);

        // a truncated one too
        Files.write(library, new byte[10]);
        assertThat(SqliteNative.copyIn(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(good);
    }

    @Test
    void laterStartsFindTheLibraryWithoutAskingTheSystemForThePlatformAgain(@TempDir Path cache) throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<String> platform = () -> {
            asked.incrementAndGet();
            return org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath();
        };
        Path library = SqliteNative.copyIn(cache, platform).orElseThrow();
        assertThat(asked).hasValue(1);

        assertThat(SqliteNative.copyIn(cache, platform)).contains(library);
        assertThat(asked).hasValue(1); // remembered: no `uname` child process on this start

        // a damaged copy is not trusted on the memo's word: the platform is asked again and the copy rewritten
        byte[] good = Files.readAllBytes(library);
        Files.write(library, new byte[10]);
        assertThat(SqliteNative.copyIn(cache, platform)).contains(library);
        assertThat(asked).hasValue(2);
        assertThat(Files.readAllBytes(library)).isEqualTo(good);

        // a memo written for another jar or platform is not used
        Path memo = cache.resolve("native").resolve("sqlite.properties");
        Files.writeString(memo, Files.readString(memo).replaceFirst("key=.*", "key=other.jar|1|2|Linux|amd64"));
        assertThat(SqliteNative.copyIn(cache, platform)).contains(library);
        assertThat(asked).hasValue(3);

        // nor a damaged one
        Files.writeString(memo, "key=\\u12");
        assertThat(SqliteNative.copyIn(cache, platform)).contains(library);
        assertThat(asked).hasValue(4);
        assertThat(SqliteNative.copyIn(cache, platform)).contains(library);
        assertThat(asked).hasValue(4);
    }
}
