package dev.metronome.core;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aRefusedConnectionSaysSoInsteadOfItsClassAndNull() {
        assertThat(Problems.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(Problems.describe(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("connection timed out");
    }

    @Test
    void aDeniedFileSaysPermissionDeniedAndNamesTheFileEvenWhenWrapped() {
        AccessDeniedException denied = new AccessDeniedException("/comics/ro/a.cbz");
        assertThat(Problems.describe(denied)).isEqualTo("permission denied (/comics/ro/a.cbz)");
        assertThat(Problems.describe(new UncheckedIOException(denied))).isEqualTo("permission denied (/comics/ro/a.cbz)");
    }

    @Test
    void controlCharactersCannotBreakALine() {
        assertThat(Problems.oneLine("bad\rname.cbz: not a zip")).isEqualTo("bad?name.cbz: not a zip");
        assertThat(Problems.oneLine("first line\nsecond line")).isEqualTo("first line");
        assertThat(Problems.printable("a\u001b[2Jb")).isEqualTo("a?[2Jb");
    }
}
