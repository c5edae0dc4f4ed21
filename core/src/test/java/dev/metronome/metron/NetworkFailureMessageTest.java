package dev.metronome.metron;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed connection is reported in words, not as {@code ConnectException: null}. */
class NetworkFailureMessageTest {

    @Test
    void aRefusedConnectionReadsConnectionRefused() {
        Exchange refused = request -> {
            throw new ConnectException();
        };
        RetryLayer retry = new RetryLayer(MetronSettings.defaults().withRetries(0, 0), Clock.systemUTC(),
                new TestSleeper(null), refused);
        Request get = Request.get(URI.create("https://metron.example/api/issue/1/"), "issue/{id}/", true);
        assertThatThrownBy(() -> retry.send(get)).isInstanceOf(MetronException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("connection refused").doesNotContain("null")
                        .doesNotContain("ConnectException"));
    }
}
