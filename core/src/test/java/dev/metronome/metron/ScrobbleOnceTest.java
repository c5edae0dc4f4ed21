package dev.metronome.metron;

import dev.metronome.cache.MetronCache;
import dev.metronome.fixtures.metron.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scrobble against the real-shaped answer succeeds, and no read is ever sent twice. */
class ScrobbleOnceTest {

    @Test
    void theRealShapedAnswerIsASuccessWithCreatedAsABoolean() {
        try (FakeMetron fake = new FakeMetron()) {
            MetronClient client = fake.client();
            var first = client.scrobble(156270, OffsetDateTime.parse("2026-02-28T21:30:00Z"), 4);
            assertThat(first.created()).isTrue();
            assertThat(first.isRead()).isTrue();
            assertThat(first.issue().id()).isEqualTo(156270);
            assertThat(first.issue().number()).isEqualTo("3");
            // the collection shape: no display text, image or cover hash
            assertThat(first.issue().issue()).isNull();
            assertThat(first.issue().coverHash()).isNull();
            var second = client.scrobble(156270, OffsetDateTime.parse("2026-03-01T08:00:00Z"), null);
            assertThat(second.created()).isFalse();
        }
    }

    @Test
    void aReRunDoesNotSendARecordedReadAgain(@TempDir Path dir) {
        try (FakeMetron fake = new FakeMetron(); MetronCache cache = MetronCache.open(dir, fake.clock)) {
            List<ScrobbleService.Scrobble> reads = List.of(new ScrobbleService.Scrobble(156270, null, 4),
                    new ScrobbleService.Scrobble(1, OffsetDateTime.parse("2026-02-01T10:00:00Z"), null));
            List<ScrobbleService.Outcome> first = new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads);
            assertThat(first).extracting(ScrobbleService.Outcome::status)
                    .containsExactly(ScrobbleService.Status.RECORDED, ScrobbleService.Status.RECORDED);
            // a second run (new client, same cache) sends nothing
            List<ScrobbleService.Outcome> again = new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads);
            assertThat(again).extracting(ScrobbleService.Outcome::status).containsOnly(
                    ScrobbleService.Status.ALREADY_RECORDED);
            assertThat(again).allMatch(ScrobbleService.Outcome::ok);
            assertThat(fake.server.scrobbles()).hasSize(2);
        }
    }

    @Test
    void aScrobbleWhoseAnswerWasLostIsNotSentAgain(@TempDir Path dir) {
        try (FakeMetron fake = new FakeMetron(); MetronCache cache = MetronCache.open(dir, fake.clock)) {
            fake.server.enqueue(Fault.lostAnswer());
            List<ScrobbleService.Scrobble> reads = List.of(new ScrobbleService.Scrobble(156270, null, null),
                    new ScrobbleService.Scrobble(1, null, null));
            List<ScrobbleService.Outcome> first = new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads);
            // the server recorded it, the client could not know: uncertain, and the batch stops there
            assertThat(fake.server.scrobbles()).hasSize(1);
            assertThat(first.get(0).status()).isEqualTo(ScrobbleService.Status.UNCERTAIN);
            assertThat(first.get(1).status()).isEqualTo(ScrobbleService.Status.FAILED);
            // the re-run sends the one never sent, and not the uncertain one
            List<ScrobbleService.Outcome> again = new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads);
            assertThat(again).extracting(ScrobbleService.Outcome::status)
                    .containsExactly(ScrobbleService.Status.UNCERTAIN, ScrobbleService.Status.RECORDED);
            assertThat(again.get(0).error()).contains("may already be recorded");
            assertThat(fake.server.scrobbles()).hasSize(2);
            assertThat(fake.server.scrobbles()).extracting(n -> n.path("issue_id").asInt()).containsExactly(156270, 1);
        }
    }

    @Test
    void aRefusedScrobbleIsForgottenAndMayBeSentAgain(@TempDir Path dir) {
        try (FakeMetron fake = new FakeMetron(); MetronCache cache = MetronCache.open(dir, fake.clock)) {
            fake.server.enqueue(Fault.status(400));
            List<ScrobbleService.Scrobble> reads = List.of(new ScrobbleService.Scrobble(156270, null, null));
            assertThat(new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads).get(0).status())
                    .isEqualTo(ScrobbleService.Status.FAILED);
            assertThat(new ScrobbleService(fake.client(), fake.clock, cache).scrobble(reads).get(0).status())
                    .isEqualTo(ScrobbleService.Status.RECORDED);
        }
    }
}
